// The replay CLI as a user runs it: exit codes 0 (ok), 1 (diverged), 2 (bad file) and the
// exact first line of each message; and a replay written by `sim --save-replay` verifies.
// Each process costs about a second, so there are few and they run in parallel.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Replay } from '../../src/sim/replay';
import { runTool } from '../harness/cli';
import { goldenFiles } from '../harness/harness';

const cli = runTool;

const dir = mkdtempSync(join(tmpdir(), 'corridor-replay-cli-'));
const golden = goldenFiles().sort((a, b) => a.text.length - b.text.length)[0]; // the shortest game
const replay = JSON.parse(golden.text) as Replay;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const tamperedTurn = Math.min(3, replay.checkpoints.length - 1);
const original = replay.checkpoints[tamperedTurn].hash;
const fake = original === '0123456789abcdef' ? 'fedcba9876543210' : '0123456789abcdef';
const tampered = JSON.parse(golden.text) as Replay;
tampered.checkpoints[tamperedTurn].hash = fake;
const otherLevel = JSON.parse(golden.text) as Replay;
otherLevel.level.hash = '00000000deadbeef';
const formatOne = { ...(JSON.parse(golden.text) as Record<string, unknown>), version: 1, checkpoints: replay.checkpoints.map((c) => ({ turn: c.turn, hash: fake })) };
const malformed = JSON.parse(golden.text) as Record<string, unknown>;
malformed.seats = ['bot'];

const files = {
  good: write('good.json', golden.text),
  tampered: write('tampered.json', JSON.stringify(tampered)),
  truncated: write('truncated.json', golden.text.slice(0, Math.floor(golden.text.length / 2))),
  malformed: write('malformed.json', JSON.stringify(malformed, null, 1)),
  otherLevel: write('other-level.json', JSON.stringify(otherLevel)),
  formatOne: write('format-1.json', JSON.stringify(formatOne)),
  saved: join(dir, 'saved.json'),
};
const last = replay.checkpoints[replay.checkpoints.length - 1];

// Start them all at once; each test awaits its own.
const runs = {
  good: cli('replay', ['verify', files.good]),
  tampered: cli('replay', ['verify', files.tampered]),
  truncated: cli('replay', ['verify', files.truncated]),
  malformed: cli('replay', ['verify', files.malformed]),
  otherLevel: cli('replay', ['verify', files.otherLevel]),
  formatOne: cli('replay', ['verify', files.formatOne]),
  // A level that is not shipped: the replay embeds it and must verify on its own.
  saved: cli('sim', ['--level', 'tests/levels-broken/_valid-base.json', '--seed', 'cli', '--turns', '3', '--save-replay', files.saved]).then(async (sim) => ({ sim, verify: await cli('replay', ['verify', files.saved]) })),
};

describe('npm run -s replay -- verify FILE', () => {
  it('a good replay: exit 0 and "ok: N turns, final hash H"', async () => {
    const r = await runs.good;
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`ok: ${last.turn} turns, final hash ${last.hash}\n`);
    expect(r.code).toBe(0);
  });

  it('a tampered hash: exit 1 and "diverged at turn T: expected H1, got H2"', async () => {
    const r = await runs.tampered;
    expect(r.stderr).toBe(`diverged at turn ${tamperedTurn}: expected ${fake}, got ${original}\n`);
    expect(r.code).toBe(1);
  });

  it('a truncated file: exit 2, naming the JSON path, line and column', async () => {
    const r = await runs.truncated;
    expect(r.stderr).toMatch(new RegExp(`^${files.truncated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\$[^:]*: not valid JSON \\(the file may be truncated\\): .+ \\(line \\d+, column \\d+\\)\\n$`));
    expect(r.code).toBe(2);
  });

  it('a malformed file: exit 2 with the path and what was expected', async () => {
    const r = await runs.malformed;
    expect(r.stderr).toMatch(/: \$\.seats: expected an object, found an array \(line \d+, column \d+\)\n$/);
    expect(r.code).toBe(2);
  });

  it('a replay of another version of the level: exit 2', async () => {
    const r = await runs.otherLevel;
    expect(r.stderr).toContain(`: $.level.hash: recorded on a different version of "${replay.level.id}" (hash 00000000deadbeef; the shipped level is ${replay.level.hash})`);
    expect(r.code).toBe(2);
  });

  it('a replay of format 1: re-run, exit 0, saying its older hashes were not compared', async () => {
    const r = await runs.formatOne;
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`ok: ${last.turn} turns, final hash ${last.hash} (replay format 1: its checkpoint hashes are from an older version of Corridor and were not compared)\n`);
    expect(r.code).toBe(0);
  });

  it('sim --save-replay writes a replay that verifies, with the level embedded', async () => {
    const { sim, verify } = await runs.saved;
    expect(sim.stderr).toBe('');
    expect(sim.code).toBe(0);
    const finalHash = /final hash ([0-9a-f]{16})/.exec(sim.stdout)?.[1];
    const saved = JSON.parse(readFileSync(files.saved, 'utf8')) as Replay;
    expect(saved.level.data).toBeDefined();
    expect(verify.stdout).toBe(`ok: 3 turns, final hash ${finalHash}\n`);
    expect(verify.code).toBe(0);
  });
});
