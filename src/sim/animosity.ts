// The hidden animosity matrix: reading it, and changing it only through changeAnimosity,
// which clamps to 0..100 and records every change with its cause for the debrief.
import type { GameState } from './types';

export function animosityOf(s: GameState, from: string, to: string): number {
  if (from === to) return 0;
  return s.animosity[from]?.[to] ?? 0;
}

/** Applies a change (clamped to 0..100) and logs it (unless the run is silent); returns the change actually made. */
export function changeAnimosity(s: GameState, from: string, to: string, delta: number, turn: number, cause: string): number {
  if (from === to || delta === 0) return 0;
  const row = s.animosity[from];
  if (!row || row[to] === undefined) return 0;
  const old = row[to];
  const value = old + delta < 0 ? 0 : old + delta > 100 ? 100 : old + delta;
  if (value === old) return 0;
  row[to] = value;
  if (!s.silent) s.animosityLog.push({ turn, from, to, delta: value - old, value, cause });
  return value - old;
}

/** The same change both ways between a and b. */
export function changeBothWays(s: GameState, a: string, b: string, delta: number, turn: number, cause: string): void {
  changeAnimosity(s, a, b, delta, turn, cause);
  changeAnimosity(s, b, a, delta, turn, cause);
}

/** Changes every ordered pair of a group (in the group's order). */
export function changeAmong(s: GameState, ids: readonly string[], delta: number, turn: number, cause: string): void {
  for (const a of ids) for (const b of ids) if (a !== b) changeAnimosity(s, a, b, delta, turn, cause);
}

/** Mutual animosity of a pair: the mean of both directions, rounded down. */
export function mutual(s: GameState, a: string, b: string): number {
  return Math.floor((animosityOf(s, a, b) + animosityOf(s, b, a)) / 2);
}

/** Mean over every ordered pair of a group, rounded down; 0 for fewer than two. */
export function meanMutual(s: GameState, ids: readonly string[]): number {
  let sum = 0;
  let n = 0;
  for (const a of ids) {
    for (const b of ids) {
      if (a === b) continue;
      sum += animosityOf(s, a, b);
      n += 1;
    }
  }
  return n === 0 ? 0 : Math.floor(sum / n);
}

/** The most resentful unordered pair of a group by mutual animosity (first in group order on ties). */
export function worstPair(s: GameState, ids: readonly string[]): { a: string; b: string; value: number } | null {
  let best: { a: string; b: string; value: number } | null = null;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const v = mutual(s, ids[i], ids[j]);
      if (!best || v > best.value) best = { a: ids[i], b: ids[j], value: v };
    }
  }
  return best;
}
