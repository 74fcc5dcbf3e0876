// The validator tests' fixture base (tests/levels-broken/_valid-base.json), edited, and what
// the loader finds in it: one line per finding, "severity $.path: message".
import { readFileSync } from 'node:fs';
import { formatPath, loadLevelData } from '../../src/sim/level';
import type { LevelInput } from '../../src/sim/level-schema';

export const validBase = (): LevelInput => JSON.parse(readFileSync(new URL('../levels-broken/_valid-base.json', import.meta.url), 'utf8')) as LevelInput;

export function variantFindings(edit: (l: LevelInput) => void): string[] {
  const l = validBase();
  edit(l);
  return loadLevelData(l).findings.map((f) => `${f.severity} ${formatPath(f.path)}: ${f.message}`);
}
