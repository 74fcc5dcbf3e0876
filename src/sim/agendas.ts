// Secret agendas: whether a state's agenda is met now, and a line of progress for its
// owner. Evaluated from the state alone, so the same call serves scores and views.
import type { LoadedLevel } from './level';
import type { Agenda } from './level-schema';
import { indexOf } from './lookup';
import { networkIndex, segmentUsable } from './network';
import { stagesDone } from './effects';
import { money, mt, nameOf } from './util';
import type { GameState, StateId } from './types';

export interface AgendaStatus { met: boolean; progress: string }

export function agendaOf(level: LoadedLevel, s: GameState, stateId: StateId): Agenda | undefined {
  const def = indexOf(level).states.get(stateId);
  const id = s.players[stateId]?.agenda;
  return def?.agendas.find((a) => a.id === id);
}

/** Corridor cargo (kt/yr, last allocation) on routes that cross a segment the state owns. */
export function cargoThrough(level: LoadedLevel, s: GameState, stateId: StateId): { through: number; total: number } {
  const last = s.history.length ? s.history[s.history.length - 1] : null;
  if (!last) return { through: 0, total: 0 };
  let through = 0;
  for (const i of networkIndex(level).routesThrough.get(stateId) ?? []) through += last.routeFlows[level.routes[i].id] ?? 0;
  return { through, total: last.throughput };
}

const pct = (bp: number) => `${Math.floor(bp / 100)}%`;

/** Whether the agenda is met now, without the text (what scoring needs). */
export function agendaMet(level: LoadedLevel, s: GameState, stateId: StateId): boolean {
  const a = agendaOf(level, s, stateId);
  const p = s.players[stateId];
  if (!a || !p) return false;
  switch (a.kind) {
    case 'neverJoinPact':
      return !p.joinedPact;
    case 'treasuryAtLeast':
      return p.treasury >= a.amount;
    case 'stabilityAtLeast':
      return p.stability >= a.value;
    case 'noPactWith':
      return !p.pactPartners.includes(a.state);
    case 'powerLineBy':
      return s.powerEnergisedTurn !== null && s.powerEnergisedTurn <= a.turn;
    case 'segmentOpenBy': {
      const opened = s.segments[a.segment]?.openedTurn ?? null;
      return opened !== null && opened <= a.turn;
    }
    default:
      return agendaStatus(level, s, stateId).met;
  }
}

// Named helpers live at module level: a closure made per call costs more than the call.
function stageName(level: LoadedLevel, id: string): string {
  const track = level.peaceTrack;
  return track ? track.stages[indexOf(level).peaceStageIndex.get(id) ?? 0]?.name ?? id : id;
}

export function agendaStatus(level: LoadedLevel, s: GameState, stateId: StateId): AgendaStatus {
  const a = agendaOf(level, s, stateId);
  const p = s.players[stateId];
  if (!a || !p) return { met: false, progress: 'no agenda' };
  const idx = indexOf(level);
  const track = level.peaceTrack;
  const peaceNow = track ? track.stages[s.peaceStage]?.name ?? '' : 'none';
  switch (a.kind) {
    case 'neverJoinPact':
      return p.joinedPact ? { met: false, progress: 'you have joined a security pact' } : { met: true, progress: 'you have stayed out of every security pact' };
    case 'cargoShare': {
      const { through, total } = cargoThrough(level, s, stateId);
      if (total <= 0) return { met: false, progress: `no corridor cargo yet (goal ${pct(a.atLeastBp)})` };
      const bp = Math.floor((through * 10000) / total);
      return { met: bp >= a.atLeastBp, progress: `${pct(bp)} of corridor cargo crosses you (goal ${pct(a.atLeastBp)})` };
    }
    case 'powerLineBy': {
      const total = level.powerLine?.stages.length ?? 0;
      const met = s.powerEnergisedTurn !== null && s.powerEnergisedTurn <= a.turn;
      if (s.powerEnergisedTurn !== null) return { met, progress: `power line energised on turn ${s.powerEnergisedTurn} (deadline turn ${a.turn})` };
      return { met: false, progress: `${stagesDone(level, s)} of ${total} power-line stages done (deadline turn ${a.turn})` };
    }
    case 'segmentOpenBy': {
      const st = s.segments[a.segment];
      const name = idx.segments.get(a.segment)?.name ?? a.segment;
      const opened = st?.openedTurn ?? null;
      const met = opened !== null && opened <= a.turn;
      if (opened !== null) return { met, progress: `${name} opened on turn ${opened} (deadline turn ${a.turn})` };
      return { met: false, progress: `${name} is ${st?.status ?? 'unknown'} (deadline turn ${a.turn})` };
    }
    case 'segmentClosed': {
      const name = idx.segments.get(a.segment)?.name ?? a.segment;
      const usable = segmentUsable(level, s, a.segment);
      return { met: !usable, progress: usable ? `${name} is carrying cargo` : `${name} carries no cargo` };
    }
    case 'peaceAtLeast': {
      const need = idx.peaceStageIndex.get(a.stage);
      const met = !!track && need !== undefined && s.peaceStage >= need;
      return { met, progress: `peace track at "${peaceNow}" (goal: at least "${stageName(level, a.stage)}")` };
    }
    case 'peaceBelow': {
      const need = idx.peaceStageIndex.get(a.stage);
      const met = !track || (need !== undefined && s.peaceStage < need);
      return { met, progress: `peace track at "${peaceNow}" (goal: below "${stageName(level, a.stage)}")` };
    }
    case 'treasuryAtLeast':
      return { met: p.treasury >= a.amount, progress: `treasury ${money(p.treasury)} (goal ${money(a.amount)})` };
    case 'stabilityAtLeast':
      return { met: p.stability >= a.value, progress: `stability ${p.stability} (goal ${a.value})` };
    case 'noPactWith': {
      const shared = p.pactPartners.includes(a.state);
      return { met: !shared, progress: shared ? `you have shared a pact with ${nameOf(level, a.state)}` : `no pact with ${nameOf(level, a.state)} so far` };
    }
    case 'throughputAtLeast': {
      const last = s.history.length ? s.history[s.history.length - 1].throughput : 0;
      return { met: last >= a.kt, progress: `corridor throughput ${mt(last)} (goal ${mt(a.kt)})` };
    }
  }
}
