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

// The lanes are fed in locals: a node's whole-number members and elements, the most common,
// are mixed into its digest's two local lanes, which V8 keeps in registers; kept in an object,
// every mix was a load and a store (a whole unfrozen late-game state hashes in about a fifth
// less time so). `Lanes` carries a result across calls: what mixString or mixOther left.
interface Lanes { h1: number; h2: number }

const lane1 = (h: number, w: number): number => {
  const a = Math.imul(h ^ w, P1);
  return a ^ (a >>> 15);
};
const lane2 = (h: number, w: number): number => {
  const b = Math.imul(h ^ w, P2);
  return b ^ (b >>> 13);
};

/** Mixes a string into the lanes (h1, h2) and leaves the result in H. */
function mixString(H: Lanes, h1: number, h2: number, text: string): void {
  const n = text.length;
  let a = lane1(lane1(h1, STRING), n);
  let b = lane2(lane2(h2, STRING), n);
  for (let i = 0; i < n; i += 2) {
    const w = i + 1 < n ? text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16) : text.charCodeAt(i);
    a = lane1(a, w);
    b = lane2(b, w);
  }
  H.h1 = a;
  H.h2 = b;
}

/**
 * Mixes a member or element into (h1, h2) and leaves the result in H. The callers mix whole
 * 32-bit numbers in their own lanes first (the fast path); any value is mixed right here too.
 * `depth`: the enclosing node's; `inLong`: it is an entry of a long list.
 */
function mixOther(H: Lanes, h1: number, h2: number, v: unknown, depth: number, inList: boolean, inLong: boolean): void {
  switch (typeof v) {
    case 'boolean':
      H.h1 = lane1(h1, v ? TRUE : FALSE);
      H.h2 = lane2(h2, v ? TRUE : FALSE);
      return;
    case 'number':
      if (v === (v | 0)) {
        H.h1 = lane1(lane1(h1, INT), v);
        H.h2 = lane2(lane2(h2, INT), v);
        return;
      }
      if (!Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
      mixString(H, lane1(h1, NUMBER), lane2(h2, NUMBER), String(v));
      return;
    case 'string':
      mixString(H, h1, h2, v);
      return;
    case 'object': {
      if (v === null) {
        H.h1 = lane1(h1, NULL);
        H.h2 = lane2(h2, NULL);
        return;
      }
      digest(H, v, depth + 1, inList, inLong);
      const d1 = H.h1;
      const d2 = H.h2;
      H.h1 = lane1(lane1(lane1(h1, NODE), d1), d2);
      H.h2 = lane2(lane2(lane2(h2, NODE), d1), d2);
      return;
    }
    case 'undefined': // only reached in an array: JSON writes it as null
      H.h1 = lane1(h1, NULL);
      H.h2 = lane2(h2, NULL);
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
  const K: Lanes = { h1: 0, h2: 0 };
  for (let i = 0; i < n; i++) {
    mixString(K, START1, START2, keys[at[i]]);
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
  let a = START1;
  let b = START2;
  // Each member or element: whole 32-bit numbers mixed here, in the locals; the rest by
  // mixOther, through H.
  if (Array.isArray(v)) {
    const n = v.length;
    // A long list of objects records its lanes after each entry (resumed from, above). A
    // list of primitives (the generator's table) is fed as it is: resuming it would save no
    // more than it costs to record.
    const long = n >= LONG && v[0] !== null && typeof v[0] === 'object';
    const l1 = long ? new Int32Array(n) : null;
    const l2 = long ? new Int32Array(n) : null;
    let start = 0;
    const from = long ? resumeFrom(v) : null;
    if (from && l1 && l2) {
      start = from.at;
      l1.set(from.known.h1.subarray(0, start));
      l2.set(from.known.h2.subarray(0, start));
      a = l1[start - 1];
      b = l2[start - 1];
    } else {
      a = lane1(a, ARRAY);
      b = lane2(b, ARRAY);
    }
    let settled = start; // leading entries that cannot change
    for (let i = start; i < n; i++) {
      const m: unknown = v[i];
      if (typeof m === 'number' && m === (m | 0)) {
        a = lane1(lane1(a, INT), m);
        b = lane2(lane2(b, INT), m);
      } else {
        mixOther(H, a, b, m, depth, true, long);
        a = H.h1;
        b = H.h2;
      }
      if (l1 && l2) {
        l1[i] = a;
        l2[i] = b;
        if (settled === i && (m === null || typeof m !== 'object' || Object.isFrozen(m))) settled = i + 1;
      }
    }
    if (l1 && l2 && settled > 0) listLanes.set(v, { entries: settled === n && Object.isFrozen(v) ? v : v.slice(0, settled), h1: l1, h2: l2 });
  } else {
    const keys = Object.keys(v);
    const { at, k1, k2 } = shapeOf(keys);
    const values = Object.values(v) as unknown[];
    a = lane1(a, OBJECT);
    b = lane2(b, OBJECT);
    for (let i = 0; i < at.length; i++) {
      const m = values[at[i]];
      if (m === undefined) continue;
      // The key's lanes, then the member as an element is mixed above (inlined in both loops:
      // a shared helper would have to hand the lanes back through memory).
      a = lane1(lane1(a, k1[i]), k2[i]);
      b = lane2(lane2(b, k1[i]), k2[i]);
      if (typeof m === 'number' && m === (m | 0)) {
        a = lane1(lane1(a, INT), m);
        b = lane2(lane2(b, INT), m);
      } else {
        mixOther(H, a, b, m, depth, false, false);
        a = H.h1;
        b = H.h2;
      }
    }
  }
  a = lane1(a, END);
  b = lane2(b, END);
  H.h1 = a;
  H.h2 = b;
  if (cached && !inLong) digests.set(v, { h1: a, h2: b });
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
const hex8 = (h: number) => HEX[h >>> 24] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];

/** The hash of a JSON value (above). Equal content gives an equal hash in every engine, frozen or not. */
export function treeHash(value: unknown): string {
  const H: Lanes = { h1: START1, h2: START2 };
  if (value !== null && typeof value === 'object') digest(H, value, 0, false, false);
  else mixOther(H, START1, START2, value, -1, false, false);
  return hex8(H.h1 >>> 0) + hex8(H.h2 >>> 0);
}
