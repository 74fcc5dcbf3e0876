// stepRecorded: the checks every re-run of recorded actions makes (verify, a save continued
// on another version, a save resumed, undo), whether the state steps frozen or open; and
// openGame, the unfrozen start an open re-run begins from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { applyAction, newGame, openStep, parseLevelText, stateHash, stepRecorded, type GameState } from '../../src/sim/index';
import { openGame } from '../../src/sim/state';

const load = parseLevelText(readFileSync('levels/tutorial.json', 'utf8'));
if (!load.ok) throw new Error('tutorial level does not load');
const level = load.level;
const game = autoplay(level, { seed: 'recorded' });

/** The game's actions re-run from `start`: the hash after setup and after each action that says it resolved a turn. */
function rerun(start: GameState, step: typeof applyAction): { hashes: string[]; end: GameState } {
  let s = start;
  const hashes = [stateHash(s)];
  for (const entry of game.actions) {
    const r = stepRecorded(level, s, entry, step);
    if (!r.ok) throw new Error(r.error);
    s = r.state;
    if (r.resolved) hashes.push(stateHash(s));
  }
  return { hashes, end: s };
}

describe('stepRecorded', () => {
  for (const [name, step] of [['applyAction', applyAction], ['openStep', openStep]] as const) {
    it(`re-runs a whole game with ${name}: same hashes, resolved exactly at each turn's end`, () => {
      const { hashes, end } = rerun(newGame(level, { seed: 'recorded' }), step);
      expect(hashes).toEqual(game.checkpoints.map((c) => c.hash));
      expect(end.phase).toBe('ended');
    });
  }

  it('says why an action does not fit, and changes nothing', () => {
    const s = newGame(level, { seed: 'recorded' });
    const before = stateHash(s);
    const first = game.actions[0];
    expect(stepRecorded(level, s, { ...first, turn: 2 }, applyAction)).toEqual({ ok: false, kind: 'otherTurn', turn: 1, error: 'is recorded for turn 2, but the game is in turn 1' });
    const refused = stepRecorded(level, s, { turn: 1, action: { type: 'endDiplomacy', player: 'atlantis' } }, applyAction);
    expect(refused).toMatchObject({ ok: false, kind: 'refused', turn: 1 });
    expect(refused.ok ? '' : refused.error).toMatch(/atlantis/);
    expect(stepRecorded(level, game.state, first, applyAction)).toMatchObject({ ok: false, kind: 'ended', error: 'comes after the end of the game' });
    expect(stateHash(s)).toBe(before);
  });
});

describe('openGame', () => {
  it("is newGame's state, every part open, and an open run from it gives the same checkpoints", () => {
    const frozen = newGame(level, { seed: 'recorded' });
    const open = openGame(level, { seed: 'recorded' });
    expect(JSON.stringify(open)).toBe(JSON.stringify(frozen));
    expect(Object.isFrozen(frozen) && Object.isFrozen(frozen.segments)).toBe(true);
    expect(Object.isFrozen(open) || Object.isFrozen(open.segments) || Object.isFrozen(open.players)).toBe(false);
    expect(rerun(open, openStep).hashes).toEqual(game.checkpoints.map((c) => c.hash));
  });
});
