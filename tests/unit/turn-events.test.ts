import { describe, expect, it } from 'vitest';
import { applyEffect, conditionHolds, eventEligible } from '../../src/sim/effects';
import type { Condition, Effect } from '../../src/sim/level-schema';
import { growthBpNow, startTurn } from '../../src/sim/turn/index';
import { payPledges } from '../../src/sim/turn/pledges';
import { RULES } from '../../src/sim/turn/rules';
import { forcedRng, loadTiny, makeState, tinyLevelData } from './fixtures';

const level = loadTiny();
const ev = (id: string) => level.events.find((e) => e.id === id)!;

describe('news: startTurn', () => {
  it('draws eventsPerTurn weighted events among the eligible ones and applies them', () => {
    const s = makeState(level);
    startTurn(level, s, forcedRng('never'));
    expect(s.news).toEqual(['e-boom']); // the only eligible one in turn 1
    expect(s.eventsSeen).toEqual(['e-boom']);
    expect(s.demand).toBe(22000);
    const e = s.log[1][0];
    expect(e).toMatchObject({ step: 'news', to: 'all', text: 'Boom: Trade booms.' });
    expect(e.causes[0].to).toBe('facilitator');
  });

  it('picks by weight with one draw of rng.int(total weight)', () => {
    for (const [draw, picked] of [
      [9, 'e-boom'],
      [10, 'e-tension'],
      [39, 'e-tension'],
    ] as const) {
      const s = makeState(level);
      s.turn = 2;
      startTurn(level, s, forcedRng('never', [draw]));
      expect(s.news).toEqual([picked]);
    }
  });

  it('plays injected events first, whatever their weight or conditions, then draws', () => {
    const s = makeState(level);
    s.injected = ['e-quake'];
    startTurn(level, s, forcedRng('never'));
    expect(s.news).toEqual(['e-quake', 'e-boom']);
    expect(s.injected).toEqual([]);
    expect(s.segments['s-west'].status).toBe('damaged');
    expect(s.log[1][0].causes[0].text).toContain('injected');
  });

  it('a one-off event is not drawn again; a repeatable one can be', () => {
    const s = makeState(level);
    s.turn = 2;
    s.eventsSeen = ['e-tension'];
    expect(eventEligible(level, s, ev('e-tension'))).toBe(false);
    s.eventsSeen = ['e-boom'];
    expect(eventEligible(level, s, ev('e-boom'))).toBe(true);
    expect(eventEligible(level, s, ev('e-quake'))).toBe(false); // weight 0
  });

  it('grows demand from turn 2 by growthBp, scaled by the origin force\'s stance (50 = as written)', () => {
    const s = makeState(level);
    expect(growthBpNow(level, s)).toBe(200);
    s.stances.china = 100;
    expect(growthBpNow(level, s)).toBe(300);
    s.stances.china = 0;
    expect(growthBpNow(level, s)).toBe(100);
    s.stances.china = 50;
    const data = tinyLevelData();
    data.events = [];
    const quiet = loadTiny(data);
    const q = makeState(quiet);
    startTurn(quiet, q, forcedRng('never'));
    expect(q.demand).toBe(20000);
    q.turn = 2;
    startTurn(quiet, q, forcedRng('never'));
    expect(q.demand).toBe(20400);
  });
});

describe('event conditions', () => {
  it('evaluates every kind', () => {
    const s = makeState(level);
    s.turn = 3;
    s.peaceStage = 1;
    s.power.pw1.status = 'done';
    s.eventsSeen = ['e-boom'];
    const cases: [Condition, boolean][] = [
      [{ if: 'turnAtLeast', turn: 3 }, true],
      [{ if: 'turnAtMost', turn: 2 }, false],
      [{ if: 'segmentStatus', segment: 's-new', status: 'planned' }, true],
      [{ if: 'peaceAtLeast', stage: 'signed' }, true],
      [{ if: 'peaceBelow', stage: 'signed' }, false],
      [{ if: 'stanceAtLeast', force: 'eu', value: 60 }, true],
      [{ if: 'stanceBelow', force: 'eu', value: 60 }, false],
      [{ if: 'statBelow', state: 'alpha', stat: 'treasury', value: 501 }, true],
      [{ if: 'statAtLeast', state: 'alpha', stat: 'security', value: 21 }, false],
      [{ if: 'animosityAtLeast', from: 'beta', to: 'delta', value: 30 }, true],
      [{ if: 'powerStagesAtLeast', count: 2 }, false],
      [{ if: 'pactActive' }, false],
      [{ if: 'eventHappened', event: 'e-boom' }, true],
    ];
    for (const [c, want] of cases) expect([c.if, conditionHolds(level, s, c)]).toEqual([c.if, want]);
    s.pacts.push({ id: 'p', members: ['alpha', 'beta'], contribution: 0, formedTurn: 2, endsTurn: 3 });
    expect(conditionHolds(level, s, { if: 'pactActive' })).toBe(true);
  });
});

describe('event effects', () => {
  it('applies every kind, clamped to its range', () => {
    const s = makeState(level);
    const run = (e: Effect) => applyEffect(level, s, e, 'event: test');
    run({ do: 'stat', state: 'all', stat: 'stability', delta: 60 });
    expect(Object.values(s.players).map((p) => p.stability)).toEqual([100, 100, 100, 100]);
    run({ do: 'stat', state: 'beta', stat: 'income', delta: -50 });
    expect(s.players.beta.income).toBe(0);
    run({ do: 'segmentRisk', segment: 's-east', delta: 95 });
    expect(s.segments['s-east'].risk).toBe(100);
    run({ do: 'segmentCapacity', segment: 's-ferry', deltaBp: -2500 });
    expect(s.segments['s-ferry'].capacity).toBe(3000);
    run({ do: 'altRoute', route: 'northern', capacityBp: 5000, costDelta: -200, riskDelta: 10 });
    expect(s.altRoutes.northern).toMatchObject({ capacity: 7500, cost: 0, risk: 30 });
    run({ do: 'animosity', from: 'all', to: 'gamma', delta: 5 });
    expect([s.animosity.alpha.gamma, s.animosity.delta.gamma]).toEqual([25, 25]);
    expect(s.animosityLog.every((c) => c.cause === 'event: test')).toBe(true);
    run({ do: 'stance', force: 'russia', delta: -80 });
    expect(s.stances.russia).toBe(0);
    run({ do: 'demand', deltaBp: -5000 });
    expect(s.demand).toBe(10000);
    run({ do: 'segmentStatus', segment: 's-new', status: 'open' });
    expect(s.segments['s-new']).toMatchObject({ status: 'open', openedTurn: 1 });
    run({ do: 'segmentStatus', segment: 's-west', status: 'damaged' });
    expect(s.segments['s-west'].status).toBe('damaged');
    run({ do: 'peace', delta: 5 });
    expect(s.peaceStage).toBe(2);
    expect(s.peaceHeld).toBe(true);
    run({ do: 'peace', delta: -1 });
    expect(s.peaceStage).toBe(1);
    expect(s.peaceHeld).toBe(false);
  });

  it('powerFunding pays a grant into a planned stage, cut to what it needs, as no one\'s contribution', () => {
    const s = makeState(level);
    s.power.pw1.funded = 30;
    s.power.pw1.contributions = { alpha: 30 };
    const trace = applyEffect(level, s, { do: 'powerFunding', stage: 'pw1', amount: 500 }, 'event: test');
    expect(s.power.pw1).toMatchObject({ funded: 100, status: 'planned', contributions: { alpha: 30 } }); // cost 100
    expect(trace).toBe('pw1 funded +70 -> 100 of 100');
    // It then starts building in the pledges step, as a stage its pledges fund in full does.
    payPledges(level, s, forcedRng('never'));
    expect(s.power.pw1.status).toBe('done'); // buildTurns 1
    // A stage building or done gets nothing.
    s.power.pw2.status = 'building';
    expect(applyEffect(level, s, { do: 'powerFunding', stage: 'pw2', amount: 10 }, 'event: test')).toBe('pw2 not affected (building)');
    expect(s.power.pw2.funded).toBe(0);
  });

  it('capacity doubled again and again stops at the rules\' cap instead of overflowing', () => {
    const s = makeState(level);
    for (let i = 0; i < 200; i++) {
      applyEffect(level, s, { do: 'segmentCapacity', segment: 's-ferry', deltaBp: 10000 }, 'event: test');
      applyEffect(level, s, { do: 'altRoute', route: 'northern', capacityBp: 10000, costDelta: 0, riskDelta: 0 }, 'event: test');
    }
    expect(s.segments['s-ferry'].capacity).toBe(RULES.maxCapacity);
    expect(s.altRoutes.northern.capacity).toBe(RULES.maxCapacity);
  });
});
