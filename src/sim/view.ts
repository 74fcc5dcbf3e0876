// viewFor: the only way state leaves the sim. Each viewer gets what it is entitled to:
// a state its own secrets and its own grudges, estimates of how others feel about it;
// 'public' (the projector) only public facts; 'facilitator' everything.
import type { LoadedLevel } from './level';
import { indexOf } from './lookup';
import { agendaStatus } from './agendas';
import { routeCost, segmentUsable } from './network';
import { describeTerms, thisTurnProposals } from './proposals';
import { clamp, nameOf } from './util';
import type { Audience, Estimate, GameState, LogEntry, PlayerView, StateId, Viewer } from './types';

export interface ViewOptions {
  /**
   * A brief view for bots: the log of the current and previous turn only, this turn's
   * proposals only, and no history or route table. Everything it does contain equals the full view.
   */
  brief?: boolean;
}

export function canRead(to: Audience, viewer: Viewer): boolean {
  if (viewer === 'facilitator' || to === 'all') return true;
  if (to === 'facilitator') return false;
  return viewer !== 'public' && to.includes(viewer);
}

export function periodOf(level: LoadedLevel, turn: number): string {
  const t = Math.max(1, turn);
  return `${level.startYear + Math.floor((t - 1) / 2)} H${((t - 1) % 2) + 1}`;
}

/** The band a viewer believes another's feeling towards it lies in; intelligence narrows it. */
export function estimateOf(value: number, offsetBp: number, intel: number): Estimate {
  const width = Math.max(8, 40 - Math.floor((clamp(intel, 0, 100) * 32) / 100));
  const lo = clamp(value - Math.floor((offsetBp * width) / 10000), 0, 100 - width);
  const hi = lo + width;
  const mid = lo + Math.floor(width / 2);
  return { lo, hi, label: width >= 36 && lo < 35 && hi > 65 ? 'uncertain' : mid < 35 ? 'low' : mid < 65 ? 'medium' : 'high' };
}

/** Seats the game waits for: in diplomacy those not done or with a proposal to answer; in orders those not submitted. */
export function waitingFor(level: LoadedLevel, s: GameState): StateId[] {
  const ids = indexOf(level).stateIds;
  if (s.phase === 'diplomacy') {
    const open = thisTurnProposals(s).filter((p) => p.status === 'open');
    return ids.filter((id) => !s.diplomacyDone[id] || open.some((p) => p.responses[id] === 'pending'));
  }
  if (s.phase === 'orders') return ids.filter((id) => s.orders[id] === null);
  return [];
}

/** Public progress of a game, for drivers and hand-off screens: cheaper than a full view. */
export interface GameStatus { turn: number; phase: GameState['phase']; waitingFor: StateId[]; seats: Record<StateId, 'human' | 'bot'> }
export function gameStatus(level: LoadedLevel, s: GameState): GameStatus {
  return { turn: s.turn, phase: s.phase, waitingFor: waitingFor(level, s), seats: { ...s.seats } };
}

export function winnerOf(level: LoadedLevel, s: GameState): StateId | null {
  let best: StateId | null = null;
  for (const id of indexOf(level).stateIds) if (best === null || s.scores[id] > s.scores[best]) best = id;
  return best;
}

function redactLog(log: LogEntry[][], viewer: Viewer, from: number): LogEntry[][] {
  return log.map((entries, turn) =>
    turn < from
      ? []
      : entries.filter((e) => canRead(e.to, viewer)).map((e) => (viewer === 'facilitator' ? e : { ...e, causes: e.causes.filter((c) => canRead(c.to, viewer)) })),
  );
}

export function viewFor(level: LoadedLevel, s: GameState, viewer: Viewer, options: ViewOptions = {}): PlayerView {
  const idx = indexOf(level);
  const isState = viewer !== 'public' && viewer !== 'facilitator';
  const omniscient = viewer === 'facilitator';
  const ended = s.phase === 'ended';
  const seesAll = omniscient || s.revealed || ended;
  const last = s.history.length ? s.history[s.history.length - 1] : null;

  const states = level.states.map((def) => {
    const p = s.players[def.id];
    const agendaDef = def.agendas.find((a) => a.id === p.agenda)!;
    const showAgenda = viewer === def.id || omniscient || ended;
    const status = showAgenda ? agendaStatus(level, s, def.id) : null;
    return {
      id: def.id,
      name: def.name,
      seat: s.seats[def.id],
      treasury: p.treasury,
      income: p.income,
      stability: p.stability,
      security: p.security,
      reputation: p.reputation,
      revenueLast: p.revenueLast,
      revenueTotal: p.revenueTotal,
      score: s.scores[def.id],
      objective: def.objective,
      diplomacyDone: s.diplomacyDone[def.id],
      ordersSubmitted: s.orders[def.id] !== null,
      inPact: s.pacts.some((pact) => pact.members.includes(def.id)),
      agenda: status ? { id: agendaDef.id, name: agendaDef.name, text: agendaDef.text, met: status.met, progress: status.progress } : null,
    };
  });

  const segments = level.segments.map((def) => {
    const st = s.segments[def.id];
    const fee: Record<StateId, 'low' | 'standard' | 'high'> = {};
    for (const o of def.owners) fee[o] = s.players[o].fees[def.id] ?? 'standard';
    const req = def.requires && level.peaceTrack ? level.peaceTrack.stages[idx.peaceStageIndex.get(def.requires.peace) ?? 0]?.name ?? null : null;
    return {
      id: def.id,
      name: def.name,
      from: def.from,
      to: def.to,
      mode: def.mode,
      owners: [...def.owners],
      status: st.status,
      usable: segmentUsable(level, s, def.id),
      capacity: st.capacity,
      cost: st.upgrading || (st.status === 'open' && def.upgrade) ? def.upgrade?.cost ?? def.cost : st.status === 'damaged' ? Math.floor(def.cost / 10) : def.cost,
      funded: st.funded,
      progress: st.progress,
      buildTurns: st.upgrading ? def.upgrade?.buildTurns ?? def.buildTurns : def.buildTurns,
      risk: st.risk,
      flow: st.flow,
      fee,
      feeCap: st.feeCap,
      cofunders: [...st.cofunders],
      requires: req,
      upgrading: st.upgrading,
      upgradeTo: st.status === 'open' && def.upgrade && !st.upgrading && st.capacity < def.upgrade.capacity ? def.upgrade.capacity : null,
    };
  });

  const routes = options.brief ? [] : level.routes.map((r) => ({
    id: r.id,
    segments: r.segments,
    flow: last?.routeFlows[r.id] ?? 0,
    usable: r.segments.every((id) => segmentUsable(level, s, id)),
    cost: routeCost(level, s, r),
  }));

  const track = level.peaceTrack;
  const ownAnimosity = isState ? { ...s.animosity[viewer] } : null;
  let perceived: Record<string, Estimate> | null = null;
  if (isState) {
    perceived = {};
    for (const other of idx.actorIds) {
      if (other === viewer) continue;
      perceived[other] = estimateOf(s.animosity[other][viewer], s.perception[viewer][other], s.players[viewer].intel[other] ?? 0);
    }
  }
  const visibleProposal = (p: GameState['proposals'][number]) =>
    omniscient || p.status === 'bound' || p.status === 'ratified' || p.status === 'failed' || (isState && p.parties.includes(viewer));

  return {
    viewer,
    levelId: level.id,
    levelHash: level.hash,
    seed: s.seed,
    turn: s.turn,
    turns: level.turns,
    phase: s.phase,
    waitingFor: waitingFor(level, s),
    period: periodOf(level, s.turn),
    revealed: s.revealed,
    states,
    segments,
    altRoutes: level.alternativeRoutes.map((r) => ({ id: r.id, name: r.name, days: r.days, sea: r.sea, ...s.altRoutes[r.id] })),
    routes,
    power: (level.powerLine?.stages ?? []).map((st) => ({
      id: st.id,
      name: st.name,
      from: st.from,
      to: st.to,
      hosts: [...st.hosts],
      cost: st.cost,
      buildTurns: st.buildTurns,
      funded: s.power[st.id].funded,
      progress: s.power[st.id].progress,
      status: s.power[st.id].status,
    })),
    powerEnergisedTurn: s.powerEnergisedTurn,
    peace: track
      ? { name: track.name, stage: s.peaceStage, stageName: track.stages[s.peaceStage].name, stages: track.stages.map((x) => x.name), parties: [...track.parties], guarantors: [...track.guarantors], held: s.peaceHeld }
      : null,
    pacts: s.pacts.map((p) => ({ ...p, members: [...p.members] })),
    pledges: s.pledges.map((p) => ({ ...p })),
    proposals: (options.brief ? thisTurnProposals(s) : s.proposals).filter(visibleProposal).map((p) => ({
      id: p.id,
      turn: p.turn,
      from: p.from,
      parties: [...p.parties],
      terms: JSON.parse(JSON.stringify(p.terms)),
      responses: { ...p.responses },
      status: p.status,
      summary: describeTerms(level, p.from, p.terms),
    })),
    news: s.news.map((id) => {
      const ev = idx.events.get(id)!;
      return { id, title: ev.title, text: ev.text };
    }),
    log: redactLog(s.log, viewer, options.brief ? s.turn - 1 : 0),
    history: options.brief ? [] : s.history.map((h) => JSON.parse(JSON.stringify(h))),
    demand: s.demand,
    throughput: last?.throughput ?? 0,
    targetThroughput: level.targetThroughput,
    ownAnimosity,
    perceived,
    animosity: seesAll ? JSON.parse(JSON.stringify(s.animosity)) : null,
    animosityLog: seesAll && !options.brief ? s.animosityLog.map((c) => ({ ...c })) : null,
    stances: seesAll ? { ...s.stances } : null,
    forces: level.forces.map((f) => ({ id: f.id, name: f.name, role: f.role })),
    myOrders: isState && s.orders[viewer] ? JSON.parse(JSON.stringify(s.orders[viewer])) : null,
    scores: { ...s.scores },
    winner: ended ? winnerOf(level, s) : null,
    collective: {
      throughput: last?.throughput ?? 0,
      target: level.targetThroughput,
      powerLine: s.powerEnergisedTurn !== null,
      peace: track ? track.stages[s.peaceStage].name : 'none',
      peaceHeld: s.peaceHeld,
    },
  };
}

export { nameOf };
