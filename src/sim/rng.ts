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

function wrap(prng: Prng): Rng {
  const int = (n: number): number => {
    if (n <= 1) return 0;
    // Rejection sampling on 32 unsigned bits keeps the draw unbiased and integer-only.
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = prng.int32() >>> 0;
      if (x < limit) return x % n;
    }
  };
  return {
    int,
    chance: (bp) => (bp <= 0 ? false : bp >= 10000 ? true : int(10000) < bp),
    between: (lo, hi) => lo + int(hi - lo + 1),
    save: () => prng.state(),
  };
}

export function seedRng(seed: string): RngState {
  return (seedrandom(`corridor:${seed}`, { state: true }) as Prng).state();
}

export function restoreRng(state: RngState): Rng {
  return wrap(seedrandom('', { state: { i: state.i, j: state.j, S: state.S.slice() } as unknown as boolean }) as Prng);
}
