// Step 2: every proposal bound this turn is ratified at home or fails. The failure
// chance grows with the parties' mean mutual animosity; ratified terms take effect here.
import type { LoadedLevel } from '../level';
import { indexOf } from '../lookup';
import { animosityOf, changeAmong, changeAnimosity, meanMutual } from '../animosity';
import { compareStrings } from '../hash';
import { feeAbove, fundingNeed, lowerFee } from '../network';
import { cause, forFacilitator, logEntry, readers } from '../log';
import { describeTerms } from '../proposals';
import { money, nameOf, pct } from '../util';
import type { GameState, Proposal, StateId } from '../types';
import type { Rng } from '../rng';
import type { TurnContext } from './context';
import { clampBp, mulDiv } from './math';
import { RULES } from './rules';

const STEP = 'ratify';

export function ratifyFailChance(level: LoadedLevel, s: GameState, parties: readonly StateId[]): number {
  const mean = meanMutual(s, parties);
  return clampBp(level.params.ratifyFailPerAnimosityBp * Math.max(0, mean - RULES.ratifyFreeAnimosity), RULES.chanceCapBp);
}

export function ratifyDeals(level: LoadedLevel, s: GameState, rng: Rng, ctx: TurnContext): void {
  for (const p of s.proposals) {
    if (p.status !== 'bound') continue;
    const summary = s.silent ? '' : describeTerms(level, p.from, p.terms);
    if (p.terms.kind === 'summit' && s.players[p.from].treasury < level.params.summitCost) {
      p.status = 'failed';
      logEntry(s, STEP, `Postponed: ${summary}.`, 'all', [cause(`the host could not pay the ${money(level.params.summitCost)} a summit costs`, p.parties)]);
      continue;
    }
    const chance = ratifyFailChance(level, s, p.parties);
    if (rng.chance(chance)) {
      p.status = 'failed';
      logEntry(s, STEP, `Failed at home: ${summary}.`, 'all', [
        cause('domestic opposition; the chance grows with mutual distrust between the parties', p.parties),
        forFacilitator(`failure chance ${pct(chance)} = ${pct(level.params.ratifyFailPerAnimosityBp)} x (mean mutual animosity ${meanMutual(s, p.parties)} - ${RULES.ratifyFreeAnimosity}); ${pairLines(s, p.parties)}`),
      ]);
      continue;
    }
    p.status = 'ratified';
    const breakers = applyTerms(level, s, p, rng, ctx);
    const causes = chance > 0 && !s.silent ? [forFacilitator(`failure chance was ${pct(chance)}; ${pairLines(s, p.parties)}`)] : [];
    logEntry(s, STEP, `Ratified: ${summary}.`, 'all', causes);
    if (p.terms.kind !== 'summit') {
      // A kept deal eases distrust a little between everyone who kept it.
      const keepers = p.parties.filter((id) => !breakers.includes(id));
      changeAmong(s, keepers, RULES.keptDealAnimosity, s.turn, `kept a deal together (${p.id})`);
    }
  }
}

function pairLines(s: GameState, ids: readonly StateId[]): string {
  const out: string[] = [];
  for (const a of ids) for (const b of ids) if (a < b) out.push(`${a}->${b} ${animosityOf(s, a, b)}, ${b}->${a} ${animosityOf(s, b, a)}`);
  return out.length ? `animosities: ${out.join('; ')}` : 'a single party';
}

/** Puts ratified terms into force; returns the parties that broke a promise in doing so. */
function applyTerms(level: LoadedLevel, s: GameState, p: Proposal, rng: Rng, ctx: TurnContext): StateId[] {
  const t = p.terms;
  switch (t.kind) {
    case 'segmentDeal':
      return applySegmentDeal(level, s, p);
    case 'securityPact': {
      const members = readers(p.parties);
      s.pacts.push({ id: p.id, members, contribution: t.contribution, formedTurn: s.turn, endsTurn: s.turn + t.duration - 1 });
      for (const m of members) {
        const pl = s.players[m];
        pl.joinedPact = true;
        pl.pactPartners = readers([...pl.pactPartners, ...members.filter((x) => x !== m)]);
      }
      return [];
    }
    case 'powerPledge':
      for (const id of p.parties) {
        s.pledges.push({ id: `${p.id}:${id}`, state: id, stage: t.stage, perTurn: t.perTurn, turnsLeft: t.turns, paid: 0, withheld: 0 });
      }
      return [];
    case 'peaceStep': {
      const track = level.peaceTrack;
      if (track && s.peaceStage < track.stages.length - 1) {
        s.peaceStage += 1;
        ctx.peaceMoved = true;
        logEntry(s, STEP, `The ${track.name} reaches "${track.stages[s.peaceStage].name}".`, 'all');
      }
      return [];
    }
    case 'summit':
      holdSummit(level, s, p, rng);
      return [];
  }
}

/**
 * What each party with a share pays when a segment deal is ratified now: its share of the
 * segment's remaining cost, rounded down, the pennies left to the largest share.
 */
export function dealShares(level: LoadedLevel, s: GameState, p: Proposal): Record<StateId, number> {
  const owe: Record<StateId, number> = {};
  if (p.terms.kind !== 'segmentDeal') return owe;
  const t = p.terms;
  const remaining = fundingNeed(level, s, t.segment);
  const payers = p.parties.filter((id) => (t.shares[id] ?? 0) > 0);
  let assigned = 0;
  for (const id of payers) {
    owe[id] = mulDiv(t.shares[id], remaining, 10000);
    assigned += owe[id];
  }
  if (payers.length && assigned < remaining) {
    const largest = [...payers].sort((a, b) => t.shares[b] - t.shares[a] || compareStrings(a, b))[0];
    owe[largest] += remaining - assigned;
  }
  return owe;
}

function applySegmentDeal(level: LoadedLevel, s: GameState, p: Proposal): StateId[] {
  if (p.terms.kind !== 'segmentDeal') return [];
  const t = p.terms;
  const def = indexOf(level).segments.get(t.segment);
  const st = s.segments[t.segment];
  if (!def || !st) return [];
  const owe = dealShares(level, s, p);
  const payers = Object.keys(owe);
  const breakers: StateId[] = [];
  for (const id of payers) {
    const pl = s.players[id];
    const pay = Math.max(0, Math.min(owe[id], pl.treasury));
    pl.treasury -= pay;
    st.funded += pay;
    if (pay > 0) logEntry(s, STEP, `${nameOf(level, id)} paid ${money(pay)} towards ${def.name}.`, [id]);
    if (pay < owe[id]) {
      breakers.push(id);
      pl.reputation = Math.max(0, pl.reputation + RULES.brokenPromiseReputation);
      for (const other of p.parties) {
        if (other !== id) changeAnimosity(s, other, id, RULES.brokenPromiseAnimosity, s.turn, `${nameOf(level, id)} paid less than promised for ${def.name}`);
      }
      logEntry(s, STEP, `${nameOf(level, id)} paid ${money(pay)} of the ${money(owe[id])} it promised for ${def.name}.`, 'all', [
        cause(`a broken promise: reputation ${RULES.brokenPromiseReputation}; the other parties trust it less`, p.parties),
      ]);
    }
  }
  st.cofunders = readers([...st.cofunders, ...p.parties.filter((id) => !def.owners.includes(id))]);
  st.feeCap = st.feeCap ? lowerFee(st.feeCap, t.feeCap) : t.feeCap;
  // The cap binds from now on: owners charging more drop to it at once.
  for (const o of def.owners) {
    const pl = s.players[o];
    if (pl && pl.fees[def.id] && feeAbove(pl.fees[def.id], st.feeCap)) pl.fees[def.id] = st.feeCap;
  }
  return breakers;
}

function holdSummit(level: LoadedLevel, s: GameState, p: Proposal, rng: Rng): void {
  const host = s.players[p.from];
  host.treasury -= level.params.summitCost;
  // Like every other payment, the host's fee is in its own report, so its money adds up.
  logEntry(s, STEP, `${nameOf(level, p.from)} paid ${money(level.params.summitCost)} to host the summit.`, [p.from]);
  const attendees = p.parties;
  let backfires = 0;
  let pairs = 0;
  const trace: string[] = [];
  for (const a of attendees) {
    for (const b of attendees) {
      if (a === b) continue;
      pairs += 1;
      const bp = clampBp(Math.floor((level.params.summitBackfirePerPointBp * animosityOf(s, a, b)) / 2), RULES.chanceCapBp);
      const backfire = rng.chance(bp);
      if (backfire) backfires += 1;
      changeAnimosity(s, a, b, backfire ? RULES.summitBackfireAnimosity : RULES.summitWarmAnimosity, s.turn, backfire ? 'summit (backfired)' : 'summit');
      trace.push(`${a}->${b} ${backfire ? 'backfired' : 'warmed'} (chance ${pct(bp)})`);
    }
  }
  const mood = backfires === 0 ? 'warm' : backfires * 2 <= pairs ? 'mixed' : 'tense';
  logEntry(s, STEP, `Summit hosted by ${nameOf(level, p.from)}: the mood was ${mood}.`, 'all', [
    cause(`the chance a summit sours grows with the grudges attendees bring`, attendees),
    forFacilitator(trace.join('; ')),
  ]);
}
