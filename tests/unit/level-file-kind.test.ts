// A replay, or a level saved as UTF-16, loaded as a level: one clear error that says what the
// file is and what to do, not a flood of schema or syntax errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding, loadLevelData, parseLevelText } from '../../src/sim/level';
import { validateFile } from '../../src/cli/validate';

const dir = mkdtempSync(join(tmpdir(), 'corridor-file-kind-'));
const level = readFileSync('levels/tutorial.json', 'utf8');
const replay = readFileSync('tests/golden/tutorial-golden-1.replay.json', 'utf8');
const UTF16 = '$: the file is UTF-16, not UTF-8: save it as UTF-8 (in most editors: Save with Encoding, UTF-8) (line 1, column 1)';
const write = (name: string, bytes: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const lines = (file: string) => validateFile(file).findings.map((f) => formatFinding(f, 'F'));

describe('not a level', () => {
  it('a replay file is one error that points at the replay viewer', () => {
    const r = parseLevelText(replay, 'r.json');
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => formatFinding(f))).toEqual([
      'r.json: $: this is a replay file, not a level: open it in the replay viewer ("Open a replay…" on the start screen) or with npm run -s replay -- show FILE (line 1, column 1)',
    ]);
    expect(loadLevelData(JSON.parse(replay)).findings).toHaveLength(1);
  });

  it('a UTF-16 file with a byte-order mark (little or big endian) is one error', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(level, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(lines(write('le.json', le))).toEqual([`F: ${UTF16}`]);
    expect(lines(write('be.json', be))).toEqual([`F: ${UTF16}`]);
  });

  it('a UTF-16 file without a byte-order mark is one error', () => {
    expect(lines(write('nobom.json', Buffer.from(level, 'utf16le')))).toEqual([`F: ${UTF16}`]);
  });

  it('a UTF-8 level with a byte-order mark still loads', () => {
    expect(parseLevelText(`\uFEFF${level}`).ok).toBe(true);
    expect(validateFile(write('bom8.json', Buffer.from(`\uFEFF${level}`, 'utf8'))).ok).toBe(true);
  });
});
