import { describe, expect, it } from 'vitest';
import { advanceConstruction, delayChance } from '../../src/sim/turn/build';
import { damageSegment, segmentUsable } from '../../src/sim/network';
import { forcedRng, loadTiny, makeState, texts, tinyLevelData } from './fixtures';

const level = loadTiny();
const def = (id: string) => level.segments.find((x) => x.id === id)!;

describe('construction', () => {
  it('a funded planned segment starts building, progresses a turn at a time and opens', () => {
    const s = makeState(level);
    s.segments['s-new'].funded = 80;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-new']).toMatchObject({ status: 'building', progress: 1 });
    s.turn = 2;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-new']).toMatchObject({ status: 'open', progress: 0, funded: 0, openedTurn: 2 });
    expect(texts(s, 2)[0]).toContain('opens to traffic');
  });

  it('an underfunded planned segment waits', () => {
    const s = makeState(level);
    s.segments['s-new'].funded = 79;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-new'].status).toBe('planned');
  });

  it('a segment whose peace requirement is unmet neither progresses nor carries cargo', () => {
    const s = makeState(level);
    expect(segmentUsable(level, s, 's-peace')).toBe(false);
    s.segments['s-peace'].status = 'building';
    s.segments['s-peace'].funded = 100;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-peace'].progress).toBe(0);
    expect(s.log[1][0].to).toEqual(['delta']);
    s.peaceStage = 1;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-peace'].progress).toBe(1);
  });

  it('delays cross-border works at 40 bp per point of the owners\' mutual animosity above 30', () => {
    const s = makeState(level);
    expect(delayChance(s, def('s-west'))).toBe(0);
    s.animosity.beta.gamma = 90;
    s.animosity.gamma.beta = 70;
    expect(delayChance(s, def('s-west'))).toBe(40 * 50);
    expect(delayChance(s, def('s-new'))).toBe(0); // one owner
    s.segments['s-west'].status = 'building';
    s.segments['s-west'].funded = 100;
    advanceConstruction(level, s, forcedRng('always'));
    expect(s.segments['s-west'].progress).toBe(0);
    const e = s.log[1].find((x) => x.text.includes('no progress'))!;
    expect(e.causes[1]).toMatchObject({ to: 'facilitator' });
    expect(e.causes[1].text).toContain('delay chance 20% = 0.4% x');
  });

  it('repairs a damaged segment after repairTurns, or at once when a tenth of its cost is paid', () => {
    const s = makeState(level);
    s.segments['s-east'].status = 'damaged';
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-east']).toMatchObject({ status: 'damaged', progress: 1 });
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-east']).toMatchObject({ status: 'open', progress: 0, openedTurn: 0 });

    s.segments['s-west'].status = 'damaged';
    s.segments['s-west'].funded = 10;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-west'].status).toBe('open');
  });

  it('money paid towards an upgrade not begun is kept through damage and the repair', () => {
    const s = makeState(level);
    s.segments['s-ferry'].funded = 30; // of the upgrade's 50
    damageSegment(s.segments['s-ferry']);
    expect(s.segments['s-ferry']).toMatchObject({ status: 'damaged', funded: 0, upgradeHeld: 30 });
    s.segments['s-ferry'].funded = 10; // the repair, paid in full
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-ferry']).toMatchObject({ status: 'open', funded: 30, upgrading: false });
    expect(s.segments['s-ferry'].upgradeHeld).toBeUndefined();
    s.segments['s-ferry'].funded = 50;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-ferry']).toMatchObject({ upgrading: true, progress: 1 });
  });

  it('an upgrade under way on a segment whose peace requirement is unmet halts, and its owners are told', () => {
    const data = tinyLevelData() as { segments: { id: string; upgrade?: unknown }[] };
    data.segments.find((x) => x.id === 's-peace')!.upgrade = { capacity: 6000, cost: 40, buildTurns: 2 };
    const lv = loadTiny(data);
    const s = makeState(lv);
    Object.assign(s.segments['s-peace'], { status: 'open', upgrading: true, funded: 40 });
    advanceConstruction(lv, s, forcedRng('never'));
    expect(s.segments['s-peace']).toMatchObject({ upgrading: true, progress: 0 });
    expect(s.log[1].find((e) => e.text === 'Upgrade works on S-PEACE are halted.')?.to).toEqual(['delta']);
  });

  it('a funded upgrade is built while the segment stays open, then raises capacity', () => {
    const s = makeState(level);
    s.segments['s-ferry'].funded = 50;
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-ferry']).toMatchObject({ status: 'open', upgrading: true, progress: 1, capacity: 4000 });
    advanceConstruction(level, s, forcedRng('never'));
    expect(s.segments['s-ferry']).toMatchObject({ status: 'open', upgrading: false, progress: 0, capacity: 8000, funded: 0 });
    // Its cause reads on its own, as the news lists it (it read "owners: Alpha, Beta").
    const done = s.log[s.turn].find((e) => e.text.includes('upgraded to'))!;
    expect(done.causes.map((c) => c.text)).toEqual([`owned by ${level.states[0].name} and ${level.states[1].name}`]);
  });
});
