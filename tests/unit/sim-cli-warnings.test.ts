// The sim CLI tells a modder what the validator warns about a level it plays: once, on stderr,
// before the game, in the validator's own format (FILE: $.path: warning: ... (line L, column C));
// --json keeps stdout one JSON document.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool } from '../harness/cli';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-warn-'));
const file = join(dir, 'warned.json');
const level = JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as { targetThroughput: number };
level.targetThroughput = 0;
writeFileSync(file, JSON.stringify(level, null, 2));
const WARNING = '$.targetThroughput: warning: a target of 0 kt is met from the first turn, so the shared goal asks nothing';

const runs = {
  plain: runTool('sim', ['--level', file, '--turns', '1']),
  json: runTool('sim', ['--level', file, '--turns', '1', '--json']),
  shipped: runTool('sim', ['--level', 'levels/tutorial.json', '--turns', '1']),
};

describe('sim prints the validator warnings', () => {
  it('in plain mode: once, on stderr, with file, line and column', async () => {
    const r = await runs.plain;
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes(WARNING));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`${file}: ${WARNING} (line 486, column 23)`);
    expect(r.stdout).not.toContain('warning');
  });

  it('with --json: stdout is one JSON document', async () => {
    const r = await runs.json;
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(r.stdout).not.toContain('warning:');
  });

  it('nothing for a level without warnings', async () => {
    const r = await runs.shipped;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
