// A power-line stage's money reads "funded", as a segment's does in the Orders panel and on
// the map: the dashboard and the Network tab said "paid in".
import { describe, expect, it } from 'vitest';
import { stageState } from '../../src/ui/format';

const stage = { progress: 0, buildTurns: 3, funded: 1250, cost: 1800 };

describe('a power-line stage in words', () => {
  it('says the money funded towards a planned stage, built or building otherwise', () => {
    expect(stageState({ ...stage, status: 'planned' })).toBe('$1,250M of $1,800M funded');
    expect(stageState({ ...stage, status: 'building', progress: 1 })).toBe('building 1/3');
    expect(stageState({ ...stage, status: 'done' })).toBe('built');
  });
});
