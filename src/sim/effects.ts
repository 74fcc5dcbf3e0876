// The event language: conditions that make an event eligible and the effects it has.
// Pure data interpreted here, so levels can add events without code.
import type { LoadedLevel } from './level';
import type { Condition, Effect, LevelEvent, Stat } from './level-schema';
import { indexOf } from './lookup';
import { changeAnimosity } from './animosity';
import { damageSegment, openSegment, pactActive } from './network';
import { mulDiv } from './turn/math';
import { RULES } from './turn/rules';
import { clamp, signedPct } from './util';
import type { GameState } from './types';

function peaceIndex(level: LoadedLevel, stage: string): number | undefined {
  return level.peaceTrack ? indexOf(level).peaceStageIndex.get(stage) : undefined;
}

export function conditionHolds(level: LoadedLevel, s: GameState, c: Condition): boolean {
  switch (c.if) {
    case 'turnAtLeast':
      return s.turn >= c.turn;
    case 'turnAtMost':
      return s.turn <= c.turn;
    case 'segmentStatus':
      return s.segments[c.segment]?.status === c.status;
    case 'peaceAtLeast': {
      const i = peaceIndex(level, c.stage);
      return i !== undefined && s.peaceStage >= i;
    }
    case 'peaceBelow': {
      const i = peaceIndex(level, c.stage);
      return i !== undefined && s.peaceStage < i;
    }
    case 'stanceAtLeast':
      return s.stances[c.force] !== undefined && s.stances[c.force] >= c.value;
    case 'stanceBelow':
      return s.stances[c.force] !== undefined && s.stances[c.force] < c.value;
    case 'statBelow': {
      const p = s.players[c.state];
      return !!p && p[c.stat] < c.value;
    }
    case 'statAtLeast': {
      const p = s.players[c.state];
      return !!p && p[c.stat] >= c.value;
    }
    case 'animosityAtLeast':
      return (s.animosity[c.from]?.[c.to] ?? 0) >= c.value;
    case 'powerStagesAtLeast':
      return stagesDone(level, s) >= c.count;
    case 'pactActive':
      return s.pacts.some((p) => pactActive(p, s.turn));
    case 'eventHappened':
      return s.eventsSeen.includes(c.event);
  }
}

export function stagesDone(level: LoadedLevel, s: GameState): number {
  let n = 0;
  for (const st of level.powerLine?.stages ?? []) if (s.power[st.id]?.status === 'done') n += 1;
  return n;
}

/** Drawable now: positive weight, not a spent one-off, every condition true. */
export function eventEligible(level: LoadedLevel, s: GameState, ev: LevelEvent): boolean {
  if (ev.weight <= 0) return false;
  if (ev.once && s.eventsSeen.includes(ev.id)) return false;
  for (const c of ev.conditions) if (!conditionHolds(level, s, c)) return false;
  return true;
}

function who(level: LoadedLevel, id: string): string[] {
  return id === 'all' ? indexOf(level).stateIds : [id];
}

function changeStat(s: GameState, id: string, stat: Stat, delta: number): void {
  const p = s.players[id];
  if (!p) return;
  if (stat === 'treasury') p.treasury += delta;
  else if (stat === 'income') p.income = Math.max(0, p.income + delta);
  else p[stat] = clamp(p[stat] + delta, 0, 100);
}

/** Applies one effect; returns a line for the facilitator's trace. */
export function applyEffect(level: LoadedLevel, s: GameState, e: Effect, causeText: string): string {
  const idx = indexOf(level);
  switch (e.do) {
    case 'stat':
      for (const id of who(level, e.state)) changeStat(s, id, e.stat, e.delta);
      return `${e.stat} ${signed(e.delta)} for ${e.state}`;
    case 'segmentStatus': {
      const st = s.segments[e.segment];
      const def = idx.segments.get(e.segment);
      if (!st || !def) return `segment ${e.segment} not found`;
      if (e.status === 'damaged') {
        if (st.status === 'open') damageSegment(st);
        else if (st.status === 'building') st.progress = Math.max(0, st.progress - 1);
        else return `${e.segment} not affected (${st.status})`;
      } else if (st.status !== 'open') {
        openSegment(st, def, s.turn);
      }
      return `${e.segment} -> ${st.status}`;
    }
    case 'segmentRisk': {
      const st = s.segments[e.segment];
      if (!st) return `segment ${e.segment} not found`;
      st.risk = clamp(st.risk + e.delta, 0, 100);
      return `${e.segment} risk ${signed(e.delta)} -> ${st.risk}`;
    }
    case 'segmentCapacity': {
      const st = s.segments[e.segment];
      if (!st) return `segment ${e.segment} not found`;
      st.capacity = clamp(st.capacity + mulDiv(st.capacity, e.deltaBp, 10000), 0, RULES.maxCapacity);
      return `${e.segment} capacity ${signedPct(e.deltaBp)} -> ${st.capacity} kt`;
    }
    case 'altRoute': {
      const st = s.altRoutes[e.route];
      if (!st) return `route ${e.route} not found`;
      st.capacity = clamp(st.capacity + mulDiv(st.capacity, e.capacityBp, 10000), 0, RULES.maxCapacity);
      st.cost = Math.max(0, st.cost + e.costDelta);
      st.risk = clamp(st.risk + e.riskDelta, 0, 100);
      return `${e.route}: capacity ${st.capacity} kt, cost ${st.cost}, risk ${st.risk}`;
    }
    case 'animosity': {
      for (const from of who(level, e.from)) for (const to of who(level, e.to)) changeAnimosity(s, from, to, e.delta, s.turn, causeText);
      return `animosity ${e.from} -> ${e.to} ${signed(e.delta)}`;
    }
    case 'stance': {
      if (s.stances[e.force] === undefined) return `force ${e.force} not found`;
      s.stances[e.force] = clamp(s.stances[e.force] + e.delta, 0, 100);
      return `${e.force} stance ${signed(e.delta)} -> ${s.stances[e.force]}`;
    }
    case 'demand':
      s.demand = clamp(s.demand + mulDiv(s.demand, e.deltaBp, 10000), 0, RULES.maxDemand);
      return `demand ${signedPct(e.deltaBp)} -> ${s.demand} kt`;
    case 'peace': {
      const track = level.peaceTrack;
      if (!track) return 'no peace track';
      const before = s.peaceStage;
      s.peaceStage = clamp(s.peaceStage + e.delta, 0, track.stages.length - 1);
      if (s.peaceStage < before) s.peaceHeld = false;
      return `peace track ${track.stages[before].id} -> ${track.stages[s.peaceStage].id}`;
    }
    case 'powerFunding': {
      // A grant from outside the players: it counts towards the cost but is no state's
      // contribution, so the line's revenue goes to the states' contributions alone.
      const st = s.power[e.stage];
      const def = idx.stages.get(e.stage);
      if (!st || !def) return `stage ${e.stage} not found`;
      if (st.status !== 'planned') return `${e.stage} not affected (${st.status})`;
      const paid = Math.min(e.amount, Math.max(0, def.cost - st.funded));
      st.funded += paid;
      return `${e.stage} funded +${paid} -> ${st.funded} of ${def.cost}`;
    }
  }
}

/** Applies an event's effects in order; returns the facilitator's trace lines. */
export function applyEvent(level: LoadedLevel, s: GameState, ev: LevelEvent): string[] {
  const cause = `event: ${ev.title}`;
  return ev.effects.map((e) => applyEffect(level, s, e, cause));
}

export function signed(n: number): string {
  return n >= 0 ? `+${n}` : `${n}`;
}
