// A strict JSON parser that remembers where every value and key starts, so a finding can
// name the line and column of what is wrong. It refuses what a level never needs and an
// attacker might use: oversized text, deep nesting and prototype-related keys.
// Lines and columns are 1-based; columns count UTF-16 code units, as editors do.

export const MAX_JSON_CHARS = 2_000_000;
export const MAX_JSON_DEPTH = 64;
/** Keys that could reach Object.prototype (or look like they do) are never accepted. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export type JsonPath = (string | number)[];

export interface Pos { line: number; col: number }

/**
 * Where a value starts (a UTF-16 offset); for object members also where its key starts.
 * The root also holds the offset where each line starts (lines[0] is line 1).
 */
export interface SourceNode {
  at: number;
  keyAt?: number;
  kids?: Map<string, SourceNode> | SourceNode[];
  lines?: number[];
}

/** `atEnd`: the text ended where more was expected (a truncated file, most likely). */
export interface JsonProblem { message: string; path: JsonPath; pos: Pos; atEnd?: boolean }

export type JsonParse =
  | { ok: true; value: unknown; root: SourceNode; problems: JsonProblem[] }
  | { ok: false; error: JsonProblem };

export interface JsonParseOptions { maxChars?: number; maxDepth?: number }

/** "unexpected "}" at line 3 col 5: expected a value" — for callers that show one line. */
export function formatJsonProblem(p: JsonProblem): string {
  return `${p.message} at line ${p.pos.line} col ${p.pos.col}`;
}

class Fail {
  constructor(readonly problem: JsonProblem) {}
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const LITERALS = [['true', true], ['false', false], ['null', null]] as const;

function show(ch: string): string {
  if (ch === '') return 'end of file';
  if (ch === '"') return 'string';
  if (ch === '-' || isDigit(ch.charCodeAt(0))) return 'number';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return JSON.stringify(ch);
}

/**
 * Parse JSON text. Fatal problems (broken syntax, size, depth) give ok:false with one
 * problem; refused keys and duplicate keys are reported in `problems` and the rest of
 * the document is still read, so a modder sees every mistake at once.
 */
export function parseJsonSource(text: string, options: JsonParseOptions = {}): JsonParse {
  const maxChars = options.maxChars ?? MAX_JSON_CHARS;
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  if (text.length > maxChars) {
    return { ok: false, error: { message: `file too large: ${text.length} characters, the limit is ${maxChars}`, path: [], pos: { line: 1, col: 1 } } };
  }
  // Offsets, not positions, are recorded per value: line and column are worked out only
  // when asked for, which keeps parsing cheap.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the text
  const lines = [i];
  const n = text.length;
  const problems: JsonProblem[] = [];
  const path: JsonPath = [];
  let afterComma = -1; // offset of the last separator, to name a trailing comma
  let node: SourceNode = { at: 0 }; // the node of the value parsed last

  const posOf = (at: number) => position(lines, at);
  const fail = (message: string, at: number = i): never => {
    throw new Fail({ message, path: [...path], pos: posOf(at), atEnd: i >= n });
  };

  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) {
        i++;
        lines.push(i);
      } else if (c === 13) {
        i++;
        if (text.charCodeAt(i) === 10) i++;
        lines.push(i);
      } else if (c === 47 && (text[i + 1] === '/' || text[i + 1] === '*')) fail('comments are not allowed in JSON');
      else break;
    }
  };

  const unexpected = (expected: string): never => {
    const ch = text[i] ?? '';
    if (ch === "'") fail(`unexpected "'": ${expected} (JSON strings use double quotes)`);
    if (/[A-Za-z_$]/.test(ch)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0] ?? ch;
      const lower = word.toLowerCase();
      const hint = lower === 'true' || lower === 'false' || lower === 'null' ? ` (did you mean ${lower}?)` : '';
      fail(`unexpected word ${JSON.stringify(word)}: ${expected}${hint}`);
    }
    // After a value, the start of another value almost always means a missing comma.
    const missingComma = expected.startsWith('expected ","') && (ch === '"' || ch === '{' || ch === '[' || ch === '-' || isDigit(ch.charCodeAt(0)));
    return fail(`unexpected ${show(ch)}: ${expected}${missingComma ? ' (is a comma missing before it?)' : ''}`);
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= n) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape: expected four hex digits');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (Object.prototype.hasOwnProperty.call(ESCAPES, e)) {
          out += ESCAPES[e];
          i += 2;
        } else {
          fail(`invalid escape "\\${e}" in string`);
        }
        chunk = i;
        continue;
      }
      if (c === 10 || c === 13) fail('unterminated string (a string cannot span lines; write \\n)', start);
      if (c < 0x20) fail(`${show(text[i])} in string (write it as an escape such as \\t)`);
      i++;
    }
  };

  const parseNumber = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text.charCodeAt(i))) fail('invalid number: no leading zeros allowed', start);
    } else if (isDigit(text.charCodeAt(i))) {
      while (isDigit(text.charCodeAt(i))) i++;
    } else {
      fail('invalid number: expected a digit');
    }
    if (text[i] === '.') {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail('invalid number: expected a digit after "."');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text.charCodeAt(i))) fail('invalid number: expected a digit in the exponent');
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const value = Number(text.slice(start, i));
    if (!Number.isFinite(value)) fail('number out of range', start);
    return value;
  };

  const parseValue = (depth: number): unknown => {
    skipWs();
    const at = i;
    const c = text[i];
    if (c === '{' || c === '[') {
      // The full path would be as long as the nesting; its start says where it is.
      if (depth >= maxDepth) throw new Fail({ message: `nesting deeper than ${maxDepth} levels`, path: path.slice(0, 3), pos: posOf(at) });
      return c === '{' ? parseObject(depth + 1, at) : parseArray(depth + 1, at);
    }
    if (c === '"') {
      const v = parseString();
      node = { at };
      return v;
    }
    if (c === '-' || (c !== undefined && isDigit(c.charCodeAt(0)))) {
      const v = parseNumber();
      node = { at };
      return v;
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i) && !/[\w$]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        node = { at };
        return value;
      }
    }
    if ((c === '}' || c === ']') && afterComma >= 0) fail(`trailing comma before ${show(c)} (JSON allows none)`, afterComma);
    return unexpected('expected a value');
  };

  const parseObject = (depth: number, at: number): unknown => {
    i++;
    afterComma = -1;
    const obj: Record<string, unknown> = {};
    const kids = new Map<string, SourceNode>();
    const self: SourceNode = { at, kids };
    skipWs();
    if (text[i] === '}') {
      i++;
      node = self;
      return obj;
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') {
        if (text[i] === '}' && afterComma >= 0) fail('trailing comma before "}" (JSON allows none)', afterComma);
        unexpected('expected a key in double quotes');
      }
      afterComma = -1;
      const keyAt = i;
      const key = parseString();
      skipWs();
      if (text[i] !== ':') unexpected(`expected ":" after key ${JSON.stringify(key)}`);
      i++;
      path.push(key);
      const value = parseValue(depth);
      path.pop();
      const child = node;
      child.keyAt = keyAt;
      if (FORBIDDEN_KEYS.includes(key)) {
        problems.push({ message: `key ${JSON.stringify(key)} is not allowed (it could change how every object behaves)`, path: [...path, key], pos: posOf(keyAt) });
      } else {
        const first = kids.get(key);
        if (first) {
          const p = posOf(first.keyAt ?? first.at);
          problems.push({ message: `duplicate key ${JSON.stringify(key)} (first at line ${p.line} col ${p.col})`, path: [...path, key], pos: posOf(keyAt) });
        }
        obj[key] = value;
        kids.set(key, child);
      }
      skipWs();
      if (text[i] === ',') {
        afterComma = i;
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        node = self;
        return obj;
      }
      unexpected('expected "," or "}"');
    }
  };

  const parseArray = (depth: number, at: number): unknown => {
    i++;
    afterComma = -1;
    const arr: unknown[] = [];
    const kids: SourceNode[] = [];
    const self: SourceNode = { at, kids };
    skipWs();
    if (text[i] === ']') {
      i++;
      node = self;
      return arr;
    }
    for (;;) {
      path.push(arr.length);
      const value = parseValue(depth);
      afterComma = -1;
      path.pop();
      arr.push(value);
      kids.push(node);
      skipWs();
      if (text[i] === ',') {
        afterComma = i;
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        node = self;
        return arr;
      }
      unexpected('expected "," or "]"');
    }
  };

  try {
    skipWs();
    if (i >= n) fail('empty file: expected a JSON value');
    const value = parseValue(0);
    const root = node;
    skipWs();
    if (i < n) unexpected('expected the end of the file after the top-level value');
    root.lines = lines;
    return { ok: true, value, root, problems };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.problem };
    throw e;
  }
}

/**
 * The node at `path`, or the deepest existing ancestor (so a missing key points at the
 * object that should hold it). `exact` says whether the whole path was found.
 */
export function nodeAt(root: SourceNode, path: JsonPath): { node: SourceNode; exact: boolean } {
  let node = root;
  for (const p of path) {
    const kids = node.kids;
    const next = kids === undefined ? undefined : Array.isArray(kids) ? (typeof p === 'number' ? kids[p] : undefined) : kids.get(String(p));
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

/** Line and column of an offset, given the offsets where lines start. */
export function position(lines: readonly number[], at: number): Pos {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: at - lines[lo] + 1 };
}

/** Position of the value at `path` (or of its key, when `key` is set and the key exists). */
export function locate(root: SourceNode, path: JsonPath, key = false): Pos {
  const { node, exact } = nodeAt(root, path);
  return position(root.lines ?? [0], exact && key && node.keyAt !== undefined ? node.keyAt : node.at);
}
