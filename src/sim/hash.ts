// Canonical JSON (keys sorted, no whitespace) and a 64-bit FNV-1a over its UTF-16 code
// units: the same text and the same hash in every JavaScript engine.
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

// Frozen subtrees never change, so their digest is kept. Every state is deep-frozen and
// shares unchanged subtrees with the state before it (cow.ts), so hashing the state after
// each turn only rehashes what that turn changed (the log of earlier turns is not read
// again). The caches cannot change a result: a digest depends only on the subtree's content.
// A digest is kept as its two lanes; its text ("#" + 16 hex digits) is fed from them.
interface Digest { h1: number; h2: number }
const digests = new WeakMap<object, Digest>();

// The digest is computed without building the canonical text: each object's two FNV-1a
// lanes (int32 here, the same bits as fnv1a64's) are fed piece by piece. Nested objects are
// hashed while their parent's lanes are open, so lanes form a stack: an object at depth d
// keeps its lanes at L[2d], L[2d + 1] of one scratch array per treeHash call.
type Lanes = Int32Array;
const P1 = 0x01000193;
const P2 = 0x5bd1e995;
const DEPTH = 64;

function feed(L: Lanes, o: number, text: string): void {
  let h1 = L[o];
  let h2 = L[o + 1];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, P1);
    h2 = Math.imul(h2 ^ c, P2);
  }
  L[o] = h1;
  L[o + 1] = h2;
}

function feedChar(L: Lanes, o: number, c: number): void {
  L[o] = Math.imul(L[o] ^ c, P1);
  L[o + 1] = Math.imul(L[o + 1] ^ c, P2);
}

/** Feeds `,"key":` (no comma before the first member) without building it. */
function feedKey(L: Lanes, o: number, key: string, first: boolean): void {
  let h1 = L[o];
  let h2 = L[o + 1];
  if (!first) {
    h1 = Math.imul(h1 ^ 0x2c, P1);
    h2 = Math.imul(h2 ^ 0x2c, P2);
  }
  h1 = Math.imul(h1 ^ 0x22, P1);
  h2 = Math.imul(h2 ^ 0x22, P2);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      if (!first) feedChar(L, o, 0x2c);
      feed(L, o, JSON.stringify(key));
      feedChar(L, o, 0x3a);
      return;
    }
    h1 = Math.imul(h1 ^ c, P1);
    h2 = Math.imul(h2 ^ c, P2);
  }
  h1 = Math.imul(h1 ^ 0x22, P1);
  h2 = Math.imul(h2 ^ 0x22, P2);
  L[o] = Math.imul(h1 ^ 0x3a, P1);
  L[o + 1] = Math.imul(h2 ^ 0x3a, P2);
}

/** Feeds JSON.stringify(text) without building it when nothing needs escaping. */
function feedString(L: Lanes, o: number, text: string): void {
  let h1 = Math.imul(L[o] ^ 0x22, P1);
  let h2 = Math.imul(L[o + 1] ^ 0x22, P2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      feed(L, o, JSON.stringify(text));
      return;
    }
    h1 = Math.imul(h1 ^ c, P1);
    h2 = Math.imul(h2 ^ c, P2);
  }
  L[o] = Math.imul(h1 ^ 0x22, P1);
  L[o + 1] = Math.imul(h2 ^ 0x22, P2);
}

// Hex digits by byte: Number#toString(16) is slow on 32-bit values.
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));
const hex8 = (h: number) => HEX[h >>> 24] + HEX[(h >>> 16) & 255] + HEX[(h >>> 8) & 255] + HEX[h & 255];

// The decimal text of 0..9999, and the same padded to four digits: whole numbers are fed
// from these in chunks of four digits, with one division a chunk instead of one a digit.
const DECIMAL: readonly string[] = Array.from({ length: 10000 }, (_, i) => String(i));
const DECIMAL4: readonly string[] = DECIMAL.map((d) => d.padStart(4, '0'));

function feedAscii(L: Lanes, o: number, text: string): void {
  let h1 = L[o];
  let h2 = L[o + 1];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, P1);
    h2 = Math.imul(h2 ^ c, P2);
  }
  L[o] = h1;
  L[o + 1] = h2;
}

/** Feeds the decimal digits of a whole number 0 <= n < 2^30 (its JSON text; -0 gives "0"). */
function feedDigits(L: Lanes, o: number, n: number): void {
  if (n < 10000) return feedAscii(L, o, DECIMAL[n]);
  const hi = (n / 10000) | 0;
  const lo = n - hi * 10000;
  if (hi < 10000) feedAscii(L, o, DECIMAL[hi]);
  else {
    const top = (hi / 10000) | 0;
    feedAscii(L, o, DECIMAL[top]);
    feedAscii(L, o, DECIMAL4[hi - top * 10000]);
  }
  feedAscii(L, o, DECIMAL4[lo]);
}

/** Feeds a nested object's digest text: "#" and the 16 hex digits of its lanes h1, h2. */
function feedDigest(L: Lanes, o: number, d1: number, d2: number): void {
  let h1 = Math.imul(L[o] ^ 0x23, P1);
  let h2 = Math.imul(L[o + 1] ^ 0x23, P2);
  for (let k = 0; k < 16; k++) {
    const n = ((k < 8 ? d1 : d2) >>> (28 - 4 * (k & 7))) & 15;
    const c = n < 10 ? 48 + n : 87 + n;
    h1 = Math.imul(h1 ^ c, P1);
    h2 = Math.imul(h2 ^ c, P2);
  }
  L[o] = h1;
  L[o + 1] = h2;
}

/** Feeds a member's digest (a primitive's JSON text, an object's "#" + hash); true for a primitive. */
function feedValue(L: Lanes, o: number, v: unknown, inList: boolean, inLong: boolean): boolean {
  if (v !== null && typeof v === 'object') {
    if (o + 4 <= L.length) {
      digest(v, L, o + 2, inList, inLong);
      feedDigest(L, o, L[o + 2], L[o + 3]);
    } else {
      const deep: Lanes = new Int32Array(2 * DEPTH);
      digest(v, deep, 0, inList, inLong);
      feedDigest(L, o, deep[0], deep[1]);
    }
    return false;
  }
  if (typeof v === 'string') feedString(L, o, v);
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
    if (v >= 0 && v < 0x40000000 && v === (v | 0)) feedDigits(L, o, v);
    else feed(L, o, `${v}`); // JSON.stringify's text for every finite number (-0 included)
  } else feed(L, o, String(v === undefined ? 'null' : JSON.stringify(v)));
  return true;
}

// Long append-only lists (the animosity log, proposals) grow by a few entries a turn: their
// lanes after the last entry are kept, and a list recorded as grown from an earlier one
// (grownFrom) resumes from them once it is checked to begin with the same entries.
const LONG = 32;
const prefixLanes = new WeakMap<readonly unknown[], { n: number; h1: number; h2: number }>();
const extended = new WeakMap<readonly unknown[], readonly unknown[]>();

/**
 * Records that `next` was made from `prev` by adding entries or replacing recent ones: a
 * hint only, since a list resumes from an earlier one's lanes only after checking that it
 * begins with that list's very entries.
 */
export function grownFrom(next: readonly unknown[], prev: readonly unknown[]): void {
  if (next !== prev && next.length >= LONG) extended.set(next, prev);
}

function resumeFrom(v: readonly unknown[]): { n: number; h1: number; h2: number } | null {
  let base = extended.get(v);
  for (let hops = 0; base && hops < 10000; hops++) {
    const known = prefixLanes.get(base);
    if (known) {
      if (known.n > v.length) return null;
      for (let i = 0; i < known.n; i++) if (v[i] !== base[i]) return null;
      return known;
    }
    base = extended.get(base);
  }
  return null;
}

// The members of objects of one shape come in one order, so their sorted order is kept by
// that order (a pure cache: the sorted order depends only on the keys). Bounded, in case a
// long session meets many shapes (objects keyed by ids): past the bound, keys are just sorted.
// `at[i]` is where the i-th key in sorted order sits in the object's own order, so that the
// members are read with one Object.values instead of one keyed lookup each.
interface Shape { keys: readonly string[]; sorted: readonly string[]; at: readonly number[] }
const shapes = new Map<string, Shape[]>();
const MAX_SHAPES = 1000;
const SINGLE: readonly number[] = [0];

/** The keys in code-unit order, as compareStrings sorts them, and where each one sits. */
function shapeOf(keys: string[]): Shape {
  const n = keys.length;
  if (n < 2) return { keys, sorted: keys, at: SINGLE };
  const known = shapes.get(keys[0]);
  if (known) {
    for (const e of known) {
      if (e.keys.length !== n) continue;
      let same = true;
      for (let i = 1; i < n && same; i++) same = e.keys[i] === keys[i];
      if (same) return e;
    }
  }
  const at = keys.map((_, i) => i);
  // An insertion sort of the positions: keys are few.
  for (let i = 1; i < n; i++) {
    const p = at[i];
    const k = keys[p];
    let j = i - 1;
    while (j >= 0 && keys[at[j]] > k) {
      at[j + 1] = at[j];
      j--;
    }
    at[j + 1] = p;
  }
  const shape: Shape = { keys, sorted: at.map((i) => keys[i]), at };
  if (!known) {
    if (shapes.size < MAX_SHAPES) shapes.set(keys[0], [shape]);
  } else if (known.length < 16) known.push(shape);
  return shape;
}

// Which digests are remembered: a WeakMap entry costs about as much as hashing a small object
// again, so only those that are read again often and cost more to rebuild: the parts of the
// value hashed (a state's players, log, history...) and the entries of the lists among them
// (a turn's log slot, a turn record, a proposal), but not a leaf (only primitive members) of
// a long list, which is read again only through the list's kept lanes. Whatever changed in a
// turn is rehashed whole, which costs less than remembering its pieces. This changes only the
// speed, never a result.
function remembered(o: number, inList: boolean): boolean {
  return o === 2 || (o === 4 && inList);
}

/** Writes v's digest (its two lanes) into L[o], L[o + 1]. */
function digest(v: object, L: Lanes, o: number, inList: boolean, inLong: boolean): void {
  const cached = remembered(o, inList) && Object.isFrozen(v);
  if (cached) {
    const known = digests.get(v);
    if (known !== undefined) {
      L[o] = known.h1;
      L[o + 1] = known.h2;
      return;
    }
  }
  L[o] = 0x811c9dc5;
  L[o + 1] = 0x84222325;
  let leaf = true; // no member is an object or array
  if (Array.isArray(v)) {
    let start = 0;
    const long = v.length >= LONG && Object.isFrozen(v);
    const from = long ? resumeFrom(v) : null;
    if (from) {
      L[o] = from.h1;
      L[o + 1] = from.h2;
      start = from.n;
      leaf = false;
    } else feedChar(L, o, 0x5b); // [
    for (let i = start; i < v.length; i++) {
      if (i) feedChar(L, o, 0x2c); // ,
      if (!feedValue(L, o, v[i], true, long)) leaf = false;
    }
    if (long) prefixLanes.set(v, { n: v.length, h1: L[o], h2: L[o + 1] });
    feedChar(L, o, 0x5d); // ]
  } else {
    const { sorted, at } = shapeOf(Object.keys(v));
    const values = Object.values(v) as unknown[];
    feedChar(L, o, 0x7b); // {
    let first = true;
    for (let i = 0; i < sorted.length; i++) {
      const k = sorted[i];
      const m = values[at[i]];
      if (m === undefined) continue;
      feedKey(L, o, k, first);
      first = false;
      if (!feedValue(L, o, m, false, false)) leaf = false;
    }
    feedChar(L, o, 0x7d); // }
  }
  if (cached && !(leaf && inLong)) digests.set(v, { h1: L[o], h2: L[o + 1] });
}

/**
 * A Merkle hash of a JSON value: each object and array is replaced by the hash of its
 * canonical text. Equal content gives an equal hash in every engine, frozen or not.
 */
export function treeHash(value: unknown): string {
  const L: Lanes = new Int32Array(2 * DEPTH);
  if (value !== null && typeof value === 'object') {
    digest(value, L, 0, false, false);
    return hex8(L[0] >>> 0) + hex8(L[1] >>> 0);
  }
  L[0] = 0x811c9dc5;
  L[1] = 0x84222325;
  feedValue(L, 0, value, false, false);
  return hex8(L[0] >>> 0) + hex8(L[1] >>> 0);
}
