// Every CLI prints a level's findings in one shape, the one the CLI issue asked for errors:
//   FILE: <json path>: <what is wrong> (line L, column C)
// and a warning the same, with `warning:` after the path. sim, validate and replay print the
// same lines for the same finding, so a modder (or an editor's problem matcher) reads one form.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool } from '../harness/cli';

const dir = mkdtempSync(join(tmpdir(), 'corridor-finding-format-'));
const base = () => JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as { targetThroughput: number; segments: { from: string }[] };
const write = (name: string, data: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
};
const warned = base();
warned.targetThroughput = 0;
const bad = base();
bad.targetThroughput = 0;
bad.segments[0].from = 'nowhere';
const WARNED = write('warned.json', warned);
const BAD = write('bad.json', bad);
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

const runs = {
  simWarned: runTool('sim', ['--level', WARNED, '--turns', '1']),
  simBad: runTool('sim', ['--level', BAD, '--turns', '1']),
  validate: runTool('validate', [WARNED, BAD]),
};

describe('one format for level findings in every CLI', () => {
  it('validate: errors are FILE: path: message (line, column); warnings say warning: after the path', async () => {
    const r = await runs.validate;
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      `${WARNED}: $.targetThroughput: warning: a target of 0 kt is met from the first turn, so the shared goal asks nothing (line 486, column 23)`,
      `${BAD}: $.segments[0].from: unknown node "nowhere" (line 286, column 15)`,
      `${BAD}: $.origins[0]: origin "dostyk" cannot reach any market over cargo segments (line 476, column 5)`,
      `${BAD}: $.targetThroughput: warning: a target of 0 kt is met from the first turn, so the shared goal asks nothing (line 486, column 23)`,
      '2 files checked: 2 errors, 2 warnings (1 not loadable)',
    ]);
  });

  it('sim prints a bad level\'s errors and warnings exactly as validate does (exit 1, no stack trace)', async () => {
    const [r, v] = await Promise.all([runs.simBad, runs.validate]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const found = lines(v.stdout).filter((l) => l.startsWith(`${BAD}: `));
    expect(found.filter((l) => !l.includes(': warning: '))).toHaveLength(2);
    expect(found.filter((l) => l.includes(': warning: '))).toHaveLength(1);
    expect(lines(r.stderr)).toEqual(found);
  });

  it('sim prints a level\'s warnings exactly as validate does', async () => {
    const [r, v] = await Promise.all([runs.simWarned, runs.validate]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual(lines(v.stdout).filter((l) => l.startsWith(`${WARNED}: `)));
  });

  it('replay names an embedded level\'s error in the same shape, under $.level.data', async () => {
    const saved = join(dir, 'warned.replay.json');
    expect((await runTool('sim', ['--level', WARNED, '--turns', '1', '--save-replay', saved])).code).toBe(0);
    const replay = JSON.parse(readFileSync(saved, 'utf8')) as { level: { data: { segments: { from: string }[] } } };
    replay.level.data.segments[0].from = 'nowhere';
    const broken = write('bad.replay.json', replay);
    const r = await runTool('replay', ['verify', broken]);
    expect(r.code).toBe(2);
    // Every error, each on its line and at its place in the replay file (not the level's).
    const got = lines(r.stderr);
    expect(got).toHaveLength(2);
    expect(got[0].startsWith(`${broken}: $.level.data.segments[0].from: unknown node "nowhere" (the embedded level is invalid) (line `)).toBe(true);
    expect(got[1].startsWith(`${broken}: $.level.data.origins[0]: origin "dostyk" cannot reach any market over cargo segments (the embedded level is invalid) (line `)).toBe(true);
    for (const l of got) expect(l).toMatch(/ \(line \d+, column \d+\)$/);
  });

  it('a file with no place in it is FILE: what is wrong', async () => {
    const r = await runTool('validate', [join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)[0]).toBe(`${join(dir, 'missing.json')}: no such file`);
  });
});
