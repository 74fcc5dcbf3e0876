// A damaged segment's view gives the repair's figures: its cost and, as buildTurns, the
// repairTurns after which it reopens (progress counts them). The view gave the segment's
// build time, and an upgrade's figures when the damage came during the upgrade works.
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/sim/index';
import { damageSegment, repairCost } from '../../src/sim/network';
import { loadTiny, makeState, tinyLevelData } from './fixtures';

const data = tinyLevelData();
data.params = { ...(data.params as Record<string, unknown> | undefined), repairTurns: 3 };
const level = loadTiny(data);
const def = level.segments.find((d) => d.id === 's-ferry')!;

describe('a damaged segment in the view', () => {
  it('shows the repair: its cost and repairTurns, not the build time', () => {
    const s = makeState(level);
    damageSegment(s.segments['s-ferry']);
    s.segments['s-ferry'].progress = 1;
    const v = viewFor(level, s, 'alpha').segments.find((x) => x.id === 's-ferry')!;
    expect(def.buildTurns).not.toBe(3);
    expect(v).toMatchObject({ status: 'damaged', cost: repairCost(def), progress: 1, buildTurns: 3 });
  });

  it('shows the repair even when the damage came during the upgrade works', () => {
    const s = makeState(level);
    s.segments['s-ferry'].upgrading = true;
    damageSegment(s.segments['s-ferry']);
    const v = viewFor(level, s, 'alpha').segments.find((x) => x.id === 's-ferry')!;
    expect(v).toMatchObject({ status: 'damaged', cost: repairCost(def), buildTurns: 3 });
  });
});
