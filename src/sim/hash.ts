// Hashes that every JavaScript engine computes alike. hashValue (levels, their content hash):
// canonical JSON (keys sorted, no whitespace) through a 64-bit FNV-1a over its UTF-16 code
// units. treeHash (game states, below): a Merkle hash fast enough for every checkpoint.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareStrings);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Code-unit order: a total order that does not depend on the locale (never localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two independent 32-bit FNV-1a lanes, printed as 16 hex digits. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0; // an odd multiplier of its own
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export function hashValue(value: unknown): string {
  return fnv1a64(canonicalJson(value));
}

// treeHash: the hash of game states (checkpoints). A Merkle hash over the value as JSON
// sees it, fed as 32-bit words into two lanes. Each object or array gets a digest of its
// own; a parent feeds its children's digests, not their content. The definition, which
// every engine computes alike (integer operations and UTF-16 code units only):
//   mix(w):   h1 = imul(h1 ^ w, P1), h1 ^= h1 >>> 15;  h2 = imul(h2 ^ w, P2), h2 ^= h2 >>> 13
//   a node (object or array) starts from the lanes (0x811c9dc5, 0x84222325) and mixes
//     an array:  ARRAY, then each element, then END (an undefined element counts as null);
//     an object: OBJECT, then for each member that is not undefined, in code-unit order of
//                the keys: the key's two lanes (the key fed as a string into a fresh node),
//                the value; then END;
//   a value:  null NULL; false FALSE; true TRUE; a whole number that fits in 32 bits INT, n;
//             any other finite number NUMBER, then its text (String(n)) as a string;
//             a string STRING, its length, then its code units two to a word
//             (c[i] | c[i+1] << 16, a last odd one alone); a node NODE, its h1, its h2.
//   The hash is the root's lanes as 16 hex digits (a bare primitive is fed into fresh lanes).
const P1 = 0x01000193;
const P2 = 0x5bd1e995;
const START1 = 0x811c9dc5 | 0;
const START2 = 0x84222325 | 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;
const INT = 4;
const NUMBER = 5;
const STRING = 6;
const NODE = 7;
const ARRAY = 8;
const OBJECT = 9;
const END = 10;

// The lanes of the node being fed, one per treeHash call. Nested nodes are hashed while
// their parent is open: the parent's lanes are saved in digest's locals and restored after.
interface Lanes { h1: number; h2: number }

function mix(H: Lanes, w: number): void {
  let a = Math.imul(H.h1 ^ w, P1);
  let b = Math.imul(H.h2 ^ w, P2);
  a ^= a >>> 15;
  b ^= b >>> 13;
  H.h1 = a;
  H.h2 = b;
}

function mixString(H: Lanes, text: string): void {
  mix(H, STRING);
  const n = text.length;
  mix(H, n);
  let a = H.h1;
  let b = H.h2;
  let i = 0;
  for (; i < n; i += 2) {
    const w = i + 1 < n ? text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16) : text.charCodeAt(i);
    a = Math.imul(a ^ w, P1);
    b = Math.imul(b ^ w, P2);
    a ^= a >>> 15;
    b ^= b >>> 13;
  }
  H.h1 = a;
  H.h2 = b;
}

/** Mixes a member or element. `depth`: the enclosing node's; `inLong`: it is an entry of a long list. */
function mixValue(H: Lanes, v: unknown, depth: number, inList: boolean, inLong: boolean): void {
  switch (typeof v) {
    case 'number':
      if (v === (v | 0)) {
        mix(H, INT);
        mix(H, v);
      } else {
        if (!Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
        mix(H, NUMBER);
        mixString(H, String(v));
      }
      return;
    case 'string':
      mixString(H, v);
      return;
    case 'boolean':
      mix(H, v ? TRUE : FALSE);
      return;
    case 'object': {
      if (v === null) {
        mix(H, NULL);
        return;
      }
      const s1 = H.h1;
      const s2 = H.h2;
      digest(H, v, depth + 1, inList, inLong);
      const d1 = H.h1;
      const d2 = H.h2;
      H.h1 = s1;
      H.h2 = s2;
      mix(H, NODE);
      mix(H, d1);
      mix(H, d2);
      return;
    }
    case 'undefined':
      mix(H, NULL); // only reached in an array: JSON writes it as null
      return;
    default:
      throw new Error(`cannot hash a ${typeof v}`);
  }
}

// Frozen nodes never change, so their digest is kept (every state is deep-frozen and shares
// unchanged parts with the state before it, cow.ts). A WeakMap entry costs about as much as
// hashing a small node again, so only digests read again often are kept: the parts of the
// value hashed (a state's players, proposals, history...) and the entries of the short lists
// among them. The entries of a long list are read again through the list's kept lanes
// (below) instead. The caches cannot change a result: a digest depends only on the content.
interface Digest { h1: number; h2: number }
const digests = new WeakMap<object, Digest>();

// A long list of objects keeps the lanes after each of its entries, with the entries they
// were fed from. Hashed again (an open list, changed in place: a replay being verified,
// cow.ts), or a list recorded as made from it (grownFrom) hashed, it resumes after the
// longest run of leading entries it still has in common with them: the same frozen objects
// or equal primitives, whose content cannot have changed. So a list that gains a few
// entries a turn (proposals) or has recent ones replaced (pledges being paid) is fed only
// from the first change on. Only entries that cannot change (primitives, frozen objects)
// are recorded, so an open list's entry changed in place is never taken for the one
// recorded.
const LONG = 8;
interface ListLanes { entries: readonly unknown[]; h1: Int32Array; h2: Int32Array }
const listLanes = new WeakMap<readonly unknown[], ListLanes>();
const extended = new WeakMap<readonly unknown[], readonly unknown[]>();

/**
 * Records that `next` was made from `prev` by adding entries or replacing some: a hint
 * only, since a list resumes from another's lanes only as far as its entries are the same.
 */
export function grownFrom(next: readonly unknown[], prev: readonly unknown[]): void {
  if (next !== prev && next.length >= LONG) extended.set(next, prev);
}

/** Where a long list can resume: its own record or its nearest recorded ancestor's. */
function resumeFrom(v: readonly unknown[]): { known: ListLanes; at: number } | null {
  let list: readonly unknown[] | undefined = v;
  for (let hops = 0; list && hops < 10000; hops++) {
    const known = listLanes.get(list);
    if (known) {
      const e = known.entries;
      const m = e.length < v.length ? e.length : v.length;
      let k = 0;
      while (k < m && v[k] === e[k]) k++;
      return k > 0 ? { known, at: k } : null;
    }
    list = extended.get(list);
  }
  return null;
}

// The members of objects of one shape come in one order, so their sorted order is kept by
// that order (a pure cache: it depends only on the keys), with each key's two lanes. `at[i]`
// is where the i-th key in sorted order sits in the object's own order, so the members are
// read with one Object.values instead of a keyed lookup each. Bounded, in case a long session
// meets many shapes (objects keyed by ids): past the bound, shapes are worked out each time.
interface Shape { keys: readonly string[]; at: readonly number[]; k1: Int32Array; k2: Int32Array }
const shapes = new Map<string, Shape[]>();
const MAX_SHAPES = 1000;

function shapeOf(keys: string[]): Shape {
  const n = keys.length;
  const known = shapes.get(n ? keys[0] : '');
  if (known) {
    for (const e of known) {
      if (e.keys.length !== n) continue;
      let same = true;
      for (let i = 1; i < n && same; i++) same = e.keys[i] === keys[i];
      if (same) return e;
    }
  }
  const at = keys.map((_, i) => i);
  at.sort((a, b) => compareStrings(keys[a], keys[b]));
  const k1 = new Int32Array(n);
  const k2 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const K: Lanes = { h1: START1, h2: START2 };
    mixString(K, keys[at[i]]);
    k1[i] = K.h1;
    k2[i] = K.h2;
  }
  const shape: Shape = { keys, at, k1, k2 };
  if (!known) {
    if (shapes.size < MAX_SHAPES) shapes.set(n ? keys[0] : '', [shape]);
  } else if (known.length < 64) known.push(shape);
  return shape;
}

/** Leaves v's digest in H. `depth`: 0 for the value hashed, 1 for its parts, ... */
function digest(H: Lanes, v: object, depth: number, inList: boolean, inLong: boolean): void {
  const cached = (depth === 1 || (depth === 2 && inList)) && Object.isFrozen(v);
  if (cached) {
    const known = digests.get(v);
    if (known !== undefined) {
      H.h1 = known.h1;
      H.h2 = known.h2;
      return;
    }
  }
  H.h1 = START1;
  H.h2 = START2;
  if (Array.isArray(v)) {
    const n = v.length;
    // A list of primitives (the generator's table) is fed as it is: resuming it would save
    // no more than it costs to record.
    if (n < LONG || v[0] === null || typeof v[0] !== 'object') {
      mix(H, ARRAY);
      for (let i = 0; i < n; i++) mixValue(H, v[i], depth, true, false);
    } else {
      const l1 = new Int32Array(n);
      const l2 = new Int32Array(n);
      let start = 0;
      const from = resumeFrom(v);
      if (from) {
        start = from.at;
        l1.set(from.known.h1.subarray(0, start));
        l2.set(from.known.h2.subarray(0, start));
        H.h1 = l1[start - 1];
        H.h2 = l2[start - 1];
      } else mix(H, ARRAY);
      let settled = start; // leading entries that cannot change
      for (let i = start; i < n; i++) {
        const m = v[i];
        mixValue(H, m, depth, true, true);
        l1[i] = H.h1;
        l2[i] = H.h2;
        if (settled === i && (m === null || typeof m !== 'object' || Object.isFrozen(m))) settled = i + 1;
      }
      if (settled > 0) listLanes.set(v, { entries: settled === n && Object.isFrozen(v) ? v : v.slice(0, settled), h1: l1, h2: l2 });
    }
  } else {
    const { at, k1, k2 } = shapeOf(Object.keys(v));
    const values = Object.values(v) as unknown[];
    mix(H, OBJECT);
    for (let i = 0; i < at.length; i++) {
      const m = values[at[i]];
      if (m === undefined) continue;
      mix(H, k1[i]);
      mix(H, k2[i]);
      mixValue(H, m, depth, false, false);
    }
  }
  mix(H, END);
  if (cached && !inLong) digests.set(v, { h1: H.h1, h2: H.h2 });
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
const hex8 = (h: number) => HEX[h >>> 24] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];

/** The hash of a JSON value (above). Equal content gives an equal hash in every engine, frozen or not. */
export function treeHash(value: unknown): string {
  const H: Lanes = { h1: START1, h2: START2 };
  if (value !== null && typeof value === 'object') digest(H, value, 0, false, false);
  else mixValue(H, value, -1, false, false);
  return hex8(H.h1 >>> 0) + hex8(H.h2 >>> 0);
}
