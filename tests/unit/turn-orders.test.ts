import { describe, expect, it } from 'vitest';
import { applyOrders } from '../../src/sim/turn/orders';
import { emptyOrders, loadTiny, makeState } from './fixtures';

const level = loadTiny();

describe('orders step', () => {
  it('buys security at securityCostPerPoint a point and reports the unspent rest', () => {
    const s = makeState(level);
    s.orders.alpha = { ...emptyOrders(), security: 23 };
    applyOrders(level, s);
    expect(s.players.alpha.security).toBe(24);
    expect(s.players.alpha.treasury).toBe(480);
    const entry = s.log[1].find((e) => e.step === 'orders')!;
    expect(entry.to).toEqual(['alpha']);
    expect(entry.causes.map((c) => c.text).join(' ')).toContain('$3M left unspent');
  });

  it('caps security at 100 and at what the treasury pays for', () => {
    const s = makeState(level);
    s.players.alpha.security = 98;
    s.orders.alpha = { ...emptyOrders(), security: 50 };
    s.players.beta.treasury = 12;
    s.orders.beta = { ...emptyOrders(), security: 50 };
    applyOrders(level, s);
    expect(s.players.alpha.security).toBe(100);
    expect(s.players.alpha.treasury).toBe(490);
    expect(s.players.beta.security).toBe(22);
    expect(s.players.beta.treasury).toBe(2);
  });

  it('raises intelligence on the target by amount / intelCostPerLevel, capped at 100', () => {
    const s = makeState(level);
    s.orders.alpha = { ...emptyOrders(), intel: { target: 'beta', amount: 35 } };
    s.players.gamma.intel.beta = 99;
    s.orders.gamma = { ...emptyOrders(), intel: { target: 'beta', amount: 50 } };
    applyOrders(level, s);
    expect(s.players.alpha.intel.beta).toBe(3);
    expect(s.players.alpha.treasury).toBe(470);
    expect(s.players.gamma.intel.beta).toBe(100);
    expect(s.players.gamma.treasury).toBe(490);
    // The report says what the levels did to the estimate's band (RULES.md: 40 wide with none, 8 at 100).
    const said = (id: string) => s.log[1].find((e) => e.step === 'orders' && e.to.includes(id))!.text;
    expect(said('alpha')).toContain('now 3 of 100 (your estimate of how they feel about you stays 40 points wide: it narrows a point for about every 3 levels)');
    expect(said('gamma')).toContain('now 100 of 100 (your estimate of how they feel about you narrows from 9 to 8 points wide)');
  });

  it('invests only in own or co-funded segments, never more than is still needed', () => {
    const s = makeState(level);
    s.orders.gamma = { ...emptyOrders(), invest: [{ segment: 's-new', amount: 100 }] };
    s.orders.alpha = { ...emptyOrders(), invest: [{ segment: 's-new', amount: 30 }] };
    applyOrders(level, s);
    expect(s.segments['s-new'].funded).toBe(80);
    expect(s.players.gamma.treasury).toBe(420);
    expect(s.players.alpha.treasury).toBe(500);
    expect(s.log[1].find((e) => e.to.includes('alpha'))!.causes[0].text).toContain('neither own nor co-fund');
  });

  it('says who funded a segment first when an order finds nothing left to fund, and keeps the money', () => {
    const s = makeState(level);
    s.segments['s-new'].cofunders = ['alpha'];
    s.orders.alpha = { ...emptyOrders(), invest: [{ segment: 's-new', amount: 80 }] }; // alpha acts first (level order)
    s.orders.gamma = { ...emptyOrders(), invest: [{ segment: 's-new', amount: 50 }] };
    applyOrders(level, s);
    expect(s.segments['s-new'].funded).toBe(80);
    expect(s.players.gamma.treasury).toBe(500);
    const cut = s.log[1].find((e) => e.to.includes('gamma'))!.causes[0].text;
    expect(cut).toBe(`S-NEW: $50M not invested (${level.states.find((x) => x.id === 'alpha')!.name} funded the rest first: orders are carried out in level order); it stays in your treasury`);
  });

  it('lets a co-funder invest, and funds repairs and upgrades by what they cost', () => {
    const s = makeState(level);
    s.segments['s-new'].cofunders = ['alpha'];
    s.segments['s-east'].status = 'damaged';
    s.orders.alpha = {
      ...emptyOrders(),
      invest: [
        { segment: 's-new', amount: 30 },
        { segment: 's-east', amount: 50 },
        { segment: 's-ferry', amount: 70 },
      ],
    };
    applyOrders(level, s);
    expect(s.segments['s-new'].funded).toBe(30);
    expect(s.segments['s-east'].funded).toBe(10); // a tenth of cost 100
    expect(s.segments['s-ferry'].funded).toBe(50); // the upgrade's cost
    expect(s.players.alpha.treasury).toBe(500 - 30 - 10 - 50);
  });

  it('caps investment at the treasury', () => {
    const s = makeState(level);
    s.players.gamma.treasury = 25;
    s.orders.gamma = { ...emptyOrders(), invest: [{ segment: 's-new', amount: 80 }] };
    applyOrders(level, s);
    expect(s.segments['s-new'].funded).toBe(25);
    expect(s.players.gamma.treasury).toBe(0);
  });

  it('sets fees on own segments only, lowered to a deal cap', () => {
    const s = makeState(level);
    s.segments['s-ferry'].feeCap = 'standard';
    s.orders.alpha = { ...emptyOrders(), fees: { 's-east': 'high', 's-ferry': 'high', 's-west': 'high' } };
    applyOrders(level, s);
    expect(s.players.alpha.fees['s-east']).toBe('high');
    expect(s.players.alpha.fees['s-ferry']).toBe('standard');
    expect(s.players.alpha.fees['s-west']).toBeUndefined();
  });
});
