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

// Frozen subtrees never change, so their digest is kept. immer freezes every state it
// produces and shares unchanged subtrees between states, so hashing the state after each
// turn only rehashes what that turn changed (the log of earlier turns is not read again).
// The cache cannot change a result: a digest depends only on the subtree's content.
const digests = new WeakMap<object, string>();

function digest(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`cannot hash non-finite number ${v}`);
    return v === undefined ? 'null' : JSON.stringify(v);
  }
  const known = digests.get(v);
  if (known !== undefined) return known;
  let text: string;
  if (Array.isArray(v)) {
    text = '[';
    for (let i = 0; i < v.length; i++) text += (i ? ',' : '') + digest(v[i]);
    text += ']';
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareStrings);
    text = '{';
    for (let i = 0; i < keys.length; i++) text += (i ? ',' : '') + JSON.stringify(keys[i]) + ':' + digest(obj[keys[i]]);
    text += '}';
  }
  const d = `#${fnv1a64(text)}`;
  if (Object.isFrozen(v)) digests.set(v, d);
  return d;
}

/**
 * A Merkle hash of a JSON value: each object and array is replaced by the hash of its
 * canonical text. Equal content gives an equal hash in every engine, frozen or not.
 */
export function treeHash(value: unknown): string {
  const d = digest(value);
  return d.startsWith('#') ? d.slice(1) : fnv1a64(d);
}
