// The checkpoint hash of replay format version 1, kept only to verify files of that version
// (replay.ts): a Merkle hash of canonical JSON, each object or array hashed (fnv1a64) as its
// canonical text with every nested object or array written as "#" and its own hash. Slow
// (no caches) and never used for new files; see treeHash in hash.ts for the current one.
import { canonicalJson, compareStrings, fnv1a64 } from './hash';

export function treeHashV1(v: unknown): string {
  if (v === null || typeof v !== 'object') return fnv1a64(canonicalJson(v));
  const member = (m: unknown) => (m !== null && typeof m === 'object' ? `#${treeHashV1(m)}` : canonicalJson(m));
  if (Array.isArray(v)) return fnv1a64(`[${v.map(member).join(',')}]`);
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareStrings);
  return fnv1a64(`{${keys.map((k) => `${JSON.stringify(k)}:${member(obj[k])}`).join(',')}}`);
}
