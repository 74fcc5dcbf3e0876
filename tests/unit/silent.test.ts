// A silent run (GameState.silent: no narration written) plays the same game: the same moves
// and the same checkpoint hashes as the narrated one, over random seeds. Replay verify and
// `sim --seeds` rely on that to skip the log, which nobody of theirs reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { newGame, type LoadedLevel } from '../../src/sim/index';
import { verifyReplay } from '../../src/sim/replay';
import { botReplay, levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const corridor = levelFile('levels/middle-corridor.json');

const entries = (log: readonly (readonly unknown[])[]) => log.reduce((n, slot) => n + slot.length, 0);

function sameGame(level: LoadedLevel, seed: string): void {
  const told = autoplay(level, { seed });
  const silent = autoplay(level, { seed, narrate: false });
  expect(silent.actions).toEqual(told.actions);
  expect(silent.checkpoints).toEqual(told.checkpoints);
  expect(silent.state.silent).toBe(true);
  expect(told.state.silent).toBeUndefined();
  expect(entries(silent.state.log)).toBe(0);
  expect(silent.state.animosityLog).toEqual([]);
  expect(entries(told.state.log)).toBeGreaterThan(20);
}

describe('a silent run', () => {
  it('plays the same moves to the same hashes as the narrated game (tutorial level, random seeds)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (seed) => sameGame(tutorial, seed)),
      { numRuns: 25 },
    );
  });

  it('does so on the default level too', () => {
    for (const seed of ['silent-1', 'silent-2']) sameGame(corridor, seed);
  });

  it('is only ever asked for: newGame narrates unless told not to', () => {
    expect(newGame(tutorial, { seed: 'x' }).silent).toBeUndefined();
    expect(newGame(tutorial, { seed: 'x', narrate: true }).silent).toBeUndefined();
    expect(newGame(tutorial, { seed: 'x', narrate: false }).silent).toBe(true);
    // The first turn's news is part of setup: narrated, it is in the log already.
    expect(entries(newGame(tutorial, { seed: 'x' }).log)).toBeGreaterThan(0);
    expect(entries(newGame(tutorial, { seed: 'x', narrate: false }).log)).toBe(0);
  });

  it('lets replay verify skip the narration but still keep narrated states for a viewer', () => {
    const { game, replay } = botReplay(corridor, 'silent-verify');
    const quick = verifyReplay(corridor, replay);
    const kept = verifyReplay(corridor, replay, { keepStates: true });
    if (!quick.ok || !kept.ok) throw new Error('the replay does not verify');
    expect(quick.hashes).toEqual(game.checkpoints.map((c) => c.hash));
    expect(kept.hashes).toEqual(quick.hashes);
    // A viewer's states are narrated, as the game was.
    const last = kept.states[kept.states.length - 1];
    expect(last.silent).toBeUndefined();
    expect(entries(last.log)).toBe(entries(game.state.log));
  });
});
