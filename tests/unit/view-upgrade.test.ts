// An open segment with an upgrade to fund shows the upgrade's cost and build time: the view
// gave the upgrade's cost beside the segment's own build time ("$400M … 3 turns to build" for
// an upgrade of 4 turns).
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { viewFor } from '../../src/sim/index';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');

describe('a segment view', () => {
  it('gives an open segment’s upgrade cost and build time together', () => {
    const state = autoplay(main, { seed: 'upgrade-view', turns: 0 }).state;
    const view = viewFor(main, state, main.states[0].id);
    const open = main.segments.filter((d) => d.upgrade && d.upgrade.buildTurns !== d.buildTurns && state.segments[d.id].status === 'open' && !state.segments[d.id].upgrading);
    expect(open.length, 'the default level has such a segment').toBeGreaterThan(0);
    for (const d of open) {
      const v = view.segments.find((x) => x.id === d.id)!;
      expect(v).toMatchObject({ cost: d.upgrade!.cost, buildTurns: d.upgrade!.buildTurns });
    }
  });
});
