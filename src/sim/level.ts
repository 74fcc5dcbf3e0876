// Level loading: JSON text or data -> a frozen (arrays aside), checked LoadedLevel, or findings that
// say exactly what is wrong and where. A failed load never throws.
// Order: JSON syntax (json-source) -> format migrations -> comments out (level-comments)
// -> zod schema -> semantic checks.
import type { z } from 'zod';
import { levelSchema, type Level } from './level-schema';
import { searchRoutes, type MiddleRoute } from './routes';
import { hashValue } from './hash';
import { locate, parseJsonSource, type SourceNode } from './json-source';
import { migrateLevel, originalPath } from './level-migrate';
import { checkLevel, closest } from './level-check';
import { encodingProblem, kindProblem } from './file-kind';
import { mergeKeyTypos, type MissingField, type UnknownKey } from './key-typos';
import { formatPath } from './json-path';
import { COMMENT_KEY, withoutComments } from './level-comments';

export interface Finding {
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  line?: number;
  col?: number;
  /** The finding is about the key at `path` (e.g. an unknown field), not its value. */
  onKey?: boolean;
  /** The file it came from, when the caller named one. */
  file?: string;
}

export interface LoadedLevel extends Level {
  /** Content hash of the parsed level: replays and saves name the level by id and hash. */
  hash: string;
  routes: MiddleRoute[];
}

export type LevelLoad = { ok: true; level: LoadedLevel; findings: Finding[] } | { ok: false; findings: Finding[] };

// In json-path.ts, which the checks import without a cycle; here for the loader's callers.
export { formatPath };

/**
 * One line, as every CLI prints a finding (sim, validate, replay's level, scripts):
 *   FILE: $.segments[3].from: unknown node "x" (line 12, column 15)
 *   FILE: $.events[3]: warning: never drawn ... (line 40, column 5)
 * An error is `FILE: <json path>: <what is wrong>`, as the CLI issue asked; a warning has the
 * same shape with `warning:` after the path. A finding with no place in the file (no such
 * file) is `FILE: <what is wrong>`.
 */
export function formatFinding(f: Finding, file = f.file): string {
  const parts: string[] = [];
  if (file !== undefined) parts.push(file);
  if (f.path.length > 0 || f.line !== undefined) parts.push(formatPath(f.path));
  if (f.severity === 'warning') parts.push('warning');
  parts.push(f.line !== undefined ? `${f.message} (line ${f.line}, column ${f.col})` : f.message);
  return parts.join(': ');
}

export function loadLevelData(data: unknown): LevelLoad {
  return loadWithMoves(data).load;
}

function loadWithMoves(data: unknown): { load: LevelLoad; moved: [(string | number)[], (string | number)[]][] } {
  const kind = kindProblem(data);
  if (kind) return { load: { ok: false, findings: [{ severity: 'error', path: [], message: kind }] }, moved: [] };
  const migrated = migrateLevel(data);
  const moved = migrated.moved;
  if (migrated.refused) return { load: { ok: false, findings: migrated.findings }, moved };
  const findings: Finding[] = [...migrated.findings];
  const { data: input, notText } = withoutComments(migrated.data);
  for (const path of notText) findings.push({ severity: 'error', path, message: `a ${COMMENT_KEY} is a note for readers: a text, or a list of texts` });
  const parsed = levelSchema.safeParse(input);
  const schemaFindings = parsed.success ? [] : zodFindings(parsed.error.issues, input);
  findings.push(...schemaFindings);
  const level = parsed.success ? parsed.data : undefined;
  const search = level ? searchRoutes(level) : undefined;
  const routes = search?.routes;
  // A path the schema already faulted is not reported again by the semantic checks.
  const faulted = schemaFindings.map((f) => f.path);
  const under = (p: (string | number)[], q: (string | number)[]) => q.length <= p.length && q.every((s, i) => s === p[i]);
  for (const f of checkLevel(input, level, { routes, routesStopped: search?.stopped ?? null })) {
    if (!faulted.some((q) => under(f.path, q))) findings.push(f);
  }
  if (!level || !routes || findings.some((f) => f.severity === 'error')) return { load: { ok: false, findings }, moved };
  const loaded: LoadedLevel = { ...level, hash: hashValue(level), routes };
  return { load: { ok: true, level: freezeLevel(loaded), findings }, moved };
}

/**
 * Parse level JSON text. Every finding carries the line and column of the value it is
 * about (for a missing field: of the object that should hold it), sorted by position.
 */
export function parseLevelText(text: string, file?: string): LevelLoad {
  const withFile = (f: Finding): Finding => (file === undefined ? f : { ...f, file });
  const encoding = encodingProblem(text);
  if (encoding) return { ok: false, findings: [withFile({ severity: 'error', path: [], message: encoding, line: 1, col: 1 })] };
  const src = parseJsonSource(text);
  if (!src.ok) {
    const e = src.error;
    return { ok: false, findings: [withFile({ severity: 'error', path: e.path, message: e.message, line: e.pos.line, col: e.pos.col })] };
  }
  const syntax: Finding[] = src.problems.map((p) => ({ severity: 'error', path: p.path, message: p.message, line: p.pos.line, col: p.pos.col, onKey: true }));
  const { load, moved } = loadWithMoves(src.value);
  // Another kind of file: its one finding says so, and its duplicate keys are no matter.
  if (kindProblem(src.value)) return { ok: false, findings: load.findings.map((f) => withFile({ ...f, line: 1, col: 1 })) };
  const placed = load.findings.map((f) => withFile(place(f, src.root, moved)));
  const findings = sortFindings([...syntax.map(withFile), ...placed]);
  if (load.ok && syntax.length === 0) return { ok: true, level: load.level, findings };
  return { ok: false, findings };
}

function place(f: Finding, root: SourceNode, moved: [(string | number)[], (string | number)[]][]): Finding {
  const pos = locate(root, originalPath(f.path, moved), f.onKey === true);
  return { ...f, line: pos.line, col: pos.col };
}

function sortFindings(list: Finding[]): Finding[] {
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.line ?? 0) - (b.f.line ?? 0) || (a.f.col ?? 0) - (b.f.col ?? 0) || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Freezes every object of a loaded level but not its arrays. V8 reads frozen arrays through
 * slower paths (for-of, some, filter, map and find several times slower), and a site that
 * reads both a level's arrays and an open run's (never frozen) meets two kinds of array: a
 * bot game took about 4% longer with them frozen (docs/PERFORMANCE.md, ninth session). No
 * code changes a level's arrays: views hand out copies of them, and
 * tests/unit/level-immutable.test.ts checks that games and views leave a level as loaded.
 */
function freezeLevel<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (!Array.isArray(value)) Object.freeze(value);
    for (const v of Object.values(value as object)) freezeLevel(v);
  }
  return value;
}

// ---------- schema issues -> readable findings ----------
type Path = (string | number)[];

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, p)) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'boolean') return String(v);
  return String(v);
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  record: 'an object',
};

interface ZodDefLike { type: string; format?: string; shape?: Record<string, ZodLike>; element?: ZodLike; innerType?: ZodLike; valueType?: ZodLike; options?: ZodLike[]; discriminator?: string; values?: unknown[] }
interface ZodLike { _zod: { def: ZodDefLike } }

/** The object schema that validates the value at `path`, following the data into unions. */
function schemaAt(path: Path, data: unknown, keepUnion = false): ZodDefLike | undefined {
  let s: ZodDefLike | undefined = (levelSchema as unknown as ZodLike)._zod.def;
  const unwrap = (last = false) => {
    while (s && (s.type === 'optional' || s.type === 'default' || s.type === 'nullable') && s.innerType) s = s.innerType._zod.def;
    if (s && s.type === 'union' && s.discriminator && s.options && !(keepUnion && last)) {
      const disc = s.discriminator;
      const tag = valueAt(data, at);
      const key = (tag as Record<string, unknown> | undefined) && typeof tag === 'object' ? (tag as Record<string, unknown>)[disc] : undefined;
      s = s.options.map((o) => o._zod.def).find((o) => o.shape?.[disc]?._zod.def.values?.includes(key as never));
    }
  };
  const at: Path = [];
  unwrap(path.length === 0);
  for (const p of path) {
    if (!s) return undefined;
    if (s.type === 'object' && typeof p === 'string') s = s.shape?.[p]?._zod.def;
    else if (s.type === 'array' && typeof p === 'number') s = s.element?._zod.def;
    else if (s.type === 'record') s = s.valueType?._zod.def;
    else return undefined;
    at.push(p);
    unwrap(at.length === path.length);
  }
  return s;
}

/** Every field that some form of the union at `path` has (its discriminator is missing). */
function unionFields(path: Path, data: unknown): string[] {
  const s = schemaAt(path, data, true);
  return s?.type === 'union' && s.options ? s.options.flatMap((o) => Object.keys(o._zod.def.shape ?? {})) : [];
}

function list(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Schema issues as findings that say what was expected and what was found. */
export function zodFindings(issues: readonly z.core.$ZodIssue[], data: unknown): Finding[] {
  const out: Finding[] = [];
  const add = (path: Path, message: string, onKey = false): Finding => {
    const f: Finding = onKey ? { severity: 'error', path, message, onKey } : { severity: 'error', path, message };
    out.push(f);
    return f;
  };
  const missingFields: MissingField[] = [];
  const unknownKeys: UnknownKey[] = [];
  /** `listed`: expects is a list of values ("mode": one of ...), not a type ("cost" (an integer)). */
  const missed = (path: Path, expects: string, listed: boolean, fields?: string[]) => {
    const field = String(path[path.length - 1]);
    const finding = add(path, `missing required field "${field}"${listed ? `: ${expects}` : ` (${expects})`}`);
    missingFields.push({ parent: path.slice(0, -1), field, expects, fields, finding });
  };
  for (const issue of issues) {
    const path: Path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const value = valueAt(data, path);
    const last = path[path.length - 1];
    const parent = valueAt(data, path.slice(0, -1));
    const missing = value === undefined && typeof last === 'string' && typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !Object.prototype.hasOwnProperty.call(parent, last);
    switch (issue.code) {
      case 'invalid_type': {
        const int = issue.expected === 'int' || (issue.expected === 'number' && schemaAt(path, data)?.format === 'safeint');
        const expected = int ? 'an integer' : TYPE_NAMES[issue.expected] ?? issue.expected;
        if (missing) missed(path, expected, false);
        else add(path, `expected ${expected}, found ${describe(value)}`);
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = Number(small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum);
        const exact = (issue as { exact?: boolean }).exact === true;
        const rel = exact ? 'exactly' : small ? 'at least' : 'at most';
        if (issue.origin === 'string' && typeof value === 'string') {
          if (small && bound === 1) add(path, 'must not be empty');
          else add(path, `must be ${rel} ${bound} characters long, found ${value.length}`);
        } else if (issue.origin === 'array' && Array.isArray(value)) {
          add(path, `must have ${rel} ${bound} ${bound === 1 ? 'item' : 'items'}, found ${value.length}`);
        } else {
          add(path, `must be ${rel} ${bound}, found ${describe(value)}`);
        }
        break;
      }
      case 'invalid_format': {
        const pattern = (issue as { pattern?: string }).pattern ?? '';
        const custom = !issue.message.startsWith('Invalid');
        if (custom) add(path, `${issue.message}; found ${describe(value)}`);
        else if (pattern.includes('#[0-9a-f]{6}')) add(path, `expected a colour like "#1f77b4", found ${describe(value)}`);
        else add(path, `expected text matching ${pattern}, found ${describe(value)}`);
        break;
      }
      case 'invalid_value': {
        const values = issue.values;
        if (missing) {
          missed(path, values.length === 1 ? list(values) : `one of ${list(values)}`, true);
          break;
        }
        const hint = typeof value === 'string' ? didYouMeanAmong(value, values) : '';
        add(path, values.length === 1 ? `expected ${list(values)}, found ${describe(value)}` : `expected one of ${list(values)}, found ${describe(value)}${hint}`);
        break;
      }
      case 'unrecognized_keys': {
        const s = schemaAt(path, data);
        const known = s?.type === 'object' && s.shape ? Object.keys(s.shape) : [];
        for (const key of issue.keys) {
          // A note in another form ("comment", "_comment", "//") is meant as a $comment.
          const c = /comment|^\/\/|^#/i.test(key) ? COMMENT_KEY : closest(key, known);
          const hint = c !== undefined ? ` (did you mean "${c}"?)` : known.length > 0 ? ` (allowed here: ${known.join(', ')}; and ${COMMENT_KEY} for a note)` : '';
          unknownKeys.push({ parent: path, key, finding: add([...path, key], `unknown field "${key}"${hint}`, true) });
        }
        break;
      }
      case 'invalid_union': {
        const disc = (issue as { discriminator?: string }).discriminator;
        const options = ((issue as { options?: unknown[] }).options ?? []) as unknown[];
        if (disc !== undefined) {
          if (value === undefined) missed(path, `one of ${list(options)}`, true, unionFields(path.slice(0, -1), data));
          else add(path, `unknown ${disc} ${describe(value)}: expected one of ${list(options)}${typeof value === 'string' ? didYouMeanAmong(value, options) : ''}`);
        } else {
          add(path, `does not match any allowed form (found ${describe(value)})`);
        }
        break;
      }
      case 'invalid_key': {
        const inner = issue.issues[0];
        const why = inner && !inner.message.startsWith('Invalid') ? inner.message : 'keys here must be ids';
        add(path, `invalid key ${JSON.stringify(String(last))}: ${why}`, true);
        break;
      }
      default:
        add(path, issue.message);
    }
  }
  return mergeKeyTypos(out, missingFields, unknownKeys, (p) => valueAt(data, p));
}

function didYouMeanAmong(value: string, options: readonly unknown[]): string {
  const c = closest(value, options.filter((o): o is string => typeof o === 'string'));
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}
