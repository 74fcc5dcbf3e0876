import { describe, expect, it } from 'vitest';
import { agendaMet, agendaStatus } from '../../src/sim/agendas';
import { newContext } from '../../src/sim/turn/context';
import { driftAnimosity } from '../../src/sim/turn/drift';
import { loadLevelData } from '../../src/sim/level';
import { headStartOf, prosperityOf, recordTurn, scoreOf } from '../../src/sim/turn/score';
import { loadTiny, makeState, tinyLevelData } from './fixtures';

const level = loadTiny();

describe('animosity drift', () => {
  it('every second turn moves each value one point towards its level base', () => {
    const s = makeState(level);
    s.animosity.beta.delta = 35; // base 30
    s.animosity.alpha.beta = 10; // base 20
    driftAnimosity(level, s);
    expect(s.animosity.beta.delta).toBe(35);
    s.turn = 2;
    driftAnimosity(level, s);
    expect(s.animosity.beta.delta).toBe(34);
    expect(s.animosity.alpha.beta).toBe(11);
    expect(s.animosity.alpha.gamma).toBe(20);
    expect(s.animosityLog).toEqual([
      { turn: 2, from: 'alpha', to: 'beta', delta: 1, value: 11, cause: 'drift' },
      { turn: 2, from: 'beta', to: 'delta', delta: -1, value: 34, cause: 'drift' },
    ]);
  });
});

describe('scores', () => {
  /** A state after `turns` resolved turns (prosperity counts the state's income over them). */
  const played = (turns: number) => {
    const s = makeState(level);
    const ctx = { ...newContext(), throughput: 0, routeFlows: {} };
    for (let t = 0; t < turns; t++) recordTurn(level, s, ctx);
    return s;
  };

  it('prosperity: prosperityPoints x corridor revenue / (revenue + own income x turns played)', () => {
    const s = played(4); // alpha and beta: income 10, so 40 of their own over four turns
    expect(prosperityOf(level, s, 'alpha')).toBe(0); // no revenue, no prosperity
    s.players.alpha.revenueTotal = 40;
    expect(prosperityOf(level, s, 'alpha')).toBe(25); // half its earnings came from the corridor
    s.players.alpha.revenueTotal = 127;
    expect(prosperityOf(level, s, 'alpha')).toBe(38); // floor(50 x 127 / 167)
    // The same revenue counts for less in a larger economy: measured against its own income.
    s.players.beta.income = 30;
    s.players.beta.revenueTotal = 40;
    expect(prosperityOf(level, s, 'beta')).toBe(12); // floor(50 x 40 / 160)
    expect(prosperityOf(level, played(0), 'alpha')).toBe(0); // before the first turn
  });

  it('running: head start + prosperity + stability and reputation gained since the start, whatever the agenda', () => {
    const s = played(4);
    s.players.alpha.revenueTotal = 40;
    s.players.alpha.stability = 53; // start 50
    s.players.alpha.reputation = 48; // start 50
    expect(scoreOf(level, s, 'alpha')).toBe(25 + 3 - 2);
    s.players.alpha.joinedPact = true; // the agenda is no longer met
    expect(scoreOf(level, s, 'alpha')).toBe(25 + 3 - 2);
    expect(scoreOf(level, makeState(level), 'alpha')).toBe(0); // every seat starts level...
    const handicapped = loadTiny({ ...tinyLevelData(), params: { headStart: { beta: 7 } } });
    expect(headStartOf(handicapped, 'beta')).toBe(7); // ...unless the level gives a head start
    expect(headStartOf(handicapped, 'alpha')).toBe(0);
    expect(scoreOf(handicapped, makeState(handicapped), 'beta')).toBe(7);
  });

  it('final: the running score + agendaPoints while the agenda is met', () => {
    const s = played(4);
    s.players.alpha.revenueTotal = 40;
    expect(scoreOf(level, s, 'alpha', true)).toBe(25 + 60);
    s.players.alpha.joinedPact = true;
    expect(scoreOf(level, s, 'alpha', true)).toBe(25);
  });

  it('a head start for an id that is not a player state is an error, with a suggestion', () => {
    const res = loadLevelData({ ...tinyLevelData(), params: { headStart: { alpah: 5 } } });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.findings.map((f) => `${f.path.join('.')}: ${f.message}`)).toContain('params.headStart.alpah: unknown state "alpah" (did you mean "alpha"?)');
  });

  it('records the turn with flows, scores and the figures for the charts', () => {
    const s = makeState(level);
    const ctx = { ...newContext(), throughput: 900, routeFlows: { 'east>west#1': 900 } };
    recordTurn(level, s, ctx);
    expect(s.history).toHaveLength(1);
    expect(s.history[0]).toMatchObject({ turn: 1, throughput: 900, demand: 20000, peaceStage: 0, powerStagesDone: 0, meanAnimosity: 21 });
    expect(s.history[0].scores).toEqual(s.scores);
    expect(s.history[0].treasury.alpha).toBe(500);
  });
});

describe('agendas', () => {
  const withAgenda = (id: string, agenda: string) => {
    const s = makeState(level);
    s.players[id].agenda = agenda;
    return s;
  };

  it('cargoShare counts corridor cargo on routes crossing the state', () => {
    const s = withAgenda('alpha', 'ag-cargoshare');
    expect(agendaStatus(level, s, 'alpha').met).toBe(false);
    s.history.push({ turn: 1, throughput: 1000, demand: 0, routeFlows: { 'east>west#1': 600, 'east>west#3': 400 }, scores: {}, treasury: {}, stability: {}, meanAnimosity: 0, peaceStage: 0, powerStagesDone: 0 });
    expect(agendaStatus(level, s, 'alpha')).toEqual({ met: true, progress: '100% of corridor cargo crosses you (goal 50%)' });
    s.players.beta.agenda = 'ag-cargoshare';
    expect(agendaStatus(level, s, 'beta').met).toBe(false); // not a listed agenda of beta
    const g = withAgenda('gamma', 'ag-throughputatleast');
    g.history = s.history;
    expect(agendaStatus(level, g, 'gamma').met).toBe(true); // throughput 1000 >= 1000
  });

  it('every kind agrees between agendaMet and agendaStatus', () => {
    const cases: [string, string, (s: ReturnType<typeof makeState>) => void, boolean][] = [
      ['alpha', 'ag-neverjoinpact', () => {}, true],
      ['alpha', 'ag-neverjoinpact', (s) => (s.players.alpha.joinedPact = true), false],
      ['beta', 'ag-treasuryatleast', () => {}, true],
      ['beta', 'ag-treasuryatleast', (s) => (s.players.beta.treasury = 399), false],
      ['beta', 'ag-peacebelow', () => {}, true],
      ['beta', 'ag-peacebelow', (s) => (s.peaceStage = 1), false],
      ['gamma', 'ag-segmentopenby', () => {}, false],
      ['gamma', 'ag-segmentopenby', (s) => (s.segments['s-new'].openedTurn = 3), true],
      ['gamma', 'ag-segmentopenby', (s) => (s.segments['s-new'].openedTurn = 4), false],
      ['gamma', 'ag-stabilityatleast', (s) => (s.players.gamma.stability = 60), true],
      ['gamma', 'ag-throughputatleast', () => {}, false],
      ['delta', 'ag-peaceatleast', (s) => (s.peaceStage = 2), true],
      ['delta', 'ag-nopactwith', (s) => (s.players.delta.pactPartners = ['alpha']), true],
      ['delta', 'ag-nopactwith', (s) => (s.players.delta.pactPartners = ['beta']), false],
      ['delta', 'ag-powerlineby', (s) => (s.powerEnergisedTurn = 4), true],
      ['delta', 'ag-powerlineby', (s) => (s.powerEnergisedTurn = 5), false],
      ['delta', 'ag-segmentclosed', () => {}, true],
      ['delta', 'ag-segmentclosed', (s) => (s.peaceStage = 1), false],
    ];
    for (const [id, agenda, set, met] of cases) {
      const s = withAgenda(id, agenda);
      set(s);
      const st = agendaStatus(level, s, id);
      expect([agenda, st.met], st.progress).toEqual([agenda, met]);
      expect(agendaMet(level, s, id)).toBe(met);
      expect(st.progress.length).toBeGreaterThan(0);
    }
  });
});
