// A misspelt required key is one mistake, but the schema sees two: a key it does not know
// and, at the object's brace, a field that is missing. When the unknown key is close to a
// missing field of the same object, the two become one finding, at the key, that names
// the field meant. A missing discriminator ("kind", "if", "do") gets no unknown-key issue
// (the schema cannot tell which form the object was meant to be), so there the object's
// own keys are searched, leaving out every field some form of it has.
import type { Finding } from './level';
import { closest } from './level-check';

type Path = (string | number)[];
/** `fields`: for a discriminator, every field of every form (those keys are no typo). */
export interface MissingField { parent: Path; field: string; expects: string; fields?: string[]; finding: Finding }
export interface UnknownKey { parent: Path; key: string; finding: Finding }

const same = (a: Path, b: Path) => a.length === b.length && a.every((p, i) => p === b[i]);
const said = (key: string, m: MissingField) => `unknown field "${key}" (did you mean "${m.field}"? it is required here: ${m.expects})`;

/** The findings without the missing-field ones that an unknown key explains. */
export function mergeKeyTypos(out: Finding[], missing: MissingField[], unknown: UnknownKey[], valueAt: (p: Path) => unknown): Finding[] {
  const merged = new Set<MissingField>();
  for (const u of unknown) {
    const here = missing.filter((m) => !merged.has(m) && same(m.parent, u.parent));
    const c = closest(u.key, here.map((m) => m.field));
    const m = here.find((x) => x.field === c);
    if (!m) continue;
    u.finding.message = said(u.key, m);
    merged.add(m);
  }
  for (const m of missing) {
    if (merged.has(m) || m.fields === undefined) continue;
    const obj = valueAt(m.parent);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) continue;
    const key = Object.keys(obj).find((k) => !m.fields!.includes(k) && closest(k, [m.field]) === m.field);
    if (key === undefined) continue;
    // The finding moves to the key and is the only one for it.
    Object.assign(m.finding, { path: [...m.parent, key], message: said(key, m), onKey: true });
  }
  return out.filter((f) => ![...merged].some((m) => m.finding === f));
}
