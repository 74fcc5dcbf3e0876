// Properties of the simulation over random seeds: determinism, JSON round trips, legal
// actions always accepted, malformed actions always rejected without change, and
// non-interference of hidden values.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { applyAction, estimateOf, legalActions, newGame, openGame, openStep, parseLevelText, stateHash, viewFor, type GameState, type LoadedLevel } from '../../src/sim/index';

function load(file: string): LoadedLevel {
  const r = parseLevelText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.findings.slice(0, 3))}`);
  return r.level;
}
const tutorial = load('levels/tutorial.json');
const main = load('levels/middle-corridor.json');
const seedArb = fc.string({ minLength: 1, maxLength: 12 });

/** Plays `steps` random legal actions (chosen by index), returning every state on the way. */
function randomWalk(level: LoadedLevel, seed: string, picks: number[]): GameState[] {
  let s = newGame(level, { seed });
  const out = [s];
  for (const pick of picks) {
    const waiting = viewFor(level, s, 'public').waitingFor;
    if (!waiting.length) break;
    const player = waiting[pick % waiting.length];
    const options = legalActions(level, s, player);
    if (!options.length) break;
    const r = applyAction(level, s, options[pick % options.length]);
    if (!r.ok) throw new Error(`legal action refused: ${r.error}`);
    s = r.state;
    out.push(s);
  }
  return out;
}

describe('determinism', () => {
  it('the same seed gives the same per-turn hashes; another seed differs', () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const a = autoplay(tutorial, { seed });
        const b = autoplay(tutorial, { seed });
        expect(a.checkpoints).toEqual(b.checkpoints);
        const c = autoplay(tutorial, { seed: `${seed}x` });
        expect(c.checkpoints[0].hash).not.toBe(a.checkpoints[0].hash);
      }),
      { numRuns: 15 },
    );
  });

  it('the default level plays to the end with bots and no refused move', () => {
    const r = autoplay(main, { seed: '7' });
    expect(r.refused).toEqual([]);
    expect(r.checkpoints.length).toBe(main.turns + 1);
    expect(viewFor(main, r.state, 'public').phase).toBe('ended');
  });
});

describe('JSON round trip', () => {
  it('any reachable state keeps its hash through JSON', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.nat(1000), { maxLength: 60 }), (seed, picks) => {
        for (const s of randomWalk(tutorial, seed, picks)) {
          const copy = JSON.parse(JSON.stringify(s)) as GameState;
          expect(stateHash(copy)).toBe(stateHash(s));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('a game continued from a JSON copy equals the original', () => {
    const a = autoplay(tutorial, { seed: 'roundtrip', turns: 3 });
    const copy = JSON.parse(JSON.stringify(a.state)) as GameState;
    expect(stateHash(copy)).toBe(stateHash(a.state));
    const full = autoplay(tutorial, { seed: 'roundtrip' });
    expect(full.checkpoints[3].hash).toBe(a.checkpoints[3].hash);
  });
});

describe('actions', () => {
  it('every action from legalActions is accepted (random walks)', () => {
    fc.assert(
      fc.property(seedArb, fc.array(fc.nat(1000), { minLength: 20, maxLength: 120 }), (seed, picks) => {
        randomWalk(tutorial, seed, picks); // throws on a refused legal action
      }),
      { numRuns: 25 },
    );
  });

  const junk = fc.oneof(
    fc.anything(),
    fc.record({ type: fc.constantFrom('propose', 'respond', 'endDiplomacy', 'submitOrders', 'inject', 'reveal', 'fly'), player: fc.oneof(fc.string(), fc.constantFrom('kazakhstan', 'facilitator')) }),
    fc.record({ type: fc.constant('propose'), player: fc.constant('kazakhstan'), terms: fc.anything() }),
    fc.record({ type: fc.constant('submitOrders'), player: fc.constant('kazakhstan'), orders: fc.record({ invest: fc.anything(), fees: fc.anything(), security: fc.anything(), intel: fc.anything() }) }),
    fc.record({ type: fc.constant('respond'), player: fc.constant('kazakhstan'), proposal: fc.string(), accept: fc.anything() }),
  );

  it('malformed actions are rejected with a reason and change nothing', () => {
    fc.assert(
      fc.property(seedArb, junk, (seed, action) => {
        const s = newGame(tutorial, { seed });
        const before = stateHash(s);
        const r = applyAction(tutorial, s, action as never);
        if (!r.ok) {
          expect(typeof r.error).toBe('string');
          expect(r.error.length).toBeGreaterThan(5);
        }
        expect(stateHash(s)).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an order that spends more than the treasury, naming both figures', () => {
    let s = newGame(tutorial, { seed: 'orders' });
    for (const id of tutorial.states.map((x) => x.id)) s = (applyAction(tutorial, s, { type: 'endDiplomacy', player: id }) as { state: GameState }).state;
    const me = tutorial.states[0].id;
    const r = applyAction(tutorial, s, { type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 10_000_000, intel: null } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/spend \$10000\.0bn but your treasury has \$[\d,]+M/);
  });
});

describe('hidden information', () => {
  it('a state cannot tell two games apart that differ only in hidden values it may not know', () => {
    const a = newGame(main, { seed: 'ni' });
    const [x, y, z] = main.states.map((s) => s.id);
    const b = JSON.parse(JSON.stringify(a)) as GameState;
    // Hidden from x: how y and z feel about each other, y's agenda, a force's stance, the RNG.
    b.animosity[y][z] = (b.animosity[y][z] + 37) % 101;
    b.animosity[z][y] = (b.animosity[z][y] + 11) % 101;
    const yDef = main.states.find((s) => s.id === y)!;
    b.players[y].agenda = yDef.agendas[(yDef.agendas.findIndex((g) => g.id === b.players[y].agenda) + 1) % yDef.agendas.length].id;
    b.stances[main.forces[0].id] = (b.stances[main.forces[0].id] + 23) % 101;
    b.rng.i = (b.rng.i + 1) % 256;
    expect(stateHash(b)).not.toBe(stateHash(a));
    expect(viewFor(main, b, x)).toEqual(viewFor(main, a, x));
    expect(viewFor(main, b, 'public')).toEqual(viewFor(main, a, 'public'));
    expect(viewFor(main, b, 'facilitator')).not.toEqual(viewFor(main, a, 'facilitator'));
  });

  it('the turn records do not tell a player the mean animosity between the states', () => {
    const a = autoplay(main, { seed: 'mean-secret', turns: 2 }).state;
    const [x, y, z] = main.states.map((s) => s.id);
    const b = JSON.parse(JSON.stringify(a)) as GameState;
    b.animosity[y][z] = (b.animosity[y][z] + 37) % 101;
    b.history = b.history.map((h) => ({ ...h, meanAnimosity: h.meanAnimosity + 5 }));
    expect(viewFor(main, b, x)).toEqual(viewFor(main, a, x));
    expect(viewFor(main, a, x).history.map((h) => h.meanAnimosity)).toEqual([null, null]);
    expect(viewFor(main, a, 'facilitator').history.map((h) => h.meanAnimosity)).toEqual(a.history.map((h) => h.meanAnimosity));
  });

  it('scores do not tell whether another state’s secret agenda is met', () => {
    const mid = autoplay(main, { seed: 'agenda-secret', turns: 5 }).state;
    const [x, y] = main.states.map((s) => s.id);
    const yDef = main.states.find((s) => s.id === y)!;
    // The same turn played with each of y's agendas: every seat holds (the same actions).
    const games = yDef.agendas.map((g) => {
      let b = JSON.parse(JSON.stringify(mid)) as GameState;
      b.players[y].agenda = g.id;
      for (const id of main.states.map((st) => st.id)) b = (applyAction(main, b, { type: 'endDiplomacy', player: id }) as { state: GameState }).state;
      for (const id of main.states.map((st) => st.id)) {
        const r = applyAction(main, b, { type: 'submitOrders', player: id, orders: { invest: [], fees: {}, security: 0, intel: null } });
        if (!r.ok) throw new Error(r.error);
        b = r.state;
      }
      expect(b.turn).toBe(mid.turn + 1);
      return b;
    });
    // The agendas differ in whether they are met here, so the test could fail.
    const met = games.map((g) => viewFor(main, g, 'facilitator').states.find((st) => st.id === y)!.agenda!.met);
    expect(new Set(met).size).toBe(2);
    for (const g of games) {
      expect(viewFor(main, g, x)).toEqual(viewFor(main, games[0], x));
      expect(viewFor(main, g, 'public')).toEqual(viewFor(main, games[0], 'public'));
    }
  });

  it('the same holds for other players’ secret orders', () => {
    let s = newGame(tutorial, { seed: 'orders-secret' });
    for (const id of tutorial.states.map((x) => x.id)) s = (applyAction(tutorial, s, { type: 'endDiplomacy', player: id }) as { state: GameState }).state;
    const [x, y] = tutorial.states.map((t) => t.id);
    const a = (applyAction(tutorial, s, { type: 'submitOrders', player: y, orders: { invest: [], fees: {}, security: 0, intel: null } }) as { state: GameState }).state;
    const b = (applyAction(tutorial, s, { type: 'submitOrders', player: y, orders: { invest: [], fees: {}, security: 5, intel: { target: x, amount: 5 } } }) as { state: GameState }).state;
    expect(viewFor(tutorial, a, x)).toEqual(viewFor(tutorial, b, x));
  });

  it('a player sees its own row exactly and only estimates of the others', () => {
    const s = newGame(main, { seed: 'rows' });
    const me = main.states[0].id;
    const v = viewFor(main, s, me);
    const f = viewFor(main, s, 'facilitator');
    expect(v.animosity).toBeNull();
    expect(v.ownAnimosity).toEqual(f.animosity![me]);
    for (const [other, est] of Object.entries(v.perceived!)) {
      const truth = f.animosity![other][me];
      expect(est.lo).toBeLessThanOrEqual(truth);
      expect(est.hi).toBeGreaterThanOrEqual(truth);
    }
    expect(v.states.filter((st) => st.agenda !== null).map((st) => st.id)).toEqual([me]);
  });

  it('an estimate holds the true feeling and moves only in steps of its width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 100 }), (offset, intel) => {
        const bands = new Set<string>();
        let changes = 0;
        let before = '';
        for (let value = 0; value <= 100; value++) {
          const e = estimateOf(value, offset, intel);
          expect(e.lo).toBeLessThanOrEqual(value);
          expect(e.hi).toBeGreaterThanOrEqual(value);
          expect(e.lo).toBeGreaterThanOrEqual(0);
          expect(e.hi).toBeLessThanOrEqual(100);
          const key = `${e.lo}-${e.hi}`;
          if (key !== before) changes += 1;
          before = key;
          bands.add(key);
        }
        const width = estimateOf(50, offset, intel).hi - estimateOf(50, offset, intel).lo;
        // Point by point, 101 values would give 101 - width bands; steps give one per width.
        expect(changes).toBe(bands.size);
        expect(bands.size).toBeLessThanOrEqual(Math.ceil(101 / width) + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('a change of feeling within its band does not show in the view', () => {
    const a = newGame(main, { seed: 'bands' });
    const [x, y] = main.states.map((s) => s.id);
    const truth = a.animosity[y][x];
    const est = viewFor(main, a, x).perceived![y];
    // Another feeling inside the same band (there is one: bands are at least 8 wide).
    const other = [truth + 1, truth - 1, truth + 2, truth - 2].find((v) => v >= est.lo && v <= est.hi && estimateOf(v, a.perception[x][y], a.players[x].intel[y] ?? 0).lo === est.lo);
    expect(other).toBeDefined();
    const b = JSON.parse(JSON.stringify(a)) as GameState;
    b.animosity[y][x] = other!;
    expect(stateHash(b)).not.toBe(stateHash(a));
    expect(viewFor(main, b, x)).toEqual(viewFor(main, a, x));
  });

  it("a bot's brief view is the full view without the log, the history, the route table, proposals before last turn's and proposal summaries", () => {
    const viewers = ['public', 'facilitator', ...main.states.map((st) => st.id)] as const;
    let compared = 0;
    autoplay(main, {
      seed: 'brief',
      onCheckpoint: (turn, s) => {
        if (turn % 5 !== 1) return;
        for (const viewer of viewers) {
          const brief = viewFor(main, s, viewer, { brief: true });
          const full = viewFor(main, s, viewer);
          expect(brief.log).toEqual([]);
          expect(brief.history).toEqual([]);
          expect(brief.routes).toEqual([]);
          expect(brief.proposals).toEqual(full.proposals.filter((p) => p.turn >= s.turn - 1).map((p) => ({ ...p, summary: '' })));
          // What a bot remembers: last turn's talks (all of them, for the facilitator's view).
          if (viewer === 'facilitator') expect(brief.proposals.filter((p) => p.turn === s.turn - 1)).toHaveLength(s.proposals.filter((p) => p.turn === s.turn - 1).length);
          expect(brief.animosityLog).toBeNull();
          const rest = (v: typeof full) => ({ ...v, log: null, history: null, routes: null, proposals: null, animosityLog: null });
          expect(rest(brief)).toEqual(rest(full));
          compared += 1;
        }
      },
    });
    expect(compared).toBe(4 * viewers.length);
  });

  it('in an open run, where brief views keep what they derive per turn, every brief view equals a fresh one', () => {
    for (const [level, seed, turns] of [[tutorial, 'open-views', 8], [main, 'open-views', 5]] as const) {
      const rec = autoplay(level, { seed, turns });
      let s = openGame(level, { seed });
      let compared = 0;
      // The facilitator reveals the animosities in the middle of the third turn's diplomacy.
      const at = rec.actions.findIndex((a) => a.turn === 3) + 5;
      const actions = [...rec.actions.slice(0, at).map((a) => a.action), { type: 'reveal', player: 'facilitator' } as const, ...rec.actions.slice(at).map((a) => a.action)];
      for (const action of actions) {
        const r = openStep(level, s, action);
        if (!r.ok) throw new Error(r.error);
        s = r.state;
        // A plain copy is neither frozen nor an open run's: its view is computed afresh.
        const fresh = JSON.parse(JSON.stringify(s)) as GameState;
        for (const viewer of ['public', 'facilitator', ...level.states.map((st) => st.id)]) {
          expect(viewFor(level, s, viewer, { brief: true })).toEqual(viewFor(level, fresh, viewer, { brief: true }));
          compared += 1;
        }
      }
      expect(compared).toBe(actions.length * (level.states.length + 2));
      expect(s.revealed).toBe(true);
    }
  });
});
