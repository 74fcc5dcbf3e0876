// Whose report a log line is: the facilitator reads every state's own lines (its orders, its
// revenue), which do not name the state, so the summary `sim` and `replay show` print (and
// the browser's report) says whom each was written for.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { audienceLabel, viewFor } from '../../src/sim/index';
import { turnSummary } from '../../src/cli/summary';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');
const game = autoplay(main, { seed: 'summary', turns: 1 });
const lines = (viewer: 'facilitator' | 'public' | 'azerbaijan') => turnSummary(main, viewFor(main, game.state, viewer), 1).split('\n');

describe('audienceLabel', () => {
  it('names the states an entry is for unless the viewer is one of them', () => {
    expect(audienceLabel(main, 'all', 'georgia')).toBeNull();
    expect(audienceLabel(main, ['georgia'], 'georgia')).toBeNull();
    expect(audienceLabel(main, ['georgia', 'armenia'], 'armenia')).toBeNull();
    expect(audienceLabel(main, ['georgia'], 'facilitator')).toBe('for Georgia');
    expect(audienceLabel(main, ['armenia', 'turkiye'], 'facilitator')).toBe('for Armenia, Türkiye');
    expect(audienceLabel(main, 'facilitator', 'facilitator')).toBe('facilitator only');
  });
});

describe('the turn summary', () => {
  it("shows the facilitator whose orders and revenue each line is", () => {
    const revenue = lines('facilitator').filter((l) => l.includes('[revenue]'));
    expect(revenue).toHaveLength(main.states.length);
    expect(revenue.map((l) => /\[revenue\] for ([^:]+): Revenue:/.exec(l)?.[1])).toEqual(main.states.map((s) => s.name));
    for (const l of lines('facilitator').filter((x) => x.includes('[orders]'))) expect(l).toMatch(/\[orders\] for [^:]+: Orders carried out/);
  });

  it("shows a state its own lines plainly, and nobody else's", () => {
    const mine = lines('azerbaijan');
    const revenue = mine.filter((l) => l.includes('[revenue]'));
    expect(revenue).toHaveLength(1);
    expect(revenue[0]).toMatch(/^ {2}\[revenue\] Revenue:/);
    expect(mine.some((l) => / for [A-Z][^:]*: /.test(l) && l.includes('[revenue]'))).toBe(false);
    expect(lines('public').some((l) => l.includes('[revenue]'))).toBe(false);
  });
});
