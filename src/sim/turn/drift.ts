// Step 10: animosity drift. Every second turn each value moves one point back towards
// the level's base for its pair, so old grudges fade and nothing runs away.
import type { LoadedLevel } from '../level';
import { indexOf } from '../lookup';
import { changeAnimosity } from '../animosity';
import type { GameState } from '../types';
import { RULES } from './rules';

export function driftAnimosity(level: LoadedLevel, s: GameState): void {
  if (s.turn % RULES.driftEveryTurns !== 0) return;
  const ids = indexOf(level).actorIds;
  for (const a of ids) {
    const row = s.animosity[a];
    if (!row) continue;
    for (const b of ids) {
      if (a === b || row[b] === undefined) continue;
      const base = level.animosity[a]?.[b]?.base ?? RULES.defaultAnimosityBase;
      const v = row[b];
      if (v > base) changeAnimosity(s, a, b, -RULES.driftStep, s.turn, 'drift');
      else if (v < base) changeAnimosity(s, a, b, RULES.driftStep, s.turn, 'drift');
    }
  }
}
