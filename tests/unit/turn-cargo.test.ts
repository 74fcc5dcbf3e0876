import { describe, expect, it } from 'vitest';
import { allocateCargo, routeWeight } from '../../src/sim/turn/cargo';
import { newContext } from '../../src/sim/turn/context';
import { altRouteCost, altRouteRisk, routeCost } from '../../src/sim/network';
import { loadTiny, makeState } from './fixtures';

const level = loadTiny();

describe('cargo allocation', () => {
  it('prices a route as fee + days x dayCost + risk x riskCost per segment, the highest owner fee on a shared segment', () => {
    const s = makeState(level);
    const r1 = level.routes[0];
    expect(routeCost(level, s, r1)).toBe(38 + 54 + 38);
    s.players.gamma.fees['s-west'] = 'high';
    expect(routeCost(level, s, r1)).toBe(38 + 54 + (28 + 8 + 10));
    s.segments['s-west'].feeCap = 'low';
    expect(routeCost(level, s, r1)).toBe(38 + 54 + (14 + 8 + 10));
  });

  it('prices alternatives with their own cost plus a risk premium for forces standing below 40', () => {
    const s = makeState(level);
    expect(altRouteCost(level, s, 'northern')).toBe(100 + 30 + 20);
    s.stances.russia = 20;
    expect(altRouteRisk(level, s, 'northern')).toBe(30);
    expect(altRouteCost(level, s, 'sea')).toBe(50 + 90 + 5);
  });

  it('weights are 10^12 / (cost^2 + 1), rounded down', () => {
    expect(routeWeight(0)).toBe(1_000_000_000_000);
    expect(routeWeight(130)).toBe(Math.floor(1e12 / 16901));
  });

  it('splits demand by weight, caps by the bottleneck, overflows to the next cheapest and the rest to sea', () => {
    const s = makeState(level);
    const ctx = newContext();
    allocateCargo(level, s, ctx);
    // candidates: route #1 (130), sea (145), northern (150); #2 and #3 are not usable
    const w = [routeWeight(130), routeWeight(145), routeWeight(150)];
    const total = w[0] + w[1] + w[2];
    const share = w.map((x) => Math.floor((20000 * x) / total));
    share[0] += 20000 - share[0] - share[1] - share[2];
    const r1 = Math.min(share[0], 4000);
    const north = Math.min(share[2] + (share[0] - r1), 5000);
    expect(ctx.routeFlows['east>west#1']).toBe(r1);
    expect(ctx.routeFlows.northern).toBe(north);
    expect(ctx.routeFlows.sea).toBe(20000 - r1 - north);
    expect(ctx.routeFlows['east>west#2']).toBe(0);
    expect(ctx.throughput).toBe(r1);
    expect(s.segments['s-ferry'].flow).toBe(r1);
    expect(s.altRoutes.sea.flow).toBe(20000 - r1 - north);
  });

  it('conserves demand and respects every capacity when several routes share segments', () => {
    const s = makeState(level);
    s.segments['s-new'].status = 'open';
    s.segments['s-ferry'].capacity = 9000;
    s.peaceStage = 1;
    s.demand = 123457;
    const ctx = newContext();
    allocateCargo(level, s, ctx);
    const sum = Object.values(ctx.routeFlows).reduce((a, b) => a + b, 0);
    expect(sum).toBe(123457);
    for (const def of level.segments) expect(s.segments[def.id].flow).toBeLessThanOrEqual(s.segments[def.id].capacity);
    expect(s.segments['s-east'].flow).toBe(ctx.routeFlows['east>west#1'] + ctx.routeFlows['east>west#2'] + ctx.routeFlows['east>west#3']);
    expect(ctx.throughput).toBe(s.segments['s-east'].flow);
    expect(ctx.routeFlows.northern).toBeLessThanOrEqual(5000);
  });

  it('skips an alternative with no capacity', () => {
    const s = makeState(level);
    s.altRoutes.northern.capacity = 0;
    const ctx = newContext();
    allocateCargo(level, s, ctx);
    expect(ctx.routeFlows.northern).toBe(0);
    expect(ctx.routeFlows['east>west#1'] + ctx.routeFlows.sea).toBe(20000);
  });
});
