// Whose report a log line is: the facilitator reads every state's own lines (its orders, its
// revenue), which do not name the state, so the summary `sim` and `replay show` print (and
// the browser's report) says whom each was written for.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { audienceLabel, mt, viewFor } from '../../src/sim/index';
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

  it('gives cargo rounded down as the game does, running scores mid-game and the final scores at the end', () => {
    const v = viewFor(main, game.state, 'public');
    const cargo = lines('public').find((l) => l.startsWith('  Cargo:'))!;
    expect(cargo).toContain(`middle corridor ${mt(v.history[0].throughput)}`);
    expect(lines('public').some((l) => l.startsWith('  Running scores (secret agendas are added at the end): '))).toBe(true);
    const whole = autoplay(main, { seed: 'summary' });
    const end = viewFor(main, whole.state, 'public');
    const last = turnSummary(main, end, main.turns).split('\n').find((l) => l.startsWith('  Final scores'))!;
    expect(last).toBe(`  Final scores (secret agendas counted): ${main.states.map((s) => `${s.name} ${end.states.find((x) => x.id === s.id)!.score}`).join(', ')}`);
  });
});
