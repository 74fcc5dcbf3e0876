// A loaded level's arrays are not frozen (V8 reads frozen arrays more slowly: level.ts), so
// nothing but this test stops code from changing one. Games of every kind (closed and open
// runs, the facilitator revealing, every viewer's full and brief views, legal actions) must
// leave the level exactly as it was loaded, and a view's lists must not be the level's own.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { hashValue } from '../../src/sim/hash';
import { applyAction, legalActions, viewFor, type LoadedLevel, type Viewer } from '../../src/sim/index';
import { levelFile } from './fixtures';

/** The level's content as it was hashed when loaded, and its route table. */
function content(level: LoadedLevel): { hash: string; routes: string } {
  const { hash: _hash, routes, ...rest } = level;
  return { hash: hashValue(rest), routes: JSON.stringify(routes) };
}

/** Every array reachable from a value. */
function arraysIn(v: unknown, out = new Set<unknown>()): Set<unknown> {
  if (v === null || typeof v !== 'object') return out;
  if (Array.isArray(v)) out.add(v);
  for (const m of Object.values(v)) arraysIn(m, out);
  return out;
}

describe('a loaded level', () => {
  for (const file of ['levels/middle-corridor.json', 'levels/tutorial.json']) {
    it(`${file}: games and views leave it as loaded and hand out none of its arrays`, () => {
      const level = levelFile(file);
      const before = content(level);
      expect(before.hash).toBe(level.hash);
      const own = arraysIn(level);
      const viewers: Viewer[] = ['public', 'facilitator', ...level.states.map((s) => s.id)];
      const check = (state: Parameters<typeof viewFor>[1]) => {
        for (const viewer of viewers) {
          for (const brief of [false, true]) {
            for (const a of arraysIn(viewFor(level, state, viewer, { brief }))) expect(own.has(a)).toBe(false);
          }
        }
        legalActions(level, state, level.states[0].id);
      };
      autoplay(level, { seed: 'immutable-closed', onCheckpoint: (_turn, s) => check(s) });
      const open = autoplay(level, { seed: 'immutable-open' }).state;
      check(open);
      const revealed = applyAction(level, autoplay(level, { seed: 'immutable-reveal', turns: 2 }).state, { type: 'reveal', player: 'facilitator' });
      if (revealed.ok) check(revealed.state);
      expect(content(level)).toEqual(before);
    });
  }
});
