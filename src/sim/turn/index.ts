// The turn: startTurn deals the news; resolveTurn runs every resolution step in the fixed
// order of docs/RULES.md; finalizeGame settles the final scores and reveals the agendas.
import type { LoadedLevel } from '../level';
import type { LevelEvent } from '../level-schema';
import { indexOf } from '../lookup';
import { agendaOf, agendaStatus } from '../agendas';
import { applyEvent, eventEligible } from '../effects';
import { compareStrings } from '../hash';
import { forFacilitator, logEntry } from '../log';
import { meanStance, networkIndex } from '../network';
import { clamp, mt, nameOf } from '../util';
import type { GameState } from '../types';
import type { Rng } from '../rng';
import { advanceConstruction } from './build';
import { allocateCargo } from './cargo';
import { newContext } from './context';
import { driftAnimosity } from './drift';
import { rollIncidents } from './incidents';
import { mulDiv } from './math';
import { applyOrders } from './orders';
import { onPlainState } from './detach';
import { checkPacts } from './pacts';
import { checkPeace } from './peace';
import { payPledges } from './pledges';
import { ratifyDeals } from './ratify';
import { collectRevenue } from './revenue';
import { RULES } from './rules';
import { recordTurn, updateScores } from './score';

/** All resolution steps of s.turn, in their fixed order. */
export function resolveTurn(level: LoadedLevel, draft: GameState, rng: Rng): void {
  onPlainState(draft, (s) => resolveSteps(level, s, rng));
}

function resolveSteps(level: LoadedLevel, s: GameState, rng: Rng): void {
  while (s.log.length <= s.turn) s.log.push([]);
  const ctx = newContext();
  applyOrders(level, s);
  ratifyDeals(level, s, rng, ctx);
  advanceConstruction(level, s, rng);
  payPledges(level, s, rng);
  rollIncidents(level, s, rng);
  checkPacts(level, s, rng);
  checkPeace(level, s, rng, ctx);
  allocateCargo(level, s, ctx);
  collectRevenue(level, s, ctx.segments ?? undefined);
  driftAnimosity(level, s);
  recordTurn(level, s, ctx);
}

/** Demand growth per turn, scaled by the origin forces' stance (50 = as the level says). */
export function growthBpNow(level: LoadedLevel, s: GameState): number {
  const stance = meanStance(s, networkIndex(level).originForces);
  return Math.floor((level.demand.growthBp * (RULES.stanceGrowthOffset + stance)) / 100);
}

function deal(level: LoadedLevel, s: GameState, ev: LevelEvent, how: string): void {
  s.news.push(ev.id);
  if (!s.eventsSeen.includes(ev.id)) s.eventsSeen.push(ev.id);
  const was = s.peaceStage;
  const trace = applyEvent(level, s, ev);
  if (!s.silent) logEntry(s, 'news', `${ev.title}: ${ev.text}`, 'all', [forFacilitator(`${how}; effects: ${trace.join('; ')}`)]);
  // A move of the peace track is public whatever moved it, as a ratified step or a fall-back is.
  const track = level.peaceTrack;
  if (track && s.peaceStage !== was) {
    const now = track.stages[s.peaceStage].name;
    const text = s.peaceStage > was ? `The ${track.name} reaches "${now}".` : `The ${track.name} falls back to "${now}" (it had reached "${track.stages[was].name}").`;
    logEntry(s, 'news', text, 'all');
  }
}

/** The news of s.turn: the facilitator's injected events first, then weighted draws. */
export function startTurn(level: LoadedLevel, draft: GameState, rng: Rng): void {
  onPlainState(draft, (s) => dealNews(level, s, rng));
}

function dealNews(level: LoadedLevel, s: GameState, rng: Rng): void {
  while (s.log.length <= s.turn) s.log.push([]);
  if (s.turn > 1) {
    const bp = growthBpNow(level, s);
    s.demand = clamp(s.demand + mulDiv(s.demand, bp, 10000), 0, RULES.maxDemand);
  }
  const idx = indexOf(level);
  s.news = [];
  const queued = s.injected;
  s.injected = [];
  for (const id of queued) {
    const ev = idx.events.get(id);
    if (ev && !s.news.includes(id)) deal(level, s, ev, 'injected by the facilitator');
  }
  for (let k = 0; k < level.params.eventsPerTurn; k++) {
    let total = 0;
    const eligible: LevelEvent[] = [];
    for (const ev of level.events) {
      if (s.news.includes(ev.id) || !eventEligible(level, s, ev)) continue;
      eligible.push(ev);
      total += ev.weight;
    }
    if (total <= 0) break;
    let r = rng.int(total);
    let pick = eligible[eligible.length - 1];
    for (const ev of eligible) {
      if (r < ev.weight) {
        pick = ev;
        break;
      }
      r -= ev.weight;
    }
    deal(level, s, pick, `drawn with weight ${pick.weight} of ${total} among ${eligible.length} eligible event(s)`);
  }
}

/** The turn whose resolution ends the game: the level's last, or the facilitator's early end. */
export function lastTurnOf(level: LoadedLevel, s: GameState): number {
  return s.endsAfter ?? level.turns;
}

/** After the last turn's resolution: final scores, every agenda revealed, the standings. */
export function finalizeGame(level: LoadedLevel, draft: GameState): void {
  onPlainState(draft, (s) => settleGame(level, s));
}

function settleGame(level: LoadedLevel, s: GameState): void {
  while (s.log.length <= s.turn) s.log.push([]);
  const last = s.history.length ? s.history[s.history.length - 1] : null;
  // The final scores: the last turn's running scores (its record stands) plus met agendas.
  updateScores(level, s, null, true);
  const ids = indexOf(level).stateIds;
  for (const id of ids) {
    const a = agendaOf(level, s, id);
    if (!a) continue;
    const st = agendaStatus(level, s, id);
    logEntry(s, 'final', `${nameOf(level, id)}'s secret agenda was "${a.name}": ${st.met ? 'met' : 'not met'} (${st.progress}).`, 'all');
  }
  const ranked = [...ids].sort((a, b) => s.scores[b] - s.scores[a] || ids.indexOf(a) - ids.indexOf(b) || compareStrings(a, b));
  logEntry(s, 'final', `Final scores: ${ranked.map((id) => `${nameOf(level, id)} ${s.scores[id]}`).join(', ')}.`, 'all');
  const through = last?.throughput ?? 0;
  const track = level.peaceTrack;
  logEntry(
    s,
    'final',
    `Together: the corridor carries ${mt(through)} of the ${mt(level.targetThroughput)} target; the power line is ${s.powerEnergisedTurn !== null ? `energised (turn ${s.powerEnergisedTurn})` : 'not energised'}${track ? `; the ${track.name} stands at "${track.stages[s.peaceStage].name}"${s.peaceHeld ? '' : ' after falling back'}` : ''}.`,
    'all',
  );
}
