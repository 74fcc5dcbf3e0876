// Building a GameState from (level, seed, seats). Every hidden value is drawn here
// from the seed, in a fixed order, so reading the level file does not reveal a game.
import type { LoadedLevel } from './level';
import { indexOf } from './lookup';
import { restoreRng, seedRng } from './rng';
import { startTurn } from './turn/index';
import { updateScores } from './turn/score';
import { clamp } from './util';
import { deepFreeze, markOpen } from './cow';
import type { GameState, PlayerState, StateId } from './types';

export type Seats = Record<StateId, 'human' | 'bot'>;

export interface NewGameOptions {
  seed: string;
  seats?: Partial<Seats>;
  /** false: write no narration (GameState.silent), for a run that only checks hashes. */
  narrate?: boolean;
}

/** A reason a person can read, or null. Missing seats default to bots. */
export function checkSeats(level: LoadedLevel, seats: unknown): string | null {
  if (seats === undefined) return null;
  if (typeof seats !== 'object' || seats === null || Array.isArray(seats)) return 'seats must map state ids to "human" or "bot"';
  const idx = indexOf(level);
  for (const [id, kind] of Object.entries(seats)) {
    if (!idx.states.has(id)) return `seat "${id}" is not a player state of ${level.name} (states: ${idx.stateIds.join(', ')})`;
    if (kind !== 'human' && kind !== 'bot') return `seat ${id} must be "human" or "bot", not ${JSON.stringify(kind)}`;
  }
  return null;
}

export function newGame(level: LoadedLevel, options: NewGameOptions): GameState {
  // Every state is deep-frozen (see cow.ts): actions share its parts, treeHash caches them.
  return deepFreeze(openGame(level, options));
}

export const MAX_SEED_LENGTH = 200;

/** Why a seed cannot start a game (null: it can): a non-empty string of at most 200 characters. */
export function seedProblem(seed: unknown): string | null {
  return typeof seed !== 'string' || seed.length === 0 || seed.length > MAX_SEED_LENGTH ? `seed must be a non-empty string of at most ${MAX_SEED_LENGTH} characters` : null;
}

/**
 * newGame's state, not frozen: for a caller that owns it and runs it open (openStep), keeping
 * none of its states, as a replay being verified does. Its first turn then resolves in place
 * instead of copying every part, and nothing is frozen only to be copied.
 */
export function openGame(level: LoadedLevel, options: NewGameOptions): GameState {
  const seatError = checkSeats(level, options.seats);
  if (seatError) throw new RangeError(seatError);
  const seedError = seedProblem(options.seed);
  if (seedError) throw new RangeError(seedError);
  const idx = indexOf(level);
  const rng = restoreRng(seedRng(options.seed));
  const seats: Seats = {};
  for (const id of idx.stateIds) seats[id] = options.seats?.[id] ?? 'bot';

  const players: Record<StateId, PlayerState> = {};
  for (const st of level.states) {
    const agenda = st.agendas[rng.int(st.agendas.length)];
    const fees: PlayerState['fees'] = {};
    for (const seg of level.segments) if (seg.owners.includes(st.id)) fees[seg.id] = 'standard';
    const intel: Record<StateId, number> = {};
    for (const other of idx.stateIds) if (other !== st.id) intel[other] = 0;
    players[st.id] = {
      treasury: st.treasury,
      income: st.income,
      stability: st.stability,
      security: st.security,
      reputation: st.reputation,
      agenda: agenda.id,
      fees,
      intel,
      revenueTotal: 0,
      revenueLast: 0,
      joinedPact: false,
      pactPartners: [],
    };
  }

  const stances: Record<string, number> = {};
  for (const f of level.forces) stances[f.id] = clamp(rng.between(f.stance.base - f.stance.spread, f.stance.base + f.stance.spread), 0, 100);

  // Animosity, then the position of the truth inside each viewer's estimate band.
  const animosity: GameState['animosity'] = {};
  for (const a of idx.actorIds) {
    animosity[a] = {};
    for (const b of idx.actorIds) {
      if (a === b) continue;
      const r = level.animosity[a]?.[b] ?? { base: 20, spread: 10 };
      animosity[a][b] = clamp(rng.between(r.base - r.spread, r.base + r.spread), 0, 100);
    }
  }
  const perception: GameState['perception'] = {};
  for (const viewer of idx.stateIds) {
    perception[viewer] = {};
    for (const other of idx.actorIds) if (other !== viewer) perception[viewer][other] = rng.int(10001);
  }
  // Seats and perception never change in a game: frozen even in an open run, so that every
  // checkpoint hash after the first reuses their digest.
  deepFreeze(perception);
  Object.freeze(seats);

  const segments: GameState['segments'] = {};
  for (const seg of level.segments) {
    segments[seg.id] = {
      status: seg.status,
      capacity: seg.capacity,
      risk: seg.risk,
      funded: seg.status === 'building' ? seg.cost : 0,
      progress: 0,
      upgrading: false,
      feeCap: null,
      cofunders: [],
      flow: 0,
      openedTurn: seg.status === 'open' ? 0 : null,
    };
  }
  const altRoutes: GameState['altRoutes'] = {};
  for (const r of level.alternativeRoutes) altRoutes[r.id] = { capacity: r.capacity, cost: r.cost, risk: r.risk, flow: 0 };
  const power: GameState['power'] = {};
  for (const st of level.powerLine?.stages ?? []) power[st.id] = { funded: 0, progress: 0, status: 'planned', contributions: {} };

  const s: GameState = {
    format: 'corridor-state',
    levelId: level.id,
    levelHash: level.hash,
    seed: options.seed,
    seats,
    rng: rng.save(),
    turn: 1,
    phase: 'diplomacy',
    revealed: false,
    players,
    stances,
    animosity,
    perception,
    // Built member by member, a record this large is a slow dictionary in V8; a spread copy
    // of it has a fast layout, which every later read of a segment's state gains from.
    segments: { ...segments },
    altRoutes,
    power,
    powerEnergisedTurn: null,
    peaceStage: level.peaceTrack ? (idx.peaceStageIndex.get(level.peaceTrack.start) ?? 0) : 0,
    peaceHeld: true,
    demand: level.demand.start,
    pacts: [],
    pledges: [],
    proposals: [],
    nextProposal: 1,
    diplomacyDone: Object.fromEntries(idx.stateIds.map((id) => [id, false])),
    orders: Object.fromEntries(idx.stateIds.map((id) => [id, null])),
    news: [],
    injected: [],
    eventsSeen: [],
    log: [[], []],
    animosityLog: [],
    turnFigures: [],
    history: [],
    scores: Object.fromEntries(idx.stateIds.map((id) => [id, 0])),
  };
  if (options.narrate === false) s.silent = true;
  // The first turn's news is part of setup, drawn with the same generator.
  const turnRng = restoreRng(s.rng);
  startTurn(level, s, turnRng);
  s.rng = turnRng.save();
  updateScores(level, s, null); // the running scores from the start, after the first news
  return markOpen(s);
}
