// The baseline bot keeps its word: its orders leave in the treasury what the turn's
// resolution will ask of it (the view's `owed`: deals bound this turn, running pledges,
// pacts), and it offers to pay only the share of a deal it can afford.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { committed, dealSharesFor, diplomacyChoices, orderChoice } from '../../src/ai/bot';
import { runBots } from '../../src/ai/driver';
import { autoplay } from '../../src/ai/autoplay';
import { loadLevelData, newGame, openGame, openStep, phaseOf, viewFor, type GameState, type PlayerView, type StateId } from '../../src/sim/index';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');

/** The parts of a level file the tests below change. */
interface LevelEdit { turns: number; params?: Record<string, unknown>; segments: { mode: string }[]; peaceTrack: { stages: { name: string }[] } }

/** The states at the start of each turn's orders phase of one bot game. */
function ordersPhases(seed: string): GameState[] {
  const out: GameState[] = [];
  let s = newGame(main, { seed });
  while (phaseOf(s).phase !== 'ended') {
    s = runBots(main, s, { stopWhen: (x) => x.phase === 'orders' || x.phase === 'ended' });
    if (s.phase === 'orders') {
      out.push(s);
      s = runBots(main, s, { stopWhen: (x) => x.phase !== 'orders' });
    }
  }
  return out;
}

/** The rule written out plainly: shares of deals bound this turn (of the remaining cost,
 * pennies to the largest share), first payments of pledges bound this turn, the fee of a
 * summit it hosts bound this turn, running pledges, contributions to pacts in force. */
function obligations(s: GameState, id: StateId): number {
  let sum = 0;
  for (const p of s.proposals) {
    if (p.turn === s.turn && p.status === 'bound' && p.terms.kind === 'summit' && p.from === id) sum += main.params.summitCost;
    if (p.turn !== s.turn || p.status !== 'bound' || !p.parties.includes(id)) continue;
    const t = p.terms;
    if (t.kind === 'segmentDeal') {
      const def = main.segments.find((d) => d.id === t.segment)!;
      const st = s.segments[t.segment];
      const cost = st.status === 'damaged' ? Math.max(1, Math.floor(def.cost / 10)) : st.status === 'open' ? (def.upgrade && !st.upgrading && st.capacity < def.upgrade.capacity ? def.upgrade.cost : 0) : def.cost;
      const remaining = Math.max(0, cost - st.funded);
      const payers = p.parties.filter((x) => (t.shares[x] ?? 0) > 0);
      const owe = new Map(payers.map((x) => [x, Math.floor((t.shares[x] * remaining) / 10000)]));
      const left = remaining - [...owe.values()].reduce((a, b) => a + b, 0);
      const largest = [...payers].sort((a, b) => t.shares[b] - t.shares[a] || (a < b ? -1 : 1))[0];
      if (largest !== undefined && left > 0) owe.set(largest, owe.get(largest)! + left);
      sum += owe.get(id) ?? 0;
    } else if (t.kind === 'powerPledge') sum += t.perTurn;
    else if (t.kind === 'securityPact') sum += t.contribution;
  }
  for (const pl of s.pledges) if (pl.state === id && pl.turnsLeft > 0) sum += pl.perTurn;
  for (const pact of s.pacts) if (pact.members.includes(id) && pact.formedTurn <= s.turn && s.turn <= pact.endsTurn) sum += pact.contribution;
  return sum;
}

describe('the baseline bot keeps its word', () => {
  const phases = ['keep-1', 'keep-2'].flatMap(ordersPhases);

  it('counts what the resolution will ask of it, and its orders leave that in the treasury', () => {
    let owing = 0;
    for (const s of phases) {
      for (const id of main.states.map((x) => x.id)) {
        const v = viewFor(main, s, id, { brief: true });
        const owed = committed(v);
        expect(owed, `turn ${s.turn}, ${id}`).toBe(obligations(s, id));
        expect(viewFor(main, s, id).owed).toBe(owed);
        if (owed > 0) owing += 1;
        const o = orderChoice(v).action;
        if (o.type !== 'submitOrders') throw new Error('not orders');
        const spend = o.orders.invest.reduce((a, i) => a + i.amount, 0) + o.orders.security + (o.orders.intel?.amount ?? 0);
        expect(spend, `turn ${s.turn}, ${id}`).toBeLessThanOrEqual(Math.max(0, s.players[id].treasury - owed));
      }
    }
    expect(owing).toBeGreaterThan(20); // the games do put bots under obligations
    // Only a state is told what it owes.
    expect(viewFor(main, phases[0], 'public').owed).toBeNull();
    expect(viewFor(main, phases[0], 'facilitator').owed).toBeNull();
  });

  it('rarely pays less than it promised over whole games (once in 20 games at most)', () => {
    let broken = 0;
    for (let i = 0; i < 20; i++) {
      const s = autoplay(main, { seed: `word-${i}` }).state;
      for (const e of s.log.flat()) if (/ paid \$\d+M of (its|the) \$\d+M/.test(e.text)) broken += 1;
    }
    expect(broken).toBeLessThanOrEqual(1);
  });
});

describe('the bots only read their views', () => {
  // An open run's brief views share unfrozen parts between the bots of a turn (view.ts), so
  // a bot that wrote to its view would change the next bot's. Here every bot decides from a
  // deep-frozen copy of each view of a game (a write throws) and must decide the same.
  const freezeAll = <T>(v: T): T => {
    if (v !== null && typeof v === 'object') {
      for (const m of Object.values(v)) freezeAll(m);
      Object.freeze(v);
    }
    return v;
  };

  it('keeps its offers within the rules on a level where every state is as rich as a level may make it', () => {
    const data = JSON.parse(readFileSync('levels/middle-corridor.json', 'utf8')) as { states: { treasury: number; income: number }[] };
    for (const st of data.states) {
      st.treasury = 1_000_000; // the schema's largest treasury
      st.income = 100_000; // and income
    }
    const r = loadLevelData(data);
    if (!r.ok) throw new Error(JSON.stringify(r.findings.slice(0, 2)));
    for (const seed of ['rich-1', 'rich-2']) expect(autoplay(r.level, { seed }).refused).toEqual([]);
  });

  // Levels validate accepts, on which the bot once offered terms the rules refuse (exit 3 in
  // the CLI): games shorter than its pledges and pacts, a summit dearer than its check, a
  // planned cable (funded only by pledges), two peace stages sharing a name.
  it.each([
    ['tutorial.json', 'a 1-turn game', (d: LevelEdit) => { d.turns = 1; }, ['short-1', 'short-2']],
    ['tutorial.json', 'a 2-turn game', (d: LevelEdit) => { d.turns = 2; }, ['short-1', 'short-2']],
    ['tutorial.json', 'a 3-turn game', (d: LevelEdit) => { d.turns = 3; }, ['corridor-12']],
    ['middle-corridor.json', 'a 3-turn game', (d: LevelEdit) => { d.turns = 3; }, ['corridor-1']],
    ['middle-corridor.json', 'summits costing $150M', (d: LevelEdit) => { d.params = { ...d.params, summitCost: 150 }; }, ['summit-1', 'summit-2', 'summit-3']],
    ['tutorial.json', 'a planned cable segment', (d: LevelEdit) => { d.segments[7].mode = 'cable'; }, ['cable-1', 'cable-2', 'cable-3']],
    ['middle-corridor.json', 'two peace stages with one name', (d: LevelEdit) => { d.peaceTrack.stages[4].name = d.peaceTrack.stages[1].name; }, ['dup-1', 'dup-2', 'dup-3', 'dup-4']],
  ] as const)('keeps its offers within the rules on %s with %s', (file, _what, edit, seeds) => {
    const data = JSON.parse(readFileSync(`levels/${file}`, 'utf8')) as LevelEdit;
    edit(data);
    const r = loadLevelData(data);
    if (!r.ok) throw new Error(JSON.stringify(r.findings.filter((f) => f.severity === 'error').slice(0, 2)));
    for (const seed of seeds) expect(autoplay(r.level, { seed }).refused, seed).toEqual([]);
  });

  it('decides the same from a frozen copy of every brief view of an open game', () => {
    const rec = autoplay(main, { seed: 'read-only', turns: 4 });
    let s = openGame(main, { seed: 'read-only' });
    let decided = 0;
    for (const { action } of rec.actions) {
      for (const id of main.states.map((x) => x.id)) {
        const v = viewFor(main, s, id, { brief: true });
        const frozen = freezeAll(structuredClone(v));
        if (v.phase === 'diplomacy') expect(diplomacyChoices(frozen, main.params.maxProposalsPerTurn)).toEqual(diplomacyChoices(v, main.params.maxProposalsPerTurn));
        else expect(orderChoice(frozen)).toEqual(orderChoice(v));
        decided += 1;
      }
      const r = openStep(main, s, action);
      if (!r.ok) throw new Error(r.error);
      s = r.state;
    }
    expect(decided).toBe(rec.actions.length * main.states.length);
  });
});

describe('the bots remember last turn’s talks', () => {
  const games = Array.from({ length: 20 }, (_, i) => autoplay(main, { seed: `talks-${i + 1}`, narrate: false }).state);
  const segmentDeals = (s: GameState) => s.proposals.filter((p) => p.terms.kind === 'segmentDeal');
  const segmentOf = (p: GameState['proposals'][number]) => (p.terms.kind === 'segmentDeal' ? p.terms.segment : '');

  it('do not ask a state that said no to a deal on a segment last turn for the same deal at once (unless it owns the segment)', () => {
    let checked = 0;
    for (const s of games) {
      const deals = segmentDeals(s);
      for (const p of deals) {
        const owners = main.segments.find((x) => x.id === segmentOf(p))!.owners;
        for (const q of deals) {
          if (q.turn !== p.turn - 1 || q.from !== p.from || segmentOf(q) !== segmentOf(p)) continue;
          checked += 1;
          for (const id of q.parties) if (q.responses[id] === 'rejected' && !owners.includes(id)) expect(p.parties, `${p.id} asks ${id} again`).not.toContain(id);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  // Equal shares were refused 4 times in 5 (372 of 471 deals in these games; now 6 of 104), nearly always
  // as more than the partner could afford, and asked for again the next turn.
  it('offer shares their partners can pay: few segment deals are refused (1 in 5 at most)', () => {
    const deals = games.flatMap(segmentDeals);
    const refused = deals.filter((p) => p.status === 'rejected');
    expect(deals.length).toBeGreaterThan(60);
    expect(refused.length * 5).toBeLessThanOrEqual(deals.length);
  });
});

describe('segment-deal shares', () => {
  // A minimal view: dealSharesFor reads only treasuries, running pledges and pacts, and this turn's proposals.
  const view = (treasuries: Record<string, number>) =>
    ({ viewer: 'a', turn: 1, states: Object.entries(treasuries).map(([id, treasury]) => ({ id, treasury })), pledges: [], pacts: [], proposals: [] }) as unknown as PlayerView;

  it('are whole basis points from 1 to 10000 that add up to 10000, or no deal (also for tiny costs and empty treasuries)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 3000 }), fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 2 }), (remaining, mine, caps) => {
        const partners = caps.map((_, i) => `p${i}`);
        const shares = dealSharesFor(view({ a: 1000, ...Object.fromEntries(partners.map((p, i) => [p, caps[i]])) }), remaining, partners, mine);
        if (shares === null) return;
        const values = Object.values(shares);
        expect(values.every((x) => Number.isInteger(x) && x >= 1 && x <= 10000)).toBe(true);
        expect(values.reduce((n, x) => n + x, 0)).toBe(10000);
        expect(Object.keys(shares).every((k) => k === 'a' || partners.includes(k))).toBe(true);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
