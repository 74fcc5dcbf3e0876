// npm run -s validate -- FILE...
// Checks level files and prints one line per finding, as sim prints them (formatFinding):
//   FILE: <json path>: <message> (line L, column C)            an error
//   FILE: <json path>: warning: <message> (line L, column C)   a warning
// then a summary line. Exit 0 when no file has errors, 1 otherwise. Never a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatFinding, formatPath, parseLevelText, type Finding } from '../sim/level';
import { MAX_JSON_CHARS } from '../sim/json-source';

const USAGE = `usage: npm run -s validate -- [--json] FILE...

Checks Corridor level files (structure and meaning) and prints one line per finding:
  FILE: <json path>: <message> (line L, column C)            an error
  FILE: <json path>: warning: <message> (line L, column C)   a warning
Exit status: 0 when there are no errors (warnings allowed), 1 otherwise.

  --json   print the findings as JSON instead
  --help   show this help`;

interface FileReport { file: string; ok: boolean; findings: Finding[] }

// A level's text can be at most MAX_JSON_CHARS UTF-16 units; UTF-8 needs at most 3 bytes
// for each, so a larger file cannot be a valid level and is refused before reading it.
const MAX_FILE_BYTES = MAX_JSON_CHARS * 3;

export function validateFile(file: string): FileReport {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(file, 'is a directory, not a level file');
    if (st.size > MAX_FILE_BYTES) return fail(file, `file too large: ${st.size} bytes, the limit is ${MAX_JSON_CHARS} characters`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? (e as Error).message})`);
  }
  const r = parseLevelText(text, file);
  return { file, ok: r.ok, findings: r.findings };
}

function fail(file: string, message: string): FileReport {
  return { file, ok: false, findings: [{ severity: 'error', path: [], message, file }] };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): number {
  const files: string[] = [];
  let json = false;
  let onlyFiles = false;
  for (const a of argv) {
    if (!onlyFiles && a === '--') onlyFiles = true;
    else if (!onlyFiles && (a === '--help' || a === '-h')) {
      out(USAGE);
      return 0;
    } else if (!onlyFiles && a === '--json') json = true;
    else if (!onlyFiles && a.startsWith('-')) {
      err(`validate: unknown option ${a} (try --help)`);
      return 1;
    } else files.push(a);
  }
  if (files.length === 0) {
    err('validate: no level files given (usage: npm run -s validate -- FILE...)');
    return 1;
  }
  // `levels/*.json` also matches the generated JSON Schema, which is not a level.
  const skipped = files.filter((f) => f.endsWith('.schema.json'));
  const reports = files.filter((f) => !f.endsWith('.schema.json')).map(validateFile);
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const bad = reports.filter((r) => !r.ok).length;
  if (json) {
    const findings = reports.flatMap((r) =>
      r.findings.map((f) => ({ file: r.file, line: f.line ?? null, col: f.col ?? null, severity: f.severity, path: formatPath(f.path), message: f.message })),
    );
    out(JSON.stringify({ files: reports.map((r) => ({ file: r.file, ok: r.ok })), skipped, errors, warnings, findings }, null, 2));
  } else {
    for (const f of skipped) out(`${f}: skipped (a JSON Schema, not a level)`);
    for (const r of reports) for (const f of r.findings) out(formatFinding(f, r.file));
    out(`${plural(reports.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${bad > 0 ? ` (${bad} not loadable)` : ''}`);
  }
  return bad > 0 ? 1 : 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (isMain) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`validate: internal error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
