// A reference the bench measures beside its figures, to tell the code's speed from the
// machine's. This host shares its memory system with other tenants: in their busy spells a
// walk over memory that misses the caches takes up to twice as long, while a loop that runs
// in registers does not slow at all. A replay's verify slows with the walk (it allocates
// ~3 MB a run and reads a working set larger than a core's 512 KB L2 cache), so the bench
// prints the probe beside the verify figure: its median well above its fastest marks a
// slow spell.
import { performance } from 'node:perf_hooks';

const WORDS = 1 << 21; // 16 MB of doubles: more than any core's cache share here
const STEPS = 1 << 17;
let table: Float64Array | null = null;

/** Milliseconds for a fixed scattered walk over 16 MB (about 2 ms on a quiet machine here). */
export function memoryProbe(): number {
  // Touched once when made, so that no probe pays for the pages' first use.
  table ??= new Float64Array(WORDS).fill(1);
  const t = table;
  const start = performance.now();
  let at = 0;
  for (let i = 0; i < STEPS; i++) {
    // A golden-ratio step: each read lands on another cache line, out of prefetch order.
    at = (at + 0x9e3779b1) & (WORDS - 1);
    t[at] += 1;
  }
  return performance.now() - start;
}

export interface Round { probeBefore: number; probeAfter: number; runs: number[] }
