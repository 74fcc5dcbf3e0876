// The bench's split of a full game's time must time the game autoplay plays (it checks its
// hashes against autoplay's and throws otherwise) and account for every part.
import { describe, expect, it } from 'vitest';
import { splitFullGames } from '../../src/cli/bench-split';
import { levelFile } from './fixtures';

describe('the bench split of a full game', () => {
  it('plays the games autoplay plays and its parts add up to the whole', () => {
    for (const file of ['levels/tutorial.json', 'levels/middle-corridor.json']) {
      const { perGame, parts } = splitFullGames(levelFile(file), 2);
      expect(Object.values(parts).every((x) => x >= 0)).toBe(true);
      expect(parts.views).toBeGreaterThan(0);
      expect(parts.resolutions).toBeGreaterThan(0);
      expect(parts.hashes).toBeGreaterThan(0);
      // The parts are timed within the whole game's time, so they never add up to more;
      // the rest is what they leave of it.
      const named = parts.views + parts.decisions + parts.actions + parts.resolutions + parts.hashes;
      expect(named).toBeLessThanOrEqual(perGame * (1 + 1e-9));
      expect(named + parts.rest).toBeCloseTo(perGame, 6);
    }
  });
});
