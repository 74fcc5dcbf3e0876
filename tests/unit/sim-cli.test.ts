// The sim CLI as a user runs it: the same seed gives the same final hash, bad flags and bad
// files get a one-line message (and the usage) with no stack trace, nothing is played when
// the replay could not be saved, and a reader that closes the pipe early stops it quietly.
// Each process costs about a second, so they start at once and each test awaits its own.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWritable, CliError, isShipped, writeWhole } from '../../src/cli/common';
import { loadLevelData } from '../../src/sim/index';
import { runTool, type CliRun } from '../harness/cli';
import { levelFile } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-cli-'));
const badLevel = join(dir, 'bad.json');
const tutorialText = readFileSync('levels/tutorial.json', 'utf8');
const bad = JSON.parse(tutorialText) as { segments: { cost: unknown }[] };
bad.segments[0].cost = 'a lot';
writeFileSync(badLevel, JSON.stringify(bad, null, 2));

/** Runs sim and closes its output after the first chunk, as `| head -c 100` does. */
function closedEarly(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.once('data', (d: Buffer) => {
      stdout += d.toString();
      child.stdout.destroy();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sim = (args: string[]) => runTool('sim', args);
const runs = {
  seven: sim(['--seed', '7', '--json']),
  sevenAgain: sim(['--seed', '7', '--json']),
  eight: sim(['--seed', '8', '--json']),
  unknownFlag: sim(['--bogus']),
  missing: sim(['--level', join(dir, 'no-such.json')]),
  badLevel: sim(['--level', badLevel]),
  valueOnSwitch: sim(['--json=false']),
  emptyValue: sim(['--save-replay=']),
  longSeed: sim(['--seed', 'x'.repeat(201)]),
  noFolder: sim(['--level', 'levels/tutorial.json', '--save-replay', join(dir, 'no-folder', 'r.json')]),
  piped: closedEarly(['--seed', '7', '--json', '--view', 'facilitator']),
};

const firstLine = (r: CliRun) => r.stderr.split('\n')[0];
const noTrace = (r: CliRun) => expect(r.stderr).not.toMatch(/\n\s+at |internal error/);

describe('npm run -s sim', () => {
  it('the same seed prints the same final hash every time, another seed another', async () => {
    const [a, b, c] = await Promise.all([runs.seven, runs.sevenAgain, runs.eight]);
    const hash = (r: CliRun) => (JSON.parse(r.stdout) as { finalHash: string }).finalHash;
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(hash(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(hash(b)).toBe(hash(a));
    expect(hash(c)).not.toBe(hash(a));
  });

  it('an unknown flag, a missing file or a bad value: one line, the usage, exit 2 (a missing file 1)', async () => {
    const cases: [keyof typeof runs, string, number][] = [
      ['unknownFlag', 'unknown flag --bogus', 2],
      ['missing', `${join(dir, 'no-such.json')}: no such file`, 1],
      ['valueOnSwitch', '--json takes no value', 2],
      ['emptyValue', '--save-replay needs a value', 2],
      ['longSeed', '--seed must be 1 to 200 characters long (it is 201)', 2],
    ];
    for (const [name, line, code] of cases) {
      const r = await runs[name];
      expect(firstLine(r), name).toBe(line);
      expect(r.stderr, name).toContain('usage: npm run -s sim --');
      expect(r.code, name).toBe(code);
      expect(r.stdout, name).toBe('');
      noTrace(r);
    }
  });

  it('a bad level: FILE: <json path>: <what is wrong> lines, exit 1', async () => {
    const r = await runs.badLevel;
    expect(firstLine(r)).toMatch(new RegExp(`^${badLevel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\$\\.segments\\[0\\]\\.cost: .+`));
    expect(r.code).toBe(1);
    noTrace(r);
  });

  it('a replay that could not be saved is refused before the game is played', async () => {
    const r = await runs.noFolder;
    expect(r.stderr).toBe(`${join(dir, 'no-folder', 'r.json')}: cannot write (no such folder: ${join(dir, 'no-folder')})\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  it('stops quietly when its reader closes the pipe early', async () => {
    const r = await runs.piped;
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('the CLI file helpers', () => {
  it('writeWhole leaves the old file as it was when the write fails', () => {
    const file = join(dir, 'keep.json');
    writeFileSync(file, 'old');
    mkdirSync(`${file}.${process.pid}.part`); // the new file cannot be made there
    expect(() => writeWhole(file, 'new')).toThrow(CliError);
    expect(() => writeWhole(file, 'new')).toThrow(`${file}: cannot write (it is a folder)`);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('writeWhole writes a new file whole, leaving nothing beside it', () => {
    const file = join(dir, 'new.json');
    writeWhole(file, 'text');
    expect(readFileSync(file, 'utf8')).toBe('text');
    expect(existsSync(`${file}.${process.pid}.part`)).toBe(false);
  });

  it('checkWritable refuses a folder and a path in no folder', () => {
    expect(() => checkWritable(dir)).toThrow(`${dir}: cannot write (it is a folder)`);
    expect(() => checkWritable(join(dir, 'a', 'b.json'))).toThrow('cannot write (no such folder');
    expect(() => checkWritable(join(dir, 'fine.json'))).not.toThrow();
  });

  it('a replay embeds any level but the shipped one of its id: an edited copy is not shipped', () => {
    expect(isShipped(levelFile('levels/tutorial.json'))).toBe(true);
    const copy = JSON.parse(tutorialText) as { turns: number };
    copy.turns = 7;
    const r = loadLevelData(copy);
    if (!r.ok) throw new Error('the copy does not load');
    expect(r.level.id).toBe('tutorial');
    expect(isShipped(r.level)).toBe(false);
  });
});
