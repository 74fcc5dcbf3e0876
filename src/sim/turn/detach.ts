// For callers that run the turn steps (resolveTurn, startTurn, finalizeGame) inside their
// own immer produce; applyAction does not (it makes a plain working copy, cow.ts). Through
// immer's proxies the steps would cost several times the work itself, so when handed a
// draft they run on a plain mutable copy of the state and the results are put back into
// the draft as plain values: the parts the steps change are replaced (they change every
// turn anyway) and append-only lists get a new array. What the steps made is frozen here,
// as immer would freeze it at the end of the produce, so that immer need not walk it again.
// (So after resolveTurn, startTurn or finalizeGame, change those parts only in a later
// produce; the log's own array stays open because the turn flow pushes the next turn's slot
// into it.) A plain (non-draft) state is worked on directly. Either way the state is the same.
import { current, isDraft } from 'immer';
import type { GameState } from '../types';
import { clonePlain, deepFreeze } from '../cow';

export { clonePlain };

/** Freezes what the steps put into a list (new or replaced entries), never an entry it
 * shares with the state it came from; then the list itself unless told not to. */
function freezeNew(after: unknown[], before: readonly unknown[], freezeSelf = true): void {
  for (let i = 0; i < after.length; i++) {
    const a = after[i];
    const b = before[i];
    if (a === b) continue;
    if (Array.isArray(a) && Array.isArray(b)) freezeNew(a, b);
    else deepFreeze(a);
  }
  if (freezeSelf) Object.freeze(after);
}

// Deep-copied and replaced: everything a step may change inside.
const DEEP = new Set(['players', 'segments', 'altRoutes', 'power', 'stances', 'animosity', 'pacts', 'scores']);
// Append-only lists: copied one level, old entries shared (a pledge being paid is replaced,
// not changed: payPledges). Frozen when replaced. The log is one too, handled apart (its
// slots are frozen, its own array is not).
const APPEND = new Set(['news', 'injected', 'eventsSeen', 'animosityLog', 'turnFigures', 'history', 'proposals', 'pledges']);

function changedList(b: readonly unknown[], a: readonly unknown[]): boolean {
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}

export function onPlainState(s: GameState, fn: (w: GameState) => void): void {
  if (!isDraft(s)) {
    fn(s);
    return;
  }
  // Plain snapshots of the parts the steps change (current() copies only what was drafted
  // and shares the rest, frozen, with the base). The rest is read through the draft.
  const src = s as unknown as Record<string, unknown>;
  const snap: Record<string, unknown> = {};
  const w: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const d = src[k];
    if (DEEP.has(k)) {
      snap[k] = isDraft(d) ? current(d) : d;
      w[k] = clonePlain(snap[k]);
    } else if (APPEND.has(k) || k === 'log') {
      snap[k] = isDraft(d) ? current(d) : d;
      w[k] = (snap[k] as unknown[]).slice();
    } else {
      snap[k] = d;
      w[k] = d; // read-only for the steps
    }
  }
  const ws = w as unknown as GameState;
  // The only changes inside append-only lists: this turn's log slot, bound proposals' status.
  if (ws.log[ws.turn]) ws.log[ws.turn] = ws.log[ws.turn].slice();
  ws.proposals = ws.proposals.map((p) => (p.status === 'bound' ? clonePlain(p) : p));
  fn(ws);
  for (const k of Object.keys(w)) {
    const a = w[k];
    const b = snap[k];
    if (DEEP.has(k)) {
      deepFreeze(a);
      src[k] = a;
    } else if (APPEND.has(k) || k === 'log') {
      const list = a as unknown[];
      if (!changedList(b as unknown[], list)) continue;
      // The log's own array stays open: the turn flow pushes the next turn's slot into it.
      freezeNew(list, b as unknown[], k !== 'log');
      src[k] = list;
    } else if (a !== b && (a === null || typeof a !== 'object')) src[k] = a;
  }
}
