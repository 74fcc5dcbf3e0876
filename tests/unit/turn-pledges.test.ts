import { describe, expect, it } from 'vitest';
import { payPledges, withholdChance } from '../../src/sim/turn/pledges';
import type { Pledge } from '../../src/sim/types';
import { forcedRng, loadTiny, makeState, texts } from './fixtures';

const level = loadTiny();
const pledge = (state: string, stage: string, perTurn: number, turnsLeft = 3): Pledge => ({ id: `p1-1:${state}`, state, stage, perTurn, turnsLeft, paid: 0, withheld: 0 });

describe('power-line pledges', () => {
  it('pays perTurn into the stage and counts the contribution', () => {
    const s = makeState(level);
    s.pledges.push(pledge('alpha', 'pw1', 30));
    payPledges(level, s, forcedRng('never'));
    expect(s.pledges[0]).toMatchObject({ paid: 30, turnsLeft: 2, withheld: 0 });
    expect(s.power.pw1).toMatchObject({ funded: 30, status: 'planned', contributions: { alpha: 30 } });
    expect(s.players.alpha.treasury).toBe(470);
  });

  it('withholds with pledgeWithholdPerAnimosityBp per point of grudge against a host above 25', () => {
    const s = makeState(level);
    const p = pledge('beta', 'pw1', 30);
    expect(withholdChance(level, s, p)).toBe(0);
    s.animosity.beta.alpha = 85;
    expect(withholdChance(level, s, p)).toBe(50 * 60);
    expect(withholdChance(level, s, pledge('alpha', 'pw1', 30))).toBe(0); // its own stage
    s.pledges.push(p);
    payPledges(level, s, forcedRng('always'));
    expect(s.pledges[0]).toMatchObject({ paid: 0, withheld: 30, turnsLeft: 2 });
    expect(s.players.beta.treasury).toBe(500);
    expect(s.players.beta.reputation).toBe(47);
    expect(s.animosity.alpha.beta).toBe(28);
    expect(texts(s)[0]).toContain('withheld');
  });

  it('a pledge the treasury cannot cover pays what it can', () => {
    const s = makeState(level);
    s.players.alpha.treasury = 12;
    s.pledges.push(pledge('alpha', 'pw1', 30));
    payPledges(level, s, forcedRng('never'));
    expect(s.pledges[0]).toMatchObject({ paid: 12, withheld: 18 });
    expect(s.players.alpha.reputation).toBe(49);
  });

  it('pays no more than the stage still needs and ends once it is funded', () => {
    const s = makeState(level);
    s.power.pw1.funded = 90;
    s.pledges.push(pledge('alpha', 'pw1', 30), pledge('beta', 'pw1', 30));
    payPledges(level, s, forcedRng('never'));
    expect(s.power.pw1.funded).toBe(100);
    expect(s.pledges[0].paid).toBe(10);
    expect(s.pledges[1]).toMatchObject({ paid: 0, turnsLeft: 0 });
  });

  it('a funded stage builds for buildTurns; the line is energised when every stage is done', () => {
    const s = makeState(level);
    s.power.pw1.funded = 100;
    s.power.pw2.funded = 60;
    payPledges(level, s, forcedRng('never'));
    expect(s.power.pw1.status).toBe('done');
    expect(s.power.pw2).toMatchObject({ status: 'building', progress: 1 });
    expect(s.powerEnergisedTurn).toBeNull();
    s.turn = 2;
    payPledges(level, s, forcedRng('never'));
    expect(s.power.pw2.status).toBe('done');
    expect(s.powerEnergisedTurn).toBe(2);
  });
});
