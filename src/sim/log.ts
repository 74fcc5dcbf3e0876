// Writing the turn log: every notable outcome with the audience that may read it and
// the causes each reader is entitled to (public text, causes for the parties, exact
// figures for the facilitator). view.ts redacts by these audiences.
import { compareStrings } from './hash';
import type { Audience, Cause, GameState, LogEntry, StateId } from './types';

/** A sorted copy without duplicates, so the same readers always serialise the same way. */
export function readers(ids: readonly StateId[]): StateId[] {
  const out: StateId[] = [];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out.sort(compareStrings);
}

function copyAudience(to: Audience): Audience {
  return typeof to === 'string' ? to : readers(to);
}

export function cause(text: string, to: Audience): Cause {
  return { text, to: copyAudience(to) };
}

export const forFacilitator = (text: string): Cause => ({ text, to: 'facilitator' });

/** Appends an entry to this turn's log (log[s.turn]), creating the slot if needed; nothing
 * in a silent run (GameState.silent), where callers that build long texts skip them too. */
export function logEntry(s: GameState, step: string, text: string, to: Audience, causes: Cause[] = []): void {
  if (s.silent) return;
  while (s.log.length <= s.turn) s.log.push([]);
  // A slot of an earlier state is frozen (every state is; cow.ts): add to a copy of it.
  if (Object.isFrozen(s.log[s.turn])) s.log[s.turn] = [...s.log[s.turn]];
  const entry: LogEntry = { turn: s.turn, step, text, to: copyAudience(to), causes };
  s.log[s.turn].push(entry);
}
