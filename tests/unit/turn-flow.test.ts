import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashValue } from '../../src/sim/hash';
import { changeAnimosity, meanMutual, mutual } from '../../src/sim/animosity';
import { logEntry } from '../../src/sim/log';
import { restoreRng } from '../../src/sim/rng';
import { finalizeGame, resolveTurn, startTurn } from '../../src/sim/turn/index';
import { idiv, mulDiv } from '../../src/sim/turn/math';
import type { GameState } from '../../src/sim/types';
import { bound, loadTiny, makeState, tinyLevelData } from './fixtures';

const data = tinyLevelData();
data.turns = 6;
const level = loadTiny(data);

function ordersFor(s: GameState, t: number): void {
  s.orders.alpha = { invest: [{ segment: 's-ferry', amount: 60 }], fees: { 's-east': t % 2 ? 'high' : 'low' }, security: 12, intel: { target: 'beta', amount: 25 } };
  s.orders.gamma = { invest: [{ segment: 's-new', amount: 50 }], fees: {}, security: 5, intel: null };
  if (t === 2) bound(s, `p${t}-1`, 'alpha', ['alpha', 'beta'], { kind: 'securityPact', members: ['alpha', 'beta'], contribution: 5, duration: 3 });
  if (t === 3) bound(s, `p${t}-1`, 'beta', ['beta', 'delta', 'gamma'], { kind: 'peaceStep' });
  if (t === 4) bound(s, `p${t}-1`, 'alpha', ['alpha', 'beta', 'delta'], { kind: 'powerPledge', stage: 'pw1', perTurn: 20, turns: 4, pledgers: ['alpha', 'beta', 'delta'] });
}

/** The lead's turn flow, on a plain state or inside immer. */
function step(s: GameState): void {
  const rng = restoreRng(s.rng);
  resolveTurn(level, s, rng);
  if (s.turn >= level.turns) {
    s.phase = 'ended';
    finalizeGame(level, s);
  } else {
    s.turn += 1;
    s.phase = 'diplomacy';
    s.log.push([]);
    startTurn(level, s, rng);
  }
  s.rng = rng.save();
}

function play(useImmer: boolean, seed = 'flow'): { state: GameState; hashes: string[] } {
  let s = makeState(level);
  s.seed = seed;
  s.rng = restoreRng(s.rng).save();
  const hashes: string[] = [];
  for (let t = 1; t <= level.turns; t++) {
    if (useImmer) {
      s = produce(s, (d) => {
        ordersFor(d, t);
        step(d);
      });
    } else {
      ordersFor(s, t);
      step(s);
    }
    hashes.push(hashValue(s));
  }
  return { state: s, hashes };
}

describe('the whole turn', () => {
  it('gives the same state inside an immer produce as on a plain object', () => {
    const plain = play(false);
    const drafted = play(true);
    expect(drafted.hashes).toEqual(plain.hashes);
    expect(canonicalJson(drafted.state)).toBe(canonicalJson(plain.state));
  });

  it('leaves the state it was given untouched when run in a produce', () => {
    let s = makeState(level);
    s = produce(s, (d) => ordersFor(d, 1));
    const before = canonicalJson(s);
    const next = produce(s, (d) => step(d));
    expect(canonicalJson(s)).toBe(before);
    expect(canonicalJson(next)).not.toBe(before);
    expect(Object.isFrozen(next.players)).toBe(true);
  });

  it('still lets the turn flow log into the resolved turn after resolveTurn in the same produce', () => {
    const s = produce(makeState(level), (d) => ordersFor(d, 1));
    const next = produce(s, (d) => {
      resolveTurn(level, d, restoreRng(d.rng));
      logEntry(d, 'test', 'after resolution', 'all');
      d.log.push([]);
    });
    expect(next.log[1].at(-1)!.text).toBe('after resolution');
    expect(next.log.length).toBe(3);
  });

  it('is deterministic and round-trips through JSON', () => {
    const a = play(false, 'seed-a');
    expect(play(false, 'seed-a').hashes).toEqual(a.hashes);
    expect(hashValue(JSON.parse(JSON.stringify(a.state)))).toBe(hashValue(a.state));
    expect(a.state.phase).toBe('ended');
    expect(a.state.history.map((h) => h.turn)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a.state.log[6].filter((e) => e.step === 'final').length).toBeGreaterThan(4);
  });

  it('writes every log entry with a normalised audience', () => {
    const { state } = play(false);
    for (const entries of state.log) {
      for (const e of entries) {
        for (const to of [e.to, ...e.causes.map((c) => c.to)]) {
          if (typeof to === 'string') expect(['all', 'facilitator']).toContain(to);
          else expect([...to].sort()).toEqual(to);
        }
      }
    }
  });
});

describe('helpers', () => {
  it('integer division and mulDiv round down exactly, even past 2^53', () => {
    expect(idiv(7, 2)).toBe(3);
    expect(idiv(-7, 2)).toBe(-4);
    expect(mulDiv(1_000_000_000, 1_000_000_000_000, 3)).toBe(Number(10n ** 21n / 3n)); // the BigInt path
    expect(mulDiv(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
    expect(mulDiv(-5, 3, 2)).toBe(-8);
  });

  it('idiv is the exact floor of a / b for every pair of safe integers (checked against BigInt)', () => {
    const floorDiv = (a: number, b: number) => {
      const A = BigInt(a);
      const B = BigInt(b);
      const q = A / B;
      return Number(A % B !== 0n && A < 0n !== B < 0n ? q - 1n : q);
    };
    const edges = fc.constantFrom(2 ** 52, -(2 ** 52), 2 ** 52 - 1, 2 ** 52 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1, -1, 0);
    const n = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1e6, max: 1e6 }), edges);
    fc.assert(
      // Compared with ===: 0 and -0 are the same whole number (and hash alike).
      fc.property(n, n.filter((b) => b !== 0), (a, b) => {
        expect(idiv(a, b) === floorDiv(a, b)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    // Right next to a multiple, where a rounded a / b lands on the wrong side.
    const big = fc.integer({ min: -(2 ** 26), max: 2 ** 26 });
    fc.assert(
      fc.property(big, fc.integer({ min: 1, max: 2 ** 26 }), fc.integer({ min: -2, max: 2 }), (q, b, d) => {
        const a = q * b + d;
        expect(idiv(a, b) === floorDiv(a, b)).toBe(true);
        expect(idiv(a, -b) === floorDiv(a, -b)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('changeAnimosity clamps to 0..100 and logs the change made', () => {
    const s = makeState(level);
    expect(changeAnimosity(s, 'alpha', 'beta', 95, 1, 'test')).toBe(80);
    expect(changeAnimosity(s, 'alpha', 'beta', 5, 1, 'test')).toBe(0);
    expect(changeAnimosity(s, 'alpha', 'alpha', 5, 1, 'test')).toBe(0);
    expect(s.animosityLog).toEqual([{ turn: 1, from: 'alpha', to: 'beta', delta: 80, value: 100, cause: 'test' }]);
    expect(mutual(s, 'alpha', 'beta')).toBe(60);
    expect(meanMutual(s, ['alpha', 'beta', 'gamma'])).toBe(Math.floor((100 + 20 * 5) / 6));
  });
});
