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

/** Where a value starts; for object members also where its key starts. */
export interface SourceNode {
  pos: Pos;
  keyPos?: Pos;
  kids?: Map<string, SourceNode> | SourceNode[];
}

export interface JsonProblem { message: string; path: JsonPath; pos: Pos }

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
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the text
  let line = 1;
  let lineStart = i;
  const n = text.length;
  const problems: JsonProblem[] = [];
  const path: JsonPath = [];
  let afterComma: Pos | null = null; // where the last separator was, to name a trailing comma

  const here = (): Pos => ({ line, col: i - lineStart + 1 });
  const fail = (message: string, pos: Pos = here()): never => {
    throw new Fail({ message, path: [...path], pos });
  };

  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) i++;
      else if (c === 10) {
        i++;
        line++;
        lineStart = i;
      } else if (c === 13) {
        i++;
        if (text.charCodeAt(i) === 10) i++;
        line++;
        lineStart = i;
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
    return fail(`unexpected ${show(ch)}: ${expected}`);
  };

  const parseString = (): string => {
    const start = here();
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
    const pos = here();
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text.charCodeAt(i))) fail('invalid number: no leading zeros allowed', pos);
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
    if (!Number.isFinite(value)) fail('number out of range', pos);
    return value;
  };

  const parseValue = (depth: number): [unknown, SourceNode] => {
    skipWs();
    const pos = here();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail(`nesting deeper than ${maxDepth} levels`);
      return c === '{' ? parseObject(depth + 1, pos) : parseArray(depth + 1, pos);
    }
    if (c === '"') return [parseString(), { pos }];
    if (c === '-' || (c !== undefined && isDigit(c.charCodeAt(0)))) return [parseNumber(), { pos }];
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, i) && !/[\w$]/.test(text[i + word.length] ?? '')) {
        i += word.length;
        return [value, { pos }];
      }
    }
    if ((c === '}' || c === ']') && afterComma) fail(`trailing comma before ${show(c)} (JSON allows none)`, afterComma);
    return unexpected('expected a value');
  };

  const parseObject = (depth: number, pos: Pos): [unknown, SourceNode] => {
    i++;
    afterComma = null;
    const obj: Record<string, unknown> = {};
    const kids = new Map<string, SourceNode>();
    skipWs();
    if (text[i] === '}') {
      i++;
      return [obj, { pos, kids }];
    }
    for (;;) {
      skipWs();
      if (text[i] !== '"') {
        if (text[i] === '}' && afterComma) fail('trailing comma before "}" (JSON allows none)', afterComma);
        unexpected('expected a key in double quotes');
      }
      afterComma = null;
      const keyPos = here();
      const key = parseString();
      skipWs();
      if (text[i] !== ':') unexpected(`expected ":" after key ${JSON.stringify(key)}`);
      i++;
      path.push(key);
      const [value, node] = parseValue(depth);
      path.pop();
      node.keyPos = keyPos;
      if (FORBIDDEN_KEYS.includes(key)) {
        problems.push({ message: `key ${JSON.stringify(key)} is not allowed (it could change how every object behaves)`, path: [...path, key], pos: keyPos });
      } else {
        const first = kids.get(key);
        if (first) {
          const at = first.keyPos ?? first.pos;
          problems.push({ message: `duplicate key ${JSON.stringify(key)} (first at line ${at.line} col ${at.col})`, path: [...path, key], pos: keyPos });
        }
        obj[key] = value;
        kids.set(key, node);
      }
      skipWs();
      if (text[i] === ',') {
        afterComma = here();
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return [obj, { pos, kids }];
      }
      unexpected('expected "," or "}"');
    }
  };

  const parseArray = (depth: number, pos: Pos): [unknown, SourceNode] => {
    i++;
    afterComma = null;
    const arr: unknown[] = [];
    const kids: SourceNode[] = [];
    skipWs();
    if (text[i] === ']') {
      i++;
      return [arr, { pos, kids }];
    }
    for (;;) {
      path.push(arr.length);
      const [value, node] = parseValue(depth);
      afterComma = null;
      path.pop();
      arr.push(value);
      kids.push(node);
      skipWs();
      if (text[i] === ',') {
        afterComma = here();
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return [arr, { pos, kids }];
      }
      unexpected('expected "," or "]"');
    }
  };

  try {
    skipWs();
    if (i >= n) fail('empty file: expected a JSON value');
    const [value, root] = parseValue(0);
    skipWs();
    if (i < n) unexpected('expected the end of the file after the top-level value');
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

/** Position of the value at `path` (or of its key, when `key` is set and the key exists). */
export function locate(root: SourceNode, path: JsonPath, key = false): Pos {
  const { node, exact } = nodeAt(root, path);
  return exact && key && node.keyPos ? node.keyPos : node.pos;
}
