// The checkpoint hash replays store after every turn. It covers the game's facts: every
// part of the state the rules read. The narration (the turn log, the animosity log and the
// debrief's turn figures) is left out: the rules never read it, it is written from those
// facts, and leaving it out means a fix to the wording of a log line does not invalidate
// replays recorded before it.
// fullStateHash covers everything, for tests that compare JavaScript engines.
import { treeHash } from './hash';
import type { GameState } from './types';

/** Parts of a GameState that only narrate (and the mark of a run without narration); the
 * rules never read them. */
export const NARRATION: ReadonlySet<string> = new Set(['log', 'animosityLog', 'turnFigures', 'silent']);

/** The state's checkpoint hash: its facts, without the narration. */
export function stateHash(state: GameState): string {
  const src = state as unknown as Record<string, unknown>;
  const facts: Record<string, unknown> = {};
  for (const k of Object.keys(src)) if (!NARRATION.has(k)) facts[k] = src[k];
  return treeHash(facts);
}

/** A hash of the whole state, narration included. */
export function fullStateHash(state: GameState): string {
  return treeHash(state);
}

