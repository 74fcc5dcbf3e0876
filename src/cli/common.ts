// Shared CLI plumbing: flag parsing with one-line errors, and loading a level file with
// precise findings. CLIs print messages, never stack traces.
import { readFileSync } from 'node:fs';
import { formatPath, parseLevelText, type LoadedLevel } from '../sim/index';

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
    if (kind === 'boolean') flags[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliError(`--${name} needs a value\n${usage}`, 2);
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

/** Loads a level or throws a CliError listing `FILE: <json path>: <what is wrong>` lines. */
export function readLevel(file: string): LoadedLevel {
  const result = parseLevelText(readText(file));
  if (!result.ok) {
    const lines = result.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${file}: ${formatPath(f.path)}: ${f.message}${f.line ? ` (line ${f.line}, column ${f.col})` : ''}`);
    throw new CliError(lines.join('\n'));
  }
  return result.level;
}

export function parseInteger(value: string, name: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(value)) throw new CliError(`--${name} must be a whole number, not "${value}"`, 2);
  const n = Number(value);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}`, 2);
  return n;
}

/** Runs a CLI main, turning CliErrors into a message and an exit code. */
export function runCli(main: () => void | Promise<void>): void {
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
