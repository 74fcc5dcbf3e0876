// Diplomacy: who must accept a proposal, whether its terms make sense, and how it
// reads to a person. Binding happens in actions.ts; effects in turn/ratify.ts.
import type { LoadedLevel } from './level';
import { FEE_LEVELS } from './level-schema';
import { indexOf } from './lookup';
import { compareStrings } from './hash';
import type { GameState, Proposal, ProposalTerms, StateId } from './types';
import { isInt, isObject, isStringArray, money, nameOf } from './util';

/** The largest power-line pledge a state may offer per turn, in $M. */
export const MAX_PLEDGE_PER_TURN = 5000;

const sortUnique = (ids: StateId[]) => [...new Set(ids)].sort(compareStrings);

export function partiesOf(level: LoadedLevel, from: StateId, terms: ProposalTerms): StateId[] {
  const idx = indexOf(level);
  switch (terms.kind) {
    case 'segmentDeal':
      return sortUnique([from, ...Object.keys(terms.shares), ...(idx.segments.get(terms.segment)?.owners ?? [])]);
    case 'securityPact':
      return sortUnique([from, ...terms.members]);
    case 'powerPledge':
      return sortUnique([from, ...terms.pledgers]);
    case 'peaceStep': {
      const t = level.peaceTrack;
      return sortUnique([...(t?.parties ?? []), ...(t?.guarantors ?? [])].filter((id) => idx.states.has(id)));
    }
    case 'summit':
      return sortUnique([from, ...terms.attendees]);
  }
}

const KIND_KEYS: Record<ProposalTerms['kind'], string[]> = {
  segmentDeal: ['kind', 'segment', 'shares', 'feeCap'],
  securityPact: ['kind', 'members', 'contribution', 'duration'],
  powerPledge: ['kind', 'stage', 'perTurn', 'turns', 'pledgers'],
  peaceStep: ['kind'],
  summit: ['kind', 'attendees'],
};

function isStateId(level: LoadedLevel, id: unknown): id is string {
  return typeof id === 'string' && indexOf(level).states.has(id);
}

function membersProblem(level: LoadedLevel, list: unknown, field: string, min: number): string | null {
  if (!isStringArray(list)) return `${field} must be a list of state ids`;
  const bad = list.find((m) => !isStateId(level, m));
  if (bad !== undefined) return `${field}: "${bad}" is not a player state in this level`;
  if (new Set(list).size !== list.length) return `${field} lists a state twice`;
  if (list.length < min) return `${field} needs at least ${min} states`;
  return null;
}

/** Returns a reason a person can read, or null when the terms are acceptable. */
export function checkTerms(level: LoadedLevel, s: GameState, from: StateId, raw: unknown): string | null {
  if (!isObject(raw)) return 'terms must be an object';
  const kind = raw.kind;
  if (typeof kind !== 'string' || !(kind in KIND_KEYS)) {
    return `unknown proposal kind ${JSON.stringify(kind)}; expected one of ${Object.keys(KIND_KEYS).join(', ')}`;
  }
  const allowed = KIND_KEYS[kind as ProposalTerms['kind']];
  const extra = Object.keys(raw).filter((k) => !allowed.includes(k));
  if (extra.length) return `unexpected field "${extra[0]}" in a ${kind} proposal`;
  const idx = indexOf(level);
  switch (kind) {
    case 'segmentDeal': {
      const seg = typeof raw.segment === 'string' ? idx.segments.get(raw.segment) : undefined;
      if (!seg) return `segment ${JSON.stringify(raw.segment)} does not exist`;
      if (seg.mode === 'cable') return `${seg.name} is a cable: a segment deal cannot fund it (its owners invest in it with orders)`;
      const st = s.segments[seg.id];
      if (st.status === 'open' && (!seg.upgrade || st.upgrading || st.capacity >= seg.upgrade.capacity)) {
        return `${seg.name} is open and has no upgrade left to fund`;
      }
      if (st.status === 'building' && !st.upgrading) return `${seg.name} is already fully funded and being built`;
      if (!isObject(raw.shares)) return 'shares must map state ids to basis points (summing to 10000)';
      let sum = 0;
      for (const [id, bp] of Object.entries(raw.shares)) {
        if (!isStateId(level, id)) return `shares: "${id}" is not a player state in this level`;
        if (!isInt(bp) || bp < 1 || bp > 10000) return `shares.${id} must be a whole number of basis points from 1 to 10000`;
        sum += bp;
      }
      if (sum !== 10000) return `the shares add up to ${sum / 100}%; they must add up to 100% (10000 basis points)`;
      if (!(from in raw.shares) && !seg.owners.includes(from)) return 'you must take a share or own the segment';
      if (typeof raw.feeCap !== 'string' || !(FEE_LEVELS as readonly string[]).includes(raw.feeCap)) {
        return `feeCap must be one of ${FEE_LEVELS.join(', ')}`;
      }
      return null;
    }
    case 'securityPact': {
      const err = membersProblem(level, raw.members, 'members', 2);
      if (err) return err;
      if (!(raw.members as string[]).includes(from)) return 'you must be a member of the pact you propose';
      if (!isInt(raw.contribution) || raw.contribution < 0 || raw.contribution > 1000) return 'contribution must be a whole number of $M from 0 to 1000 per turn';
      if (!isInt(raw.duration) || raw.duration < 1 || raw.duration > level.turns) return `duration must be from 1 to ${level.turns} turns`;
      return null;
    }
    case 'powerPledge': {
      if (!level.powerLine) return 'this level has no power line';
      const stage = typeof raw.stage === 'string' ? idx.stages.get(raw.stage) : undefined;
      if (!stage) return `power-line stage ${JSON.stringify(raw.stage)} does not exist`;
      // Funded in full by a grant in the news, a stage starts building only in the pledges step.
      if (s.power[stage.id].status !== 'planned' || s.power[stage.id].funded >= stage.cost) return `${stage.name} is already fully funded`;
      if (!isInt(raw.perTurn) || raw.perTurn < 1 || raw.perTurn > MAX_PLEDGE_PER_TURN) return `perTurn must be a whole number of $M from 1 to ${MAX_PLEDGE_PER_TURN}`;
      if (!isInt(raw.turns) || raw.turns < 1 || raw.turns > level.turns) return `turns must be from 1 to ${level.turns}`;
      const err = membersProblem(level, raw.pledgers, 'pledgers', 1);
      if (err) return err;
      if (!(raw.pledgers as string[]).includes(from)) return 'you must be one of the pledgers';
      return null;
    }
    case 'peaceStep': {
      const t = level.peaceTrack;
      if (!t) return 'this level has no peace track';
      if (!partiesOf(level, from, { kind: 'peaceStep' }).includes(from)) return `only ${t.parties.map((p) => nameOf(level, p)).join(' and ')} or a guarantor can propose a peace step`;
      if (s.peaceStage >= t.stages.length - 1) return `the ${t.name} is already at its last stage`;
      for (let i = thisTurnStart(s); i < s.proposals.length; i++) {
        const p = s.proposals[i];
        if (p.terms.kind === 'peaceStep' && (p.status === 'open' || p.status === 'bound')) return 'a peace step is already on the table this turn';
      }
      return null;
    }
    case 'summit': {
      const err = membersProblem(level, raw.attendees, 'attendees', 2);
      if (err) return err;
      if (!(raw.attendees as string[]).includes(from)) return 'the host must attend the summit';
      if (s.players[from].treasury < level.params.summitCost) return `hosting a summit costs ${money(level.params.summitCost)}; your treasury has ${money(s.players[from].treasury)}`;
      return null;
    }
  }
  return 'unknown proposal';
}

function namesOf(level: LoadedLevel, ids: readonly StateId[]): string {
  return ids.map((id) => nameOf(level, id)).join(', ');
}

export function describeTerms(level: LoadedLevel, from: StateId, terms: ProposalTerms): string {
  const idx = indexOf(level);
  switch (terms.kind) {
    case 'segmentDeal': {
      const seg = idx.segments.get(terms.segment);
      // Shares are basis points: 3334/3333/3333 read "33.34%, 33.33%, 33.33%", which add up to 100, not "33%" three times.
      const pct = (bp: number) => `${bp % 100 === 0 ? bp / 100 : (bp / 100).toFixed(2)}%`;
      const shares = Object.keys(terms.shares).sort(compareStrings).map((id) => `${nameOf(level, id)} ${pct(terms.shares[id])}`);
      return `Co-fund ${seg?.name ?? terms.segment}: ${shares.join(', ')}; transit fee capped at ${terms.feeCap}`;
    }
    case 'securityPact':
      return `Security pact of ${namesOf(level, terms.members)}: ${money(terms.contribution)} each per turn for ${terms.duration} turns`;
    case 'powerPledge':
      return `Power-line pledge to ${idx.stages.get(terms.stage)?.name ?? terms.stage}: ${namesOf(level, terms.pledgers)} pay ${money(terms.perTurn)} each per turn for ${terms.turns} turns`;
    case 'peaceStep': {
      const t = level.peaceTrack;
      return t ? `Peace step on the ${t.name}, proposed by ${nameOf(level, from)}` : 'Peace step';
    }
    case 'summit':
      return `Summit hosted by ${nameOf(level, from)} with ${namesOf(level, terms.attendees.filter((a) => a !== from))}`;
  }
}

/** Where this turn's proposals (the only ones that can still be open) begin: they are a tail of the list. */
export function thisTurnStart(s: GameState): number {
  let i = s.proposals.length;
  while (i > 0 && s.proposals[i - 1].turn === s.turn) i--;
  return i;
}

/** Where last turn's proposals start (this turn's follow them): what a bot remembers. */
export function lastTurnStart(s: GameState): number {
  let i = s.proposals.length;
  while (i > 0 && s.proposals[i - 1].turn >= s.turn - 1) i--;
  return i;
}

/** This turn's proposals: a tail of the list. */
export function thisTurnProposals(s: GameState): Proposal[] {
  return s.proposals.slice(thisTurnStart(s));
}

/** A proposal is decided once anyone rejects or everyone accepts. */
export function settle(p: Proposal): void {
  const values = p.parties.map((id) => p.responses[id]);
  if (values.includes('rejected')) p.status = 'rejected';
  else if (values.every((v) => v === 'accepted')) p.status = 'bound';
}
