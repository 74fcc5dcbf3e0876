// Resolution reads and writes thousands of values; through immer's proxies that costs
// several times the work itself. So when handed a draft, the steps run on a plain
// mutable copy of the state and the results are put back into the draft as plain
// values: the parts the steps change are replaced (they change every turn anyway) and
// append-only lists get a new array. Both are frozen here, as immer would freeze them at
// the end of the produce, so that immer need not walk them again. (So after resolveTurn
// or startTurn, change those parts only in a later produce; the log stays unfrozen
// because the turn flow pushes the next turn's slot into it.) A plain (non-draft) state is worked on
// directly. Either way the resulting state is the same.
import { current, isDraft, type Draft } from 'immer';
import type { GameState } from '../types';

/** Deep copy of plain JSON data (objects, arrays, primitives). */
export function clonePlain<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = clonePlain(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = clonePlain((v as Record<string, unknown>)[k]);
  return out as T;
}

function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
}

// Deep-copied and replaced: everything a step may change inside.
const DEEP = new Set(['players', 'segments', 'altRoutes', 'power', 'stances', 'animosity', 'pacts', 'pledges', 'scores']);
// Append-only lists: copied one level, old entries shared. Frozen when replaced.
const APPEND = new Set(['news', 'injected', 'eventsSeen', 'animosityLog', 'history', 'proposals']);
// The log too, but left unfrozen: the turn flow pushes the next turn's slot into it.

/** A plain snapshot of a draft (or the value itself): current() walks only what was drafted. */
const plain = <T>(v: T): T => (isDraft(v) ? (current(v as Draft<T>) as T) : v);

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
  const src = s as unknown as Record<string, unknown>;
  const before: Record<string, unknown> = {};
  const w: Record<string, unknown> = {};
  for (const k of Object.keys(src)) {
    const v = plain(src[k]);
    before[k] = v;
    if (DEEP.has(k)) w[k] = clonePlain(v);
    else if (APPEND.has(k) || k === 'log') w[k] = (v as unknown[]).slice();
    else w[k] = v; // read-only for the steps
  }
  const ws = w as unknown as GameState;
  // The only changes inside append-only lists: this turn's log slot, bound proposals' status.
  if (ws.log[ws.turn]) ws.log[ws.turn] = ws.log[ws.turn].slice();
  ws.proposals = ws.proposals.map((p) => (p.status === 'bound' ? clonePlain(p) : p));
  fn(ws);
  for (const k of Object.keys(w)) {
    const a = w[k];
    const b = before[k];
    if (DEEP.has(k)) {
      deepFreeze(a);
      src[k] = a;
    }
    else if (APPEND.has(k) || k === 'log') {
      const list = a as unknown[];
      if (!changedList(b as unknown[], list)) continue;
      if (k !== 'log') {
        for (const x of list) deepFreeze(x);
        Object.freeze(list);
      }
      src[k] = list;
    } else if (a !== b && (a === null || typeof a !== 'object')) src[k] = a;
  }
}
