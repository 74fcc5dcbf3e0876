// Undo, allowed only until new information has been revealed. A player may take back its
// own latest actions while no other seat has acted since, and only actions that did not
// change the phase, resolve a turn (dice, reports) or get an answer. The rule lives here;
// callers rebuild the earlier state by re-running the action list without the undone
// action (never from a stored snapshot, which a player could read).
import type { LoadedLevel } from './level';
import { thisTurnProposals } from './proposals';
import type { Action, GameState, Viewer } from './types';
import { nameOf } from './util';

/**
 * Why `action` (which turned `before` into `after`) may not be taken back on its own terms,
 * or null when it may. Whether someone acted since is undoRefusal's question.
 */
export function undoBlock(level: LoadedLevel, before: GameState, after: GameState, action: Action): string | null {
  if (action.player === 'facilitator') return 'facilitator actions cannot be taken back';
  if (after.turn !== before.turn || (after.phase === 'ended' && before.phase !== 'ended')) return 'the turn has been resolved since';
  if (after.phase !== before.phase) return before.phase === 'diplomacy' ? 'diplomacy has closed and orders have begun' : 'the phase has changed since';
  if (action.type === 'propose') {
    // The proposal this action made is the newest of this turn; any answer to it is news.
    const made = thisTurnProposals(after).filter((p) => p.from === action.player);
    const p = made[made.length - 1];
    if (!p || p.status !== 'open' || p.parties.some((id) => id !== action.player && p.responses[id] !== 'pending')) {
      return 'the proposal has been answered';
    }
  }
  return null;
}

export function undoable(level: LoadedLevel, before: GameState, after: GameState, action: Action): boolean {
  return undoBlock(level, before, after, action) === null;
}

/** One entry of a game's action list, with undoBlock's verdict taken when it was applied. */
export interface UndoStep { action: Action; block: string | null }

/**
 * Why `player` may not take back the latest action of `steps` (the game's action list, in
 * order), or null when it may. Only the player's own latest action, with no one after it.
 */
export function undoRefusal(level: LoadedLevel, steps: readonly UndoStep[], player: Viewer): string | null {
  const last = steps[steps.length - 1];
  if (!last) return 'there is nothing to take back';
  if (last.action.player !== player) {
    const mine = steps.some((s) => s.action.player === player);
    const who = last.action.player === 'facilitator' ? 'the facilitator' : nameOf(level, last.action.player);
    return mine ? `${who} has acted since` : 'you have not acted yet';
  }
  return last.block;
}
