// Shared CLI plumbing: flag parsing with one-line errors, and loading a level file with
// precise findings. CLIs print messages, never stack traces.
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatFinding, parseLevelText, type LoadedLevel, type Viewer } from '../sim/index';

export const DEFAULT_LEVEL = 'levels/middle-corridor.json';
export const DEFAULT_SEED = 'corridor';

export class CliError extends Error {
  constructor(message: string, readonly code = 1) {
    super(message);
  }
}

export interface FlagSpec { [name: string]: 'string' | 'boolean' }

export function parseFlags(argv: string[], spec: FlagSpec, usage: string): { flags: Record<string, string | boolean>; rest: string[] } {
  const flags: Record<string, string | boolean> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = spec[name];
    if (!kind) throw new CliError(`unknown flag --${name}\n${usage}`, 2);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new CliError(`--${name} takes no value\n${usage}`, 2);
      flags[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) throw new CliError(`--${name} needs a value\n${usage}`, 2);
      flags[name] = value;
    }
  }
  return { flags, rest };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? (e as Error).message})`);
  }
}

/**
 * Loads a level or throws a CliError listing its findings, one `FILE: <json path>: <what is
 * wrong> (line L, column C)` line each (formatFinding), warnings included: the lines and
 * order validate prints, so a modder fixing a level sees everything at once.
 * `warn`, when given, gets each warning of a level that loads, in the same form.
 */
export function readLevel(file: string, warn?: (line: string) => void): LoadedLevel {
  const result = parseLevelText(readText(file), file);
  if (result.ok && warn) for (const f of result.findings) if (f.severity === 'warning') warn(formatFinding(f));
  if (!result.ok) throw new CliError(result.findings.map((f) => formatFinding(f)).join('\n'));
  return result.level;
}

/** Checks a viewer flag against the level: public, facilitator or one of its state ids. */
export function checkViewer(level: LoadedLevel, v: string, flag = 'view'): Viewer {
  if (v === 'public' || v === 'facilitator' || level.states.some((s) => s.id === v)) return v;
  throw new CliError(`--${flag} must be public, facilitator or a state id (${level.states.map((s) => s.id).join(', ')}), not "${v}"`, 2);
}

/** The file of the shipped level with this id (levels/ID.json), if there is one. */
export function shippedLevelFile(id: string): string | null {
  const path = `levels/${id}.json`;
  return /^[a-z][a-z0-9-]*$/.test(id) && existsSync(path) ? path : null;
}

/** The level is the shipped one of its id, byte for byte in content (its hash), so a replay
 * of it need not embed it. A copy under another name, or an edited one, is not. */
export function isShipped(level: LoadedLevel): boolean {
  const path = shippedLevelFile(level.id);
  if (!path) return false;
  const r = parseLevelText(readText(path));
  return r.ok && r.level.hash === level.hash;
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EFBIG: 'the file would be too large',
  EDQUOT: 'over the disk quota',
};

function writeProblem(file: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return new CliError(`${file}: cannot write (${WRITE_ERRORS[code] ?? (code || (e as Error).message)})`);
}

/** Checks, before any work is done, that FILE could be written: its folder exists and it is
 * not itself a folder. (The write itself can still fail: writeWhole says why.) */
export function checkWritable(file: string): void {
  const dir = dirname(file);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CliError(`${file}: cannot write (no such folder: ${dir})`);
  }
  if (!isDir) throw new CliError(`${file}: cannot write (${dir} is not a folder)`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new CliError(`${file}: cannot write (it is a folder)`);
}

/** Writes FILE whole or not at all: into a new file beside it, then renamed over it, so a
 * failed write (a full disk) leaves whatever was there before. Something that is not a
 * plain file (a device, a pipe) is written as it is: renaming would replace it. */
export function writeWhole(file: string, text: string): void {
  if (existsSync(file) && !statSync(file).isFile()) {
    try {
      writeFileSync(file, text);
    } catch (e) {
      throw writeProblem(file, e);
    }
    return;
  }
  const temp = `${file}.${process.pid}.part`;
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was left behind
    }
    throw writeProblem(file, e);
  }
}

export function parseInteger(value: string, name: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw new CliError(`--${name} must be a whole number, not "${value}"`, 2);
  const n = Number(value);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}`, 2);
  return n;
}

/** Runs a CLI main, turning CliErrors into a message and an exit code. */
export function runCli(main: () => void | Promise<void>): void {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`cannot write the output (${e.code ?? e.message})\n`);
    process.exit(e.code === 'EPIPE' ? 0 : 1);
  });
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => {
      if (e instanceof CliError) {
        process.stderr.write(`${e.message}\n`);
        process.exitCode = e.code;
      } else {
        process.stderr.write(`internal error: ${(e as Error).message}\n`);
        process.exitCode = 3;
      }
    });
}
