// The end screen's score breakdown: the view's parts of each final score add up to it, and
// there are none before the end (a running score would not match parts read after the news).
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { viewFor } from '../../src/sim/index';
import { partsText } from '../../src/ui/screens/end';
import { rankOf, rankText } from '../../src/ui/format';
import type { PlayerView } from '../../src/sim/index';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');
const tutorial = levelFile('levels/tutorial.json');

describe('score parts', () => {
  it.each([['tutorial', tutorial, 'parts-1'], ['tutorial', tutorial, 'parts-2'], ['middle-corridor', main, 'parts-3']] as const)('add up to every final score (%s, %s)', (_name, level, seed) => {
    const mid: (boolean | null)[] = [];
    const g = autoplay(level, { seed, onCheckpoint: (turn, s) => { if (turn > 0 && turn < level.turns) mid.push(viewFor(level, s, 'public').scoreParts === null); } });
    expect(mid.every((x) => x)).toBe(true);
    for (const viewer of ['public', level.states[0].id, 'facilitator'] as const) {
      const v = viewFor(level, g.state, viewer);
      for (const st of v.states) {
        const q = v.scoreParts![st.id];
        expect(q.headStart + q.prosperity + q.stability + q.reputation + q.agenda, `${viewer}: ${st.id}`).toBe(st.score);
        expect(q.agenda === 0 || st.agenda?.met === true).toBe(true);
      }
    }
  });

  it('reads as a sum of the parts that are not 0', () => {
    expect(partsText({ headStart: 14, prosperity: 20, stability: 3, reputation: -2, agenda: 60 })).toBe('14 head start + 20 corridor + 3 stability − 2 reputation + 60 agenda');
    expect(partsText({ headStart: 0, prosperity: 0, stability: -4, reputation: 0, agenda: 0 })).toBe('−4 stability');
    expect(partsText({ headStart: 0, prosperity: 0, stability: 0, reputation: 0, agenda: 0 })).toBe('0');
  });

  it('ranks tied scores together: 95, 95, 95 are all first, not third', () => {
    const view = { states: [{ id: 'a', score: 95 }, { id: 'b', score: 95 }, { id: 'c', score: 95 }, { id: 'd', score: 40 }] } as unknown as PlayerView;
    expect(rankOf(view, 'c')).toEqual({ rank: 1, tied: true });
    expect(rankOf(view, 'd')).toEqual({ rank: 4, tied: false });
    expect(rankText(rankOf(view, 'c'), 4)).toBe('tied, rank 1 of 4');
  });
});
