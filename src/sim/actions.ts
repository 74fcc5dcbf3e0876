// Actions: validation with human reasons, the phase flow, and applyAction, which is one
// immer produce per action and never throws for bad input.
import { produce } from 'immer';
import type { LoadedLevel } from './level';
import { FEE_LEVELS, type FeeLevel } from './level-schema';
import { indexOf } from './lookup';
import { checkTerms, partiesOf, settle, thisTurnProposals } from './proposals';
import { restoreRng } from './rng';
import { finalizeGame, resolveTurn, startTurn } from './turn/index';
import type { Action, ActionResult, GameState, Orders, ProposalTerms, StateId } from './types';
import { isInt, isObject, nameOf } from './util';

const ACTION_KEYS: Record<Action['type'], string[]> = {
  propose: ['type', 'player', 'terms'],
  respond: ['type', 'player', 'proposal', 'accept'],
  endDiplomacy: ['type', 'player'],
  submitOrders: ['type', 'player', 'orders'],
  inject: ['type', 'player', 'event'],
  reveal: ['type', 'player'],
};

const feeRank = (f: FeeLevel) => FEE_LEVELS.indexOf(f);

/** Segments a state may put money into this turn, with why not for the others. */
export function investReason(level: LoadedLevel, s: GameState, player: StateId, segment: string): string | null {
  const seg = indexOf(level).segments.get(segment);
  if (!seg) return `segment ${JSON.stringify(segment)} does not exist`;
  const st = s.segments[segment];
  if (!seg.owners.includes(player) && !st.cofunders.includes(player)) {
    return `you neither own nor co-fund ${seg.name}: propose a segment deal with ${seg.owners.map((o) => nameOf(level, o)).join(', ')}`;
  }
  if (seg.requires && level.peaceTrack) {
    const need = indexOf(level).peaceStageIndex.get(seg.requires.peace) ?? 0;
    if (s.peaceStage < need) return `${seg.name} cannot be built until the ${level.peaceTrack.name} reaches "${level.peaceTrack.stages[need].name}"`;
  }
  if (st.status === 'planned') return st.funded >= seg.cost ? `${seg.name} is fully funded` : null;
  if (st.status === 'damaged') return null;
  if (st.status === 'open' && seg.upgrade && !st.upgrading && st.capacity < seg.upgrade.capacity) return null;
  return st.status === 'building' ? `${seg.name} is already being built` : `${seg.name} has nothing left to fund`;
}

function checkOrders(level: LoadedLevel, s: GameState, player: StateId, raw: unknown): string | null {
  if (!isObject(raw)) return 'orders must be an object with invest, fees, security and intel';
  const extra = Object.keys(raw).filter((k) => !['invest', 'fees', 'security', 'intel'].includes(k));
  if (extra.length) return `unexpected field "${extra[0]}" in orders`;
  const idx = indexOf(level);
  const p = s.players[player];
  let spend = 0;
  if (!Array.isArray(raw.invest)) return 'orders.invest must be a list of {segment, amount}';
  if (raw.invest.length > 40) return 'orders.invest has more than 40 entries';
  const seen = new Set<string>();
  for (const [i, inv] of raw.invest.entries()) {
    if (!isObject(inv) || Object.keys(inv).some((k) => k !== 'segment' && k !== 'amount')) return `orders.invest[${i}] must be {segment, amount}`;
    if (typeof inv.segment !== 'string') return `orders.invest[${i}].segment must be a segment id`;
    if (seen.has(inv.segment)) return `orders.invest lists ${inv.segment} twice`;
    seen.add(inv.segment);
    if (!isInt(inv.amount) || inv.amount < 1) return `orders.invest[${i}].amount must be a whole number of $M, at least 1`;
    const why = investReason(level, s, player, inv.segment);
    if (why) return `orders.invest[${i}]: ${why}`;
    spend += inv.amount;
  }
  if (!isObject(raw.fees)) return 'orders.fees must map your segment ids to low, standard or high';
  for (const [segId, fee] of Object.entries(raw.fees)) {
    const seg = idx.segments.get(segId);
    if (!seg) return `orders.fees: segment "${segId}" does not exist`;
    if (!seg.owners.includes(player)) return `orders.fees: you do not own ${seg.name}`;
    if (typeof fee !== 'string' || !(FEE_LEVELS as readonly string[]).includes(fee)) return `orders.fees.${segId} must be low, standard or high`;
    const cap = s.segments[segId].feeCap;
    if (cap && feeRank(fee as FeeLevel) > feeRank(cap)) return `orders.fees.${segId}: a deal caps the fee on ${seg.name} at ${cap}`;
  }
  if (!isInt(raw.security) || raw.security < 0) return 'orders.security must be a whole number of $M, 0 or more';
  spend += raw.security;
  if (raw.intel !== null) {
    if (!isObject(raw.intel) || Object.keys(raw.intel).some((k) => k !== 'target' && k !== 'amount')) return 'orders.intel must be null or {target, amount}';
    if (typeof raw.intel.target !== 'string' || !idx.states.has(raw.intel.target) || raw.intel.target === player) return 'orders.intel.target must be another player state';
    if (!isInt(raw.intel.amount) || raw.intel.amount < 1) return 'orders.intel.amount must be a whole number of $M, at least 1';
    spend += raw.intel.amount;
  }
  if (spend > Math.max(0, p.treasury)) return `these orders spend $${spend}M but your treasury has $${p.treasury}M`;
  return null;
}

/** Why an action is not allowed now, or null when it is. */
export function checkAction(level: LoadedLevel, s: GameState, action: unknown): string | null {
  if (!isObject(action)) return 'an action must be an object with a type';
  const type = action.type;
  if (typeof type !== 'string' || !(type in ACTION_KEYS)) return `unknown action type ${JSON.stringify(type)}; expected one of ${Object.keys(ACTION_KEYS).join(', ')}`;
  const extra = Object.keys(action).filter((k) => !ACTION_KEYS[type as Action['type']].includes(k));
  if (extra.length) return `unexpected field "${extra[0]}" in a ${type} action`;
  if (s.phase === 'ended') return 'the game is over';
  const player = action.player;
  if (type === 'inject' || type === 'reveal') {
    if (player !== 'facilitator') return `only the facilitator can ${type === 'inject' ? 'inject events' : 'reveal animosities'}`;
    if (type === 'reveal') return s.revealed ? 'animosities are already revealed' : null;
    const ev = typeof action.event === 'string' ? indexOf(level).events.get(action.event) : undefined;
    if (!ev) return `event ${JSON.stringify(action.event)} is not in this level`;
    if (s.injected.includes(ev.id)) return `${ev.title} is already queued for next turn`;
    return null;
  }
  if (typeof player !== 'string' || !indexOf(level).states.has(player)) return `player ${JSON.stringify(player)} is not a state in this level`;
  switch (type) {
    case 'propose': {
      if (s.phase !== 'diplomacy') return 'proposals can only be made during diplomacy';
      if (s.diplomacyDone[player]) return 'you have ended diplomacy for this turn';
      const made = thisTurnProposals(s).filter((p) => p.from === player).length;
      if (made >= level.params.maxProposalsPerTurn) return `you can make at most ${level.params.maxProposalsPerTurn} proposals a turn`;
      return checkTerms(level, s, player, action.terms);
    }
    case 'respond': {
      if (s.phase !== 'diplomacy') return 'proposals can only be answered during diplomacy';
      const p = thisTurnProposals(s).find((x) => x.id === action.proposal) ?? s.proposals.find((x) => x.id === action.proposal);
      if (!p) return `there is no proposal ${JSON.stringify(action.proposal)}`;
      if (!p.parties.includes(player)) return 'you are not a party to this proposal';
      if (p.status !== 'open') return `this proposal is already ${p.status}`;
      if (p.responses[player] !== 'pending') return 'you have already answered this proposal';
      if (typeof action.accept !== 'boolean') return 'accept must be true or false';
      return null;
    }
    case 'endDiplomacy':
      if (s.phase !== 'diplomacy') return 'diplomacy is already over this turn';
      return s.diplomacyDone[player] ? 'you have already ended diplomacy this turn' : null;
    case 'submitOrders':
      if (s.phase !== 'orders') return 'orders are given after diplomacy';
      return checkOrders(level, s, player, action.orders);
  }
  return 'unknown action';
}

/** Read on the state before the action (never the draft, which would proxy every proposal). */
function diplomacyCloses(before: GameState, done: Record<string, boolean>, stillOpen: (p: GameState['proposals'][number]) => boolean): boolean {
  return Object.values(done).every(Boolean) && !thisTurnProposals(before).some(stillOpen);
}

function closeDiplomacy(s: GameState): void {
  s.phase = 'orders';
  for (const id of Object.keys(s.orders)) s.orders[id] = null;
}

function resolve(level: LoadedLevel, s: GameState): void {
  const rng = restoreRng(s.rng);
  resolveTurn(level, s, rng);
  if (s.turn >= level.turns) {
    s.phase = 'ended';
    finalizeGame(level, s);
  } else {
    s.turn += 1;
    s.phase = 'diplomacy';
    s.log.push([]);
    for (const id of Object.keys(s.diplomacyDone)) s.diplomacyDone[id] = false;
    for (const id of Object.keys(s.orders)) s.orders[id] = null;
    startTurn(level, s, rng);
  }
  s.rng = rng.save();
}

function copyOrders(raw: Orders): Orders {
  return {
    invest: raw.invest.map((i) => ({ segment: i.segment, amount: i.amount })),
    fees: Object.fromEntries(Object.entries(raw.fees)),
    security: raw.security,
    intel: raw.intel ? { target: raw.intel.target, amount: raw.intel.amount } : null,
  };
}

function copyTerms(t: ProposalTerms): ProposalTerms {
  return JSON.parse(JSON.stringify(t)) as ProposalTerms;
}

export function applyAction(level: LoadedLevel, state: GameState, action: Action): ActionResult {
  const error = checkAction(level, state, action);
  if (error) return { ok: false, error };
  const next = produce(state, (s) => {
    switch (action.type) {
      case 'propose': {
        const parties = partiesOf(level, action.player, action.terms);
        const p = {
          id: `p${s.turn}-${s.nextProposal}`,
          turn: s.turn,
          from: action.player,
          parties,
          terms: copyTerms(action.terms),
          responses: Object.fromEntries(parties.map((id) => [id, id === action.player ? 'accepted' : 'pending'] as const)),
          status: 'open' as const,
        };
        s.nextProposal += 1;
        settle(p);
        s.proposals.push(p);
        break;
      }
      case 'respond': {
        const i = state.proposals.findIndex((x) => x.id === action.proposal);
        const p = s.proposals[i];
        p.responses[action.player] = action.accept ? 'accepted' : 'rejected';
        settle(p);
        const status = p.status;
        if (diplomacyCloses(state, state.diplomacyDone, (q) => (q.id === action.proposal ? status === 'open' : q.status === 'open'))) closeDiplomacy(s);
        break;
      }
      case 'endDiplomacy':
        // Diplomacy closes when every seat is done and no proposal awaits an answer.
        if (diplomacyCloses(state, { ...state.diplomacyDone, [action.player]: true }, (q) => q.status === 'open')) closeDiplomacy(s);
        s.diplomacyDone[action.player] = true;
        break;
      case 'submitOrders':
        s.orders[action.player] = copyOrders(action.orders);
        if (Object.values(s.orders).every((o) => o !== null)) resolve(level, s);
        break;
      case 'inject':
        s.injected.push(action.event);
        break;
      case 'reveal':
        s.revealed = true;
        break;
    }
  });
  return { ok: true, state: next };
}

export function emptyOrders(): Orders {
  return { invest: [], fees: {}, security: 0, intel: null };
}
