// Copy-on-write for game states. Every state is deep-frozen and never changes; an action
// makes the next state by copying only what it changes and sharing the rest. Sharing
// unchanged subtrees keeps memory flat and lets treeHash reuse their cached digests, so a
// checkpoint hashes only what the turn changed.
import { grownFrom } from './hash';
import type { GameState } from './types';

// Copying frozen data, mind V8 (Node 20): slice, filter, some, find and for-of are many times
// slower on a frozen array than on a plain one, while [...list] is not. A small object copied
// with Object.assign reads faster than one copied with {...o}, but past 16 or so members
// Object.assign makes a slow dictionary object: copyObject picks the right one.

/** A shallow copy of a plain object that stays fast to read once frozen. (Object.assign
 * would set the prototype for an own "__proto__" member, which ids never are; spread then.) */
export function copyObject<T extends object>(o: T, members = Object.keys(o).length): T {
  return members > 16 || Object.prototype.hasOwnProperty.call(o, '__proto__') ? { ...o } : Object.assign({}, o);
}

/** Deep copy of plain JSON data (objects, arrays, primitives). Members are copied natively
 * (a "__proto__" key stays a plain member); only nested objects recurse. */
export function clonePlain<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = [...v];
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (x !== null && typeof x === 'object') out[i] = clonePlain(x);
    }
    return out as T;
  }
  const keys = Object.keys(v);
  const out = copyObject(v as Record<string, unknown>, keys.length);
  for (let i = 0; i < keys.length; i++) {
    const x = out[keys[i]];
    if (x !== null && typeof x === 'object') out[keys[i]] = clonePlain(x);
  }
  return out as T;
}

/** What JSON.parse(JSON.stringify(v)) gives for plain data, without the text: -0 and
 * non-finite numbers become 0 and null, undefined members are dropped (null in arrays). */
export function jsonCopy<T>(v: T): T {
  return copyJson(v) as T;
}

function copyJson(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : copyJson(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const m = (v as Record<string, unknown>)[k];
    if (m === undefined) continue;
    // A "__proto__" key stays a plain member, as JSON.parse makes it.
    if (k === '__proto__') Object.defineProperty(out, k, { value: copyJson(m), enumerable: true, writable: true, configurable: true });
    else out[k] = copyJson(m);
  }
  return out;
}

/** Freezes a tree. A frozen object is taken to be frozen all the way down (everything
 * here is frozen only through this function), so shared subtrees are not walked again. */
export function deepFreeze<T>(v: T): T {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const m: unknown = v[i];
      if (m !== null && typeof m === 'object') deepFreeze(m);
    }
    return v;
  }
  // for-in over a plain object (no enumerable inherited members) reads its own members
  // without making an array: several times faster here than Object.values.
  for (const k in v) {
    const m: unknown = (v as Record<string, unknown>)[k];
    if (m !== null && typeof m === 'object') deepFreeze(m);
  }
  return v;
}

/**
 * `after` (freshly built, not frozen) with every subtree whose content equals the one at
 * the same place in `before` replaced by that one; `before` itself when nothing differs.
 * Key order counts as content, so a shared object serialises exactly as the new one would.
 */
export function shareUnchanged(before: unknown, after: unknown): unknown {
  if (before === after || after === null || typeof after !== 'object') return after;
  if (before === null || typeof before !== 'object' || Object.isFrozen(after)) return after;
  if (Array.isArray(after)) {
    if (!Array.isArray(before)) return after;
    let same = before.length === after.length;
    for (let i = 0; i < after.length; i++) {
      const a = after[i];
      const c = i < before.length ? shareUnchanged(before[i], a) : a;
      if (c !== a) after[i] = c;
      if (same && c !== before[i]) same = false;
    }
    return same ? before : after;
  }
  if (Array.isArray(before)) return after;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let same = ka.length === kb.length;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (same && kb[i] !== k) same = false;
    const v = a[k];
    const old = b[k];
    const c = shareUnchanged(old, v);
    if (c !== v) a[k] = c;
    if (same && c !== old) same = false;
  }
  return same ? before : after;
}

/**
 * `after` (freshly built from `before`, which is deep-frozen) sealed: every subtree whose
 * content equals the one at the same place in `before` is replaced by that one, the rest is
 * frozen. One walk does what shareUnchanged and deepFreeze do in two.
 */
export function seal(before: unknown, after: unknown): unknown {
  if (after === before || after === null || typeof after !== 'object' || Object.isFrozen(after)) return after;
  if (Array.isArray(after)) {
    const b = Array.isArray(before) ? before : null;
    let same = b !== null && b.length === after.length;
    for (let i = 0; i < after.length; i++) {
      const a = after[i];
      const old = b !== null && i < b.length ? b[i] : undefined;
      if (a !== null && typeof a === 'object') {
        const c = seal(old, a);
        if (c !== a) after[i] = c;
        if (same && c !== old) same = false;
      } else if (same && a !== old) same = false;
    }
    return same ? before : Object.freeze(after);
  }
  const a = after as Record<string, unknown>;
  const b = before !== null && typeof before === 'object' && !Array.isArray(before) ? (before as Record<string, unknown>) : null;
  if (b === null) return deepFreeze(after);
  // Keys and values read natively, in order; before's value by position while the keys agree.
  const ka = Object.keys(a);
  const va = Object.values(a);
  const kb = Object.keys(b);
  const vb = Object.values(b);
  let same = kb.length === ka.length;
  let aligned = true;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    if (aligned && kb[i] !== k) aligned = same = false;
    const v = va[i];
    const old = aligned ? vb[i] : b[k];
    if (v !== null && typeof v === 'object') {
      const c = seal(old, v);
      if (c !== v) a[k] = c;
      if (same && c !== old) same = false;
    } else if (same && v !== old) same = false;
  }
  return same ? before : Object.freeze(after);
}

// The states of open runs (openGame, openStep): changed in place by the one caller that owns
// them and keeps none of them. Such a state object lives for one turn (each resolution makes
// a new one), and within it only the diplomacy and orders parts change (answers, done flags,
// orders; the facilitator's reveal and injected events): the rest changes only when the turn
// resolves. So a brief view may keep what it derives from the rest per state object
// (view.ts), as it does per frozen part. (Once frozen, such a state never changes at all.)
const openStates = new WeakSet<object>();

export function markOpen<T extends object>(s: T): T {
  openStates.add(s);
  return s;
}

export function isOpenRun(s: object): boolean {
  return openStates.has(s);
}

// The parts a turn's resolution changes inside: deep-copied before and reconciled after.
export const DEEP_PARTS: ReadonlySet<string> = new Set(['players', 'segments', 'altRoutes', 'power', 'stances', 'animosity', 'scores']);
// Lists whose entries are never changed inside, only added, dropped or replaced (a pledge
// being paid is replaced by a changed copy: payPledges): copied one level, old entries
// shared, so a finished pledge stays one frozen object whose digest treeHash keeps. The
// log (one slot per turn) and proposals (a bound one's status changes) are handled apart.
export const APPEND_PARTS: ReadonlySet<string> = new Set(['news', 'injected', 'eventsSeen', 'animosityLog', 'turnFigures', 'history', 'pacts', 'pledges']);

/** A copy of a part the steps change inside: its objects are copied all the way down, but
 * arrays inside them are shared (frozen): the steps replace such arrays, never change them. */
function cloneRecords<T>(v: T): T {
  if (Array.isArray(v)) {
    const out = [...v];
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (x !== null && typeof x === 'object') out[i] = cloneRecords(x);
    }
    return out as T;
  }
  const keys = Object.keys(v as object);
  const out = copyObject(v as Record<string, unknown>, keys.length);
  for (let i = 0; i < keys.length; i++) {
    const x = out[keys[i]];
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) out[keys[i]] = cloneRecords(x);
  }
  return out as T;
}

/**
 * A working copy of `base` that the resolution steps may change freely: the deep parts are
 * copied (cloneRecords), the lists are copied one level (this turn's log slot and bound
 * proposals also get their own copies), the rest is shared and only ever replaced, never
 * changed inside. What is shared is frozen, so a step that broke these rules would throw.
 * `inPlace`: the caller owns `base` and keeps none of its parts (an open run, see
 * actions.ts openStep), so the parts that are not frozen are worked on as they are.
 */
export function workingCopy(base: GameState, inPlace = false): GameState {
  const src = base as unknown as Record<string, unknown>;
  // Copied in one go and then its members replaced: an object given its 33 members one by
  // one through a computed key becomes a slow dictionary in V8, and this one is the state
  // every step, view and hash of the next turn reads.
  const w = copyObject(src);
  for (const k of Object.keys(src)) {
    const v = src[k];
    const frozen = Object.isFrozen(v);
    if (inPlace && !frozen) w[k] = v;
    else if (DEEP_PARTS.has(k)) w[k] = frozen ? cloneRecords(v) : clonePlain(v);
    else if (APPEND_PARTS.has(k)) {
      const list = [...(v as unknown[])];
      grownFrom(list, v as unknown[]);
      w[k] = list;
    } else w[k] = v;
  }
  const ws = w as unknown as GameState;
  if (!(inPlace && !Object.isFrozen(base.log))) ws.log = [...base.log]; // logEntry copies a frozen slot before adding to it
  const proposals = inPlace && !Object.isFrozen(base.proposals) ? base.proposals : [...base.proposals];
  for (let i = 0; i < proposals.length; i++) if (proposals[i].status === 'bound' && (!inPlace || Object.isFrozen(proposals[i]))) proposals[i] = clonePlain(proposals[i]);
  if (proposals !== base.proposals) grownFrom(proposals, base.proposals);
  ws.proposals = proposals;
  return ws;
}

// The lists of a state that only grow, with entries that are objects the checkpoint hash reads.
const GROWING = ['history', 'proposals', 'pacts', 'pledges'] as const;

/**
 * Ends a turn of an open run: freezes the entries of the lists that only grow (a turn
 * record, a proposal, a pact, a pledge), which never change again (a bound proposal is
 * copied before it is ratified, a pledge before it is paid), so that treeHash can remember
 * their digests.
 */
export function freezeEntries(s: GameState): void {
  for (const k of GROWING) {
    const list = s[k] as unknown[];
    if (Object.isFrozen(list)) continue;
    for (let i = 0; i < list.length; i++) deepFreeze(list[i]);
  }
}

/** Ends a run of openStep with a frozen state that shares with `base` (the frozen state the
 * run started from) whatever the run left unchanged. */
export function sealRun(base: GameState, state: GameState): GameState {
  return state === base || Object.isFrozen(state) ? state : sealState(base, state);
}

/** A list copied from `before` and changed: entries still shared with it are frozen already. */
function sealList(before: readonly unknown[], after: unknown[]): readonly unknown[] {
  let same = before.length === after.length;
  for (let i = 0; i < after.length; i++) {
    const a = after[i];
    if (i < before.length && a === before[i]) continue;
    same = false;
    after[i] = seal(i < before.length ? before[i] : undefined, a);
  }
  return same ? before : Object.freeze(after);
}

/** Ends a copy-on-write step: shares what did not change with `base` (lists entry by entry,
 * the small parts by content) and freezes the rest. */
export function sealState(base: GameState, next: GameState): GameState {
  const b = base as unknown as Record<string, unknown>;
  const n = next as unknown as Record<string, unknown>;
  // Parts of a frozen state are frozen all the way down; an unfrozen one (read from JSON)
  // is frozen here with the new state, as immer froze what it shared.
  if (!Object.isFrozen(base)) return deepFreeze(shareUnchanged(base, next) as GameState);
  for (const k of Object.keys(n)) {
    const v = n[k];
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    const old = b[k];
    // A deep part a turn worked on (a copy) is frozen as it is, not compared with the old one
    // to share what is equal: the turn changes nearly all of it (flows, treasuries), and the
    // caches (digests, views) are keyed by whole parts, so the comparison cost more than it saved.
    n[k] = Array.isArray(v) && Array.isArray(old) && (APPEND_PARTS.has(k) || k === 'log' || k === 'proposals') ? sealList(old, v) : DEEP_PARTS.has(k) ? deepFreeze(v) : seal(old, v);
  }
  return Object.freeze(next);
}
