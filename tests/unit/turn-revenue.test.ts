import { describe, expect, it } from 'vitest';
import { collectRevenue, euGrant, powerShares, transitIncome } from '../../src/sim/turn/revenue';
import { loadTiny, makeState } from './fixtures';

const level = loadTiny();

describe('revenue', () => {
  it('transit: flow (kt/yr) x transitCost x fee / 10000 / 1000 / 2 / owners, rounded down', () => {
    expect(transitIncome(6000, 20, 10000, 2)).toBe(30);
    expect(transitIncome(4000, 20, 14000, 1)).toBe(56);
    expect(transitIncome(999, 20, 10000, 1)).toBe(9);
  });

  it('pays income, transit on usable segments and the EU grant; stability +1 when revenue rose', () => {
    const s = makeState(level);
    s.segments['s-east'].flow = 4000;
    s.segments['s-ferry'].flow = 4000;
    s.segments['s-peace'].flow = 3000; // not usable: pays nothing
    collectRevenue(level, s);
    // s-east 40; s-ferry 4000 x 30 / 2 / 2 / 1000 = 30 each for alpha and beta
    expect(euGrant(level, s)).toBe(5);
    expect(s.players.alpha).toMatchObject({ treasury: 500 + 10 + 70 + 5, revenueLast: 70, revenueTotal: 70, stability: 51 });
    expect(s.players.beta).toMatchObject({ treasury: 500 + 10 + 30 + 5, revenueLast: 30, stability: 51 });
    expect(s.players.delta).toMatchObject({ treasury: 510, revenueLast: 0, stability: 50 }); // s-peace unusable: no grant
    expect(s.log[1].find((e) => e.to.includes('alpha'))!.text).toContain('EU grant $5M');
  });

  it('a treasury below zero costs a point of stability', () => {
    const s = makeState(level);
    s.players.delta.treasury = -50;
    collectRevenue(level, s);
    expect(s.players.delta).toMatchObject({ treasury: -40, stability: 49 });
  });

  it('power revenue is shared by contributions over all stages, the remainder to the largest (ties by id)', () => {
    const s = makeState(level);
    expect(powerShares(level, s)).toEqual({});
    s.powerEnergisedTurn = 3;
    s.power.pw1.contributions = { alpha: 70, beta: 30 };
    s.power.pw2.contributions = { gamma: 30 };
    expect(powerShares(level, s)).toEqual({ alpha: 66, beta: 27, gamma: 27 });
    s.power.pw1.contributions = { beta: 50, gamma: 50 };
    s.power.pw2.contributions = { delta: 7 };
    const shares = powerShares(level, s);
    expect(shares.beta).toBe(shares.gamma + 1);
    expect(shares.beta + shares.gamma + shares.delta).toBe(120);
  });

  it('the EU grant grows with the market forces\' stance above 40', () => {
    const s = makeState(level);
    s.stances.eu = 40;
    expect(euGrant(level, s)).toBe(0);
    s.stances.eu = 100;
    expect(euGrant(level, s)).toBe(15);
  });
});
