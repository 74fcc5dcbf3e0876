// Re-applying a recorded action (a replay's, a save's, an undo's re-run): the checks every
// re-run makes, in one place. The callers word the failures for their readers.
import type { LoadedLevel } from './level';
import type { Action, ActionResult, GameState } from './types';

export interface RecordedEntry { turn: number; action: unknown }

export type RecordedStep =
  /** `resolved`: the action ended a turn (or the game). */
  | { ok: true; state: GameState; resolved: boolean }
  /** `turn`: the game's turn when the action came. ended: the game was over; otherTurn:
   * the action is recorded for another turn than the game is in; refused: the rules said no
   * (`error` is their reason). Otherwise `error` reads on from "the action ...". */
  | { ok: false; kind: 'ended' | 'otherTurn' | 'refused'; turn: number; error: string };

/** Applies `entry.action` with `step` (applyAction or openStep) if it belongs where the game is. */
export function stepRecorded(level: LoadedLevel, state: GameState, entry: RecordedEntry, step: (level: LoadedLevel, state: GameState, action: Action) => ActionResult): RecordedStep {
  const turn = state.turn;
  if (state.phase === 'ended') return { ok: false, kind: 'ended', turn, error: 'comes after the end of the game' };
  if (entry.turn !== turn) return { ok: false, kind: 'otherTurn', turn, error: `is recorded for turn ${entry.turn}, but the game is in turn ${turn}` };
  const r = step(level, state, entry.action as Action);
  if (!r.ok) return { ok: false, kind: 'refused', turn, error: r.error };
  // An open state may have been changed in place: compare with the turn it had.
  return { ok: true, state: r.state, resolved: r.state.turn !== turn || r.state.phase === 'ended' };
}
