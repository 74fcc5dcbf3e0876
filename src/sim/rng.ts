// The game's only source of randomness. Its state lives inside GameState (seedrandom's
// ARC4 with {state: true}), so a saved game or replay continues the exact same sequence.
import seedrandom from 'seedrandom';
import type { RngState } from './types';

export interface Rng {
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** True with probability bp / 10000. */
  chance(bp: number): boolean;
  /** Uniform integer in [lo, hi] inclusive. */
  between(lo: number, hi: number): number;
  /** Snapshot to store back into the state. */
  save(): RngState;
}

type Prng = seedrandom.PRNG & { state(): RngState };

/** The seeded generator's state: seedrandom's ARC4 key schedule (and its RC4-drop[256]). */
export function seedRng(seed: string): RngState {
  return (seedrandom(`corridor:${seed}`, { state: true }) as Prng).state();
}

/**
 * A generator that continues from `state` (which is not changed). It steps seedrandom's
 * ARC4 itself, the output function of seedrandom.js's ARC4.g, four bytes to a number as its
 * int32() gives them (unsigned): restoring through seedrandom would run a whole key schedule
 * and drop 256 bytes first, and copy the table three times, at every turn's resolution.
 * tests/unit/rng.test.ts holds it to seedrandom's own sequence.
 */
export function restoreRng(state: RngState): Rng {
  // A plain copy: the state's table may be frozen, and copying a frozen array with slice is slow (cow.ts).
  const S = [...state.S];
  let i = state.i;
  let j = state.j;
  const next32 = (): number => {
    let r = 0;
    for (let k = 0; k < 4; k++) {
      i = (i + 1) & 255;
      const t = S[i];
      j = (j + t) & 255;
      const u = S[j];
      S[i] = u;
      S[j] = t;
      r = r * 256 + S[(u + t) & 255];
    }
    return r;
  };
  const int = (n: number): number => {
    if (n <= 1) return 0;
    // Rejection sampling on 32 unsigned bits keeps the draw unbiased and integer-only.
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = next32();
      if (x < limit) return x % n;
    }
  };
  return {
    int,
    chance: (bp) => (bp <= 0 ? false : bp >= 10000 ? true : int(10000) < bp),
    between: (lo, hi) => lo + int(hi - lo + 1),
    save: () => ({ i, j, S: [...S] }),
  };
}
