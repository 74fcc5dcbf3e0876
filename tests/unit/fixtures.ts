// A tiny hand-made level and a hand-built GameState for the turn-rule tests, so the
// tests do not depend on the default level's numbers or on newGame's draws; and the
// shipped levels, read as the CLI reads them.
import { readFileSync } from 'node:fs';
import { autoplay, type AutoplayOptions, type AutoplayResult } from '../../src/ai/autoplay';
import { loadLevelData, parseLevelText, type LoadedLevel } from '../../src/sim/level';
import { makeReplay, type Replay } from '../../src/sim/replay';
import { seedRng, type Rng } from '../../src/sim/rng';
import type { GameState, Orders, PlayerState } from '../../src/sim/types';

const agenda = (kind: string, extra: Record<string, unknown> = {}) => ({ kind, id: `ag-${kind.toLowerCase()}`, name: kind, text: `agenda ${kind}`, ...extra });
const state = (id: string, name: string, agendas: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  name,
  treasury: 500,
  income: 10,
  stability: 50,
  security: 20,
  reputation: 50,
  objective: `${name} wants trade`,
  agendas,
  ...extra,
});
const seg = (id: string, from: string, to: string, owners: string[], extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  from,
  to,
  mode: 'rail',
  owners,
  status: 'open',
  capacity: 6000,
  cost: 100,
  buildTurns: 2,
  transitCost: 20,
  days: 4,
  risk: 10,
  ...extra,
});

/** Every ordered pair at base 20 (spread 0) unless listed as "a>b". */
function matrix(ids: string[], bases: Record<string, number>): Record<string, Record<string, { base: number; spread: number }>> {
  const out: Record<string, Record<string, { base: number; spread: number }>> = {};
  for (const a of ids) {
    out[a] = {};
    for (const b of ids) if (a !== b) out[a][b] = { base: bases[`${a}>${b}`] ?? 20, spread: 0 };
  }
  return out;
}

export function tinyLevelData(): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'tiny',
    name: 'Tiny',
    description: 'A four-state test level.',
    turns: 4,
    startYear: 2030,
    sources: [],
    states: [
      state('alpha', 'Alpha', [agenda('neverJoinPact'), agenda('cargoShare', { atLeastBp: 5000 })]),
      state('beta', 'Beta', [agenda('treasuryAtLeast', { amount: 400 }), agenda('peaceBelow', { stage: 'signed' })]),
      state('gamma', 'Gamma', [agenda('throughputAtLeast', { kt: 1000 }), agenda('segmentOpenBy', { segment: 's-new', turn: 3 }), agenda('stabilityAtLeast', { value: 60 })]),
      state('delta', 'Delta', [agenda('peaceAtLeast', { stage: 'signed' }), agenda('noPactWith', { state: 'beta' }), agenda('powerLineBy', { turn: 4 }), agenda('segmentClosed', { segment: 's-peace' })]),
    ],
    forces: [
      { id: 'china', name: 'China', role: 'cargo origin', stance: { base: 50, spread: 0 } },
      { id: 'eu', name: 'EU', role: 'market', stance: { base: 60, spread: 0 } },
      { id: 'russia', name: 'Russia', role: 'northern route', stance: { base: 50, spread: 0 } },
    ],
    nodes: [
      { id: 'east', name: 'East', lat: 40, lon: 80, country: 'china' },
      { id: 'a1', name: 'A-Town', lat: 40, lon: 60, country: 'alpha' },
      { id: 'b1', name: 'B-Port', lat: 40, lon: 50, country: 'beta' },
      { id: 'west', name: 'West', lat: 40, lon: 30, country: 'gamma' },
    ],
    segments: [
      seg('s-east', 'east', 'a1', ['alpha'], { capacity: 10000 }),
      seg('s-ferry', 'a1', 'b1', ['alpha', 'beta'], { mode: 'ferry', capacity: 4000, transitCost: 30, days: 2, risk: 20, upgrade: { capacity: 8000, cost: 50, buildTurns: 2 } }),
      seg('s-west', 'b1', 'west', ['beta', 'gamma']),
      seg('s-new', 'b1', 'west', ['gamma'], { status: 'planned', capacity: 5000, cost: 80 }),
      seg('s-peace', 'a1', 'west', ['delta'], { mode: 'road', capacity: 3000, requires: { peace: 'signed' } }),
      seg('s-cable', 'a1', 'b1', ['alpha', 'beta'], { mode: 'cable', capacity: 0 }),
    ],
    origins: ['east'],
    markets: ['west'],
    demand: { start: 20000, growthBp: 200 },
    targetThroughput: 8000,
    alternativeRoutes: [
      { id: 'northern', name: 'Northern', via: ['russia'], capacity: 5000, cost: 100, days: 15, risk: 20 },
      { id: 'sea', name: 'Sea', via: [], capacity: 10000000, cost: 50, days: 45, risk: 5, sea: true },
    ],
    powerLine: {
      id: 'line',
      name: 'Test Line',
      stages: [
        { id: 'pw1', name: 'Stage One', from: 'a1', to: 'b1', hosts: ['alpha'], cost: 100, buildTurns: 1 },
        { id: 'pw2', name: 'Stage Two', from: 'b1', to: 'west', hosts: ['beta', 'gamma'], cost: 60, buildTurns: 2 },
      ],
    },
    peaceTrack: {
      id: 'track',
      name: 'Test Peace',
      parties: ['beta', 'delta'],
      guarantors: ['gamma'],
      stages: [
        { id: 'talks', name: 'Talks' },
        { id: 'signed', name: 'Signed' },
        { id: 'ratified', name: 'Ratified' },
      ],
      start: 'talks',
      holdRiskBp: 300,
    },
    animosity: matrix(['alpha', 'beta', 'gamma', 'delta', 'china', 'eu', 'russia'], { 'beta>delta': 30, 'delta>beta': 30 }),
    events: [
      { id: 'e-boom', title: 'Boom', text: 'Trade booms.', weight: 10, once: false, effects: [{ do: 'demand', deltaBp: 1000 }] },
      { id: 'e-tension', title: 'Tension', text: 'Words are exchanged.', weight: 30, conditions: [{ if: 'turnAtLeast', turn: 2 }], effects: [{ do: 'animosity', from: 'beta', to: 'delta', delta: 10 }] },
      { id: 'e-quake', title: 'Quake', text: 'A quake hits the west line.', weight: 0, effects: [{ do: 'segmentStatus', segment: 's-west', status: 'damaged' }] },
      { id: 'e-cool', title: 'Cooling', text: 'Russia cools.', weight: 0, effects: [{ do: 'stance', force: 'russia', delta: -30 }, { do: 'stat', state: 'all', stat: 'treasury', delta: -5 }] },
    ],
  };
}

/** A level file (e.g. levels/tutorial.json), which must load. */
export function levelFile(file: string): LoadedLevel {
  const r = parseLevelText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.level;
}

/** A bot game (autoplay with `options`) and its replay, with every checkpoint. */
export function botReplay(level: LoadedLevel, seed: string, options: Omit<AutoplayOptions, 'seed'> = {}): { game: AutoplayResult; replay: Replay } {
  const game = autoplay(level, { ...options, seed });
  return { game, replay: makeReplay(level, { seed, seats: game.state.seats, actions: game.actions, checkpoints: game.checkpoints }) };
}

export function loadTiny(data: Record<string, unknown> = tinyLevelData()): LoadedLevel {
  const res = loadLevelData(data);
  if (!res.ok) throw new Error(`fixture level is invalid: ${JSON.stringify(res.findings)}`);
  return res.level;
}

export function emptyOrders(): Orders {
  return { invest: [], fees: {}, security: 0, intel: null };
}

/** A state built by hand: every animosity at its level base (20 when unlisted), stances at base, first agenda each. */
export function makeState(level: LoadedLevel): GameState {
  const stateIds = level.states.map((s) => s.id);
  const actors = [...stateIds, ...level.forces.map((f) => f.id)];
  const players: Record<string, PlayerState> = {};
  for (const st of level.states) {
    const fees: PlayerState['fees'] = {};
    for (const sg of level.segments) if (sg.owners.includes(st.id)) fees[sg.id] = 'standard';
    const intel: Record<string, number> = {};
    for (const o of stateIds) if (o !== st.id) intel[o] = 0;
    players[st.id] = {
      treasury: st.treasury,
      income: st.income,
      stability: st.stability,
      security: st.security,
      reputation: st.reputation,
      agenda: st.agendas[0].id,
      fees,
      intel,
      revenueTotal: 0,
      revenueLast: 0,
      joinedPact: false,
      pactPartners: [],
    };
  }
  const animosity: GameState['animosity'] = {};
  const perception: GameState['perception'] = {};
  for (const a of actors) {
    animosity[a] = {};
    for (const b of actors) if (a !== b) animosity[a][b] = level.animosity[a]?.[b]?.base ?? 20;
  }
  for (const v of stateIds) {
    perception[v] = {};
    for (const o of actors) if (o !== v) perception[v][o] = 5000;
  }
  const segments: GameState['segments'] = {};
  for (const sg of level.segments) {
    segments[sg.id] = { status: sg.status, capacity: sg.capacity, risk: sg.risk, funded: 0, progress: 0, upgrading: false, feeCap: null, cofunders: [], flow: 0, openedTurn: sg.status === 'open' ? 0 : null };
  }
  const altRoutes: GameState['altRoutes'] = {};
  for (const r of level.alternativeRoutes) altRoutes[r.id] = { capacity: r.capacity, cost: r.cost, risk: r.risk, flow: 0 };
  const power: GameState['power'] = {};
  for (const st of level.powerLine?.stages ?? []) power[st.id] = { funded: 0, progress: 0, status: 'planned', contributions: {} };
  return {
    format: 'corridor-state',
    levelId: level.id,
    levelHash: level.hash,
    seed: 'fixture',
    seats: Object.fromEntries(stateIds.map((id) => [id, 'bot'])),
    rng: seedRng('fixture'),
    turn: 1,
    phase: 'orders',
    revealed: false,
    players,
    stances: Object.fromEntries(level.forces.map((f) => [f.id, f.stance.base])),
    animosity,
    perception,
    segments,
    altRoutes,
    power,
    powerEnergisedTurn: null,
    peaceStage: 0,
    peaceHeld: true,
    demand: level.demand.start,
    pacts: [],
    pledges: [],
    proposals: [],
    nextProposal: 1,
    diplomacyDone: Object.fromEntries(stateIds.map((id) => [id, true])),
    orders: Object.fromEntries(stateIds.map((id) => [id, emptyOrders()])),
    news: [],
    injected: [],
    eventsSeen: [],
    log: [[], []],
    animosityLog: [],
    turnFigures: [],
    history: [],
    scores: Object.fromEntries(stateIds.map((id) => [id, 0])),
  };
}

/** An Rng whose chance() answers by rule: 'always' = any positive chance hits, 'never' = only certainty hits. */
export function forcedRng(mode: 'always' | 'never', ints: number[] = []): Rng & { asked: number[] } {
  const asked: number[] = [];
  let k = 0;
  return {
    asked,
    int: (n: number) => (n <= 1 ? 0 : Math.min(n - 1, ints[k++] ?? 0)),
    chance: (bp: number) => {
      asked.push(bp);
      return mode === 'always' ? bp > 0 : bp >= 10000;
    },
    between: (lo: number) => lo,
    save: () => seedRng('forced'),
  };
}

export function bound(s: GameState, id: string, from: string, parties: string[], terms: GameState['proposals'][number]['terms']): void {
  const sorted = [...parties].sort();
  s.proposals.push({ id, turn: s.turn, from, parties: sorted, terms, responses: Object.fromEntries(sorted.map((p) => [p, 'accepted'])), status: 'bound' });
}

export function texts(s: GameState, turn = s.turn): string[] {
  return (s.log[turn] ?? []).map((e) => e.text);
}
