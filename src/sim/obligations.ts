// What a turn's resolution will ask a state to pay once its orders are carried out (orders
// are step 1; deals, pledges and pacts are paid in steps 2, 4 and 6): its shares of the
// segment deals bound this turn, the first payment of the pledges bound this turn, the fee
// of a summit it hosts bound this turn, its running pledges and its pact contributions.
// Paying less is a broken promise, so the orders panel shows it and the bots leave it in the
// treasury.
import type { LoadedLevel } from './level';
import { pactActive } from './network';
import { thisTurnStart } from './proposals';
import { dealShares } from './turn/ratify';
import type { GameState, StateId } from './types';

export function owedThisTurn(level: LoadedLevel, s: GameState, id: StateId): number {
  return owedByDeals(level, s, id) + owedRunning(s, id);
}

/** What this turn's bound deals ask of the state (they bind during diplomacy). */
export function owedByDeals(level: LoadedLevel, s: GameState, id: StateId): number {
  let sum = 0;
  for (let i = thisTurnStart(s); i < s.proposals.length; i++) {
    const p = s.proposals[i];
    if (p.status !== 'bound') continue;
    const t = p.terms;
    // The host pays the summit's fee in ratification; a host short of it postpones the summit.
    if (t.kind === 'summit' && p.from === id) sum += level.params.summitCost;
    if (!p.parties.includes(id)) continue;
    // Each deal's share of the segment's whole remaining cost, even when an earlier deal bound
    // this turn funds the same segment: that deal may fail its ratification and leave this one
    // all of it, so the sum is the most the turn can ask (an upper bound, never short).
    if (t.kind === 'segmentDeal') sum += dealShares(level, s, p)[id] ?? 0;
    else if (t.kind === 'powerPledge') sum += t.perTurn;
    else if (t.kind === 'securityPact') sum += t.contribution;
  }
  return sum;
}

/** Its running pledges and pact contributions: these change only when a turn resolves. */
export function owedRunning(s: GameState, id: StateId): number {
  let sum = 0;
  for (const pl of s.pledges) if (pl.state === id && pl.turnsLeft > 0) sum += pl.perTurn;
  for (const pact of s.pacts) if (pactActive(pact, s.turn) && pact.members.includes(id)) sum += pact.contribution;
  return sum;
}
