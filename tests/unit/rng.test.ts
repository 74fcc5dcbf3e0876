// The generator steps seedrandom's ARC4 itself (src/sim/rng.ts): it must give seedrandom's
// own sequence from any state, save the state seedrandom would, and leave alone the state
// it was restored from.
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { restoreRng, seedRng } from '../../src/sim/rng';
import type { RngState } from '../../src/sim/types';

type Prng = seedrandom.PRNG & { state(): RngState };
const reference = (state: RngState) => seedrandom('', { state: { i: state.i, j: state.j, S: [...state.S] } as unknown as boolean }) as Prng;

/** Rng.int's rule (rejection sampling on unsigned 32-bit draws), on seedrandom's int32. */
function referenceInt(p: Prng, n: number): number {
  if (n <= 1) return 0;
  const limit = 0x100000000 - (0x100000000 % n);
  for (;;) {
    const x = p.int32() >>> 0;
    if (x < limit) return x % n;
  }
}

describe('rng', () => {
  it('draws what seedrandom draws, from any seed, and saves the state seedrandom reaches', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer({ min: 0, max: 2 ** 32 }), { minLength: 1, maxLength: 60 }), (seed, bounds) => {
        const start = seedRng(seed);
        const ours = restoreRng(start);
        const theirs = reference(start);
        for (const n of bounds) expect(ours.int(n)).toBe(referenceInt(theirs, n));
        expect(ours.save()).toEqual(theirs.state());
      }),
      { numRuns: 300 },
    );
  });

  it('continues a saved state exactly, keeps the key order i, j, S and never changes the state it came from', () => {
    const seeded = seedRng('order');
    const start: RngState = Object.freeze({ i: seeded.i, j: seeded.j, S: Object.freeze([...seeded.S]) as number[] });
    const before = JSON.stringify(start);
    const r = restoreRng(start);
    const first = Array.from({ length: 50 }, () => r.int(1000));
    const mid = r.save();
    const rest = Array.from({ length: 50 }, () => r.int(7));
    expect(JSON.stringify(start)).toBe(before);
    expect(Object.keys(mid)).toEqual(['i', 'j', 'S']);
    const again = restoreRng(mid);
    expect(Array.from({ length: 50 }, () => again.int(7))).toEqual(rest);
    const p = reference(start);
    expect(first).toEqual(Array.from({ length: 50 }, () => referenceInt(p, 1000)));
  });
});
