import { describe, expect, it } from 'vitest';
import { newContext } from '../../src/sim/turn/context';
import { activeGuarantors, checkPeace, fallBackChance } from '../../src/sim/turn/peace';
import { forcedRng, loadTiny, makeState } from './fixtures';

const level = loadTiny();

describe('peace track', () => {
  it('fall-back chance: holdRiskBp + 40 per point of the parties\' mean animosity above 40 - 50 per trusted guarantor', () => {
    const s = makeState(level);
    expect(activeGuarantors(level, s)).toEqual(['gamma']);
    expect(fallBackChance(level, s)).toBe(300 - 50);
    s.animosity.beta.delta = 90;
    s.animosity.delta.beta = 70;
    expect(fallBackChance(level, s)).toBe(300 + 40 * 40 - 50);
    s.animosity.gamma.delta = 50;
    expect(activeGuarantors(level, s)).toEqual([]);
  });

  it('falls back one stage: peaceHeld false, the parties\' animosity +6 both ways', () => {
    const s = makeState(level);
    s.peaceStage = 2;
    checkPeace(level, s, forcedRng('always'), newContext());
    expect(s.peaceStage).toBe(1);
    expect(s.peaceHeld).toBe(false);
    expect([s.animosity.beta.delta, s.animosity.delta.beta]).toEqual([36, 36]);
  });

  it('is not checked at the first stage or in a turn a peace step was ratified', () => {
    const s = makeState(level);
    const rng = forcedRng('always');
    checkPeace(level, s, rng, newContext());
    s.peaceStage = 1;
    checkPeace(level, s, rng, { ...newContext(), peaceMoved: true });
    expect(rng.asked).toEqual([]);
    expect(s.peaceStage).toBe(1);
  });

  it('a held track tells only the facilitator the odds', () => {
    const s = makeState(level);
    s.peaceStage = 1;
    checkPeace(level, s, forcedRng('never'), newContext());
    expect(s.log[1][0].to).toBe('facilitator');
  });
});
