// Step 11: scores and the turn's record. Every state is measured against its own start,
// so that every seat can win whatever its geography:
//   running = head start + prosperity + (stability - its start) + (reputation - its start)
//   prosperity = floor(prosperityPoints x R / (R + income x turns played)), R = corridor revenue
// (the share of the state's own earnings that the corridor brought in). The final score adds
// agendaPoints for a met secret agenda: a running score that counted the agenda would tell
// every player whose secret agenda is met.
import type { LoadedLevel } from '../level';
import type { Level } from '../level-schema';
import { indexOf } from '../lookup';
import { agendaMet } from '../agendas';
import { stagesDone } from '../effects';
import type { GameState, ScoreParts, StateId, TurnFigures, TurnRecord } from '../types';
import type { TurnContext } from './context';
import { mulDiv } from './math';

/** floor(prosperityPoints x R / (R + income x turns played)): 0 before any revenue. */
export function prosperityOf(level: LoadedLevel, s: GameState, id: StateId): number {
  const p = s.players[id];
  const revenue = Math.max(0, p.revenueTotal);
  const earned = revenue + Math.max(0, p.income) * s.history.length;
  return revenue > 0 && earned > 0 ? mulDiv(level.params.prosperityPoints, revenue, earned) : 0;
}

/** The level's head start for a state (0 when it lists none). */
export function headStartOf(level: Level, id: StateId): number {
  const table = level.params.headStart;
  return table && Object.prototype.hasOwnProperty.call(table, id) ? table[id] : 0;
}

/** What a score is made of (ScoreParts); they add up to it. */
export function scorePartsOf(level: LoadedLevel, s: GameState, id: StateId, final = false): ScoreParts {
  const p = s.players[id];
  const start = indexOf(level).states.get(id);
  return {
    headStart: headStartOf(level, id),
    prosperity: prosperityOf(level, s, id),
    stability: start ? p.stability - start.stability : 0,
    reputation: start ? p.reputation - start.reputation : 0,
    agenda: final && agendaMet(level, s, id) ? level.params.agendaPoints : 0,
  };
}

/** The running score, or with `final` the final one (the agenda's points when it is met). */
export function scoreOf(level: LoadedLevel, s: GameState, id: StateId, final = false): number {
  const q = scorePartsOf(level, s, id, final);
  return q.headStart + q.prosperity + q.stability + q.reputation + q.agenda;
}

export function meanStateAnimosity(level: LoadedLevel, s: GameState): number {
  const ids = indexOf(level).stateIds;
  let sum = 0;
  let n = 0;
  for (const a of ids) {
    for (const b of ids) {
      if (a === b) continue;
      sum += s.animosity[a]?.[b] ?? 0;
      n += 1;
    }
  }
  return n ? Math.floor(sum / n) : 0;
}

export function updateScores(level: LoadedLevel, s: GameState, record: TurnRecord | null, final = false): void {
  for (const id of indexOf(level).stateIds) {
    const v = scoreOf(level, s, id, final);
    s.scores[id] = v;
    if (record) record.scores[id] = v;
  }
}

export function recordTurn(level: LoadedLevel, s: GameState, ctx: TurnContext): void {
  const ids = indexOf(level).stateIds;
  const record: TurnRecord = {
    turn: s.turn,
    throughput: ctx.throughput,
    demand: s.demand,
    routeFlows: ctx.routeFlows,
    scores: {},
    treasury: {},
    stability: {},
    meanAnimosity: meanStateAnimosity(level, s),
    peaceStage: s.peaceStage,
    powerStagesDone: stagesDone(level, s),
  };
  // The debrief's security and reputation: narration, so not in a silent run.
  const figures: TurnFigures | null = s.silent ? null : { turn: s.turn, security: {}, reputation: {} };
  for (const id of ids) {
    record.treasury[id] = s.players[id].treasury;
    record.stability[id] = s.players[id].stability;
    if (figures) {
      figures.security[id] = s.players[id].security;
      figures.reputation[id] = s.players[id].reputation;
    }
  }
  if (figures) s.turnFigures.push(figures);
  // Pushed before scoring: agendas read this turn's cargo from the latest record.
  s.history.push(record);
  updateScores(level, s, s.history[s.history.length - 1]);
}
