// viewFor: the only way state leaves the sim. Each viewer gets what it is entitled to:
// a state its own secrets and its own grudges, estimates of how others feel about it;
// 'public' (the projector) only public facts; 'facilitator' everything.
import type { LoadedLevel } from './level';
import type { SegmentDef } from './level-schema';
import { indexOf } from './lookup';
import { agendaStatus } from './agendas';
import { repairCost, routeCost, segmentUsable } from './network';
import { describeTerms, lastTurnStart, thisTurnStart } from './proposals';
import { owedByDeals, owedRunning, owedThisTurn } from './obligations';
import { scorePartsOf } from './turn/score';
import { lastTurnOf } from './turn/index';
import { bandWidth, clamp, nameOf } from './util';
import { deepFreeze, isOpenRun } from './cow';
import type { AgendaStatus } from './agendas';
import type { Audience, Estimate, GameState, LogEntry, Orders, PlayerView, ProposalView, SegmentState, SegmentView, StateId, StateView, TurnRecord, Viewer } from './types';

export interface ViewOptions {
  /**
   * A brief view for bots: no log (the bots never read it), this turn's and last turn's
   * proposals only (what a bot remembers of its talks) and without their summary sentences,
   * and no history or route table. Everything else it contains equals the full view.
   * It is read-only: it shares parts with the state and with other brief views (frozen
   * ones, or what an open run's views keep per turn, below).
   */
  brief?: boolean;
}

export function canRead(to: Audience, viewer: Viewer): boolean {
  if (viewer === 'facilitator' || to === 'all') return true;
  if (to === 'facilitator') return false;
  return viewer !== 'public' && to.includes(viewer);
}

/**
 * Whom a log entry the viewer reads was written for, when the entry does not say so itself:
 * "for Azerbaijan" when it is addressed to states the viewer is not (the facilitator reads
 * every state's own report: its orders, its revenue), "facilitator only" for the
 * facilitator's own notes; null for an entry to everyone or to the viewer.
 */
export function audienceLabel(level: LoadedLevel, to: Audience, viewer: Viewer): string | null {
  if (to === 'all') return null;
  if (to === 'facilitator') return 'facilitator only';
  if (viewer !== 'facilitator' && viewer !== 'public' && to.includes(viewer)) return null;
  return `for ${to.map((id) => nameOf(level, id)).join(', ')}`;
}

export function periodOf(level: LoadedLevel, turn: number): string {
  const t = Math.max(1, turn);
  return `${level.startYear + Math.floor((t - 1) / 2)} H${((t - 1) % 2) + 1}`;
}

/**
 * The band a viewer believes another's feeling towards it lies in; intelligence narrows it.
 * The bands of one pair tile the scale in steps of their width, shifted by the pair's hidden
 * offset (drawn once a game), and the band shown is the one the feeling is in. So it moves
 * only when the feeling crosses into the next band: a band that followed the feeling point
 * by point (as it did) told a player every change of it, and the exact value once it settled.
 */
export function estimateOf(value: number, offsetBp: number, intel: number): Estimate {
  const width = bandWidth(intel);
  const shift = Math.floor((offsetBp * width) / 10000); // 0 .. width-1
  const lo = clamp(Math.floor((value + shift) / width) * width - shift, 0, 100 - width);
  const hi = lo + width;
  const mid = lo + Math.floor(width / 2);
  return { lo, hi, label: width >= 36 && lo < 35 && hi > 65 ? 'uncertain' : mid < 35 ? 'low' : mid < 65 ? 'medium' : 'high' };
}

/** Seats the game waits for: in diplomacy those not done or with a proposal to answer; in orders those not submitted. */
export function waitingFor(level: LoadedLevel, s: GameState): StateId[] {
  const ids = indexOf(level).stateIds;
  if (s.phase === 'diplomacy') {
    const start = thisTurnStart(s);
    const out: StateId[] = [];
    for (const id of ids) {
      let waiting = !s.diplomacyDone[id];
      for (let i = start; i < s.proposals.length && !waiting; i++) {
        const p = s.proposals[i];
        if (p.status === 'open' && p.responses[id] === 'pending') waiting = true;
      }
      if (waiting) out.push(id);
    }
    return out;
  }
  if (s.phase === 'orders') return ids.filter((id) => s.orders[id] === null);
  return [];
}

/** Public progress of a game, for drivers and hand-off screens: cheaper than a full view. */
/** `lastTurn`: the turn whose resolution ends the game (the level's, or the facilitator's early end). */
export interface GameStatus { turn: number; lastTurn: number; phase: GameState['phase']; waitingFor: StateId[]; seats: Record<StateId, 'human' | 'bot'> }
export function gameStatus(level: LoadedLevel, s: GameState): GameStatus {
  return { turn: s.turn, lastTurn: lastTurnOf(level, s), phase: s.phase, waitingFor: waitingFor(level, s), seats: { ...s.seats } };
}

/** Only the turn and phase of gameStatus: what a driver checks after every action. */
export function phaseOf(s: GameState): Pick<GameStatus, 'turn' | 'phase'> {
  return { turn: s.turn, phase: s.phase };
}

/** Every state on the highest score, in level order: they share first place (RULES.md §11). */
export function winnersOf(level: LoadedLevel, s: GameState): StateId[] {
  const ids = indexOf(level).stateIds;
  if (ids.length === 0) return [];
  let best = s.scores[ids[0]];
  for (const id of ids) if (s.scores[id] > best) best = s.scores[id];
  return ids.filter((id) => s.scores[id] === best);
}

/** The first of winnersOf in level order: kept for the files and readers that carry one
 * `winner`; with first place shared it is one of several (see `winners`), not a tie-break. */
export function winnerOf(level: LoadedLevel, s: GameState): StateId | null {
  return winnersOf(level, s)[0] ?? null;
}

/** Each turn's entries the viewer may read, with the causes it may read. */
function redactLog(log: LogEntry[][], viewer: Viewer): LogEntry[][] {
  const redact = (e: LogEntry): LogEntry => (viewer === 'facilitator' ? e : { ...e, causes: e.causes.filter((c) => canRead(c.to, viewer)) });
  return log.map((entries) => entries.filter((e) => canRead(e.to, viewer)).map(redact));
}

// Brief views (the bots') are read-only: they share frozen parts with the state and with
// each other instead of copying them (their lists are handed out as plain copies of frozen
// entries, as reading a frozen array is slow: cow.ts). The parts of a deep-frozen state never change, so
// what is derived from them is kept in these caches, keyed by the part it was made from;
// an unfrozen state is never cached. Like the digests in hash.ts, a cache cannot change a
// result: every entry equals what a fresh computation would give.
const segmentCache = new WeakMap<object, { level: LoadedLevel; players: object; peaceStage: number; list: SegmentView[] }>();
const altRouteCache = new WeakMap<object, { level: LoadedLevel; list: PlayerView['altRoutes'] }>();
const powerCache = new WeakMap<object, { level: LoadedLevel; list: PlayerView['power'] }>();
const newsCache = new WeakMap<object, { level: LoadedLevel; list: PlayerView['news'] }>();
const proposalCache = new WeakMap<object, { level: LoadedLevel; view: ProposalView }>();
const levelCache = new WeakMap<object, { forces: PlayerView['forces']; stageNames: string[] }>();
const perceivedCache = new WeakMap<object, Map<Viewer, { level: LoadedLevel; perception: object; intel: object; value: Record<string, Estimate> }>>();

// An open run's state changes in place, so its parts cannot key those caches; but one such
// state object lives for one turn, in which only its diplomacy and orders parts change
// (cow.ts, markOpen). What a brief view derives from the rest is kept per open state. It is
// not frozen (that took a tenth of a bot game): the bots only read their views, which
// tests/unit/bot.test.ts checks by having them decide from frozen copies of a game's views.
interface TurnParts {
  level: LoadedLevel;
  segments: SegmentView[];
  altRoutes: PlayerView['altRoutes'];
  power: PlayerView['power'];
  news: PlayerView['news'];
  period: string;
  peace: PlayerView['peace'];
  pacts: PlayerView['pacts'];
  pledges: PlayerView['pledges'];
  perceived: Map<StateId, Record<string, Estimate>>;
  running: Map<StateId, number>;
  own: Map<StateId, Record<string, number>>;
  agendas: Map<StateId, AgendaStatus>;
  /** Each state's entry (in level order) as others see it, and with its agenda. */
  others: StateView[];
  selves: StateView[];
  proposals: { of: object; view: ProposalView }[];
}
const turnCache = new WeakMap<object, TurnParts>();

function turnParts(level: LoadedLevel, s: GameState): TurnParts | null {
  if (!isOpenRun(s)) return null;
  const hit = turnCache.get(s);
  if (hit && hit.level === level) return hit;
  const parts: TurnParts = {
    level,
    // Co-funders are the state's, which the steps replace, never change.
    segments: segmentViews(level, s, false),
    altRoutes: altRouteViews(level, s),
    power: powerViews(level, s),
    news: newsViews(level, s),
    period: periodOf(level, s.turn),
    peace: deepFreeze(peaceView(level, s)), // a closed view has its own copy; this one every view of the turn shares
    pacts: s.pacts.map((p) => ({ ...p, members: [...p.members] })),
    pledges: s.pledges.map((p) => ({ ...p })),
    perceived: new Map(),
    running: new Map(),
    own: new Map(),
    agendas: new Map(),
    others: [],
    selves: [],
    proposals: [],
  };
  turnCache.set(s, parts);
  return parts;
}

function peaceView(level: LoadedLevel, s: GameState): PlayerView['peace'] {
  const track = level.peaceTrack;
  if (!track) return null;
  return {
    name: track.name,
    stage: s.peaceStage,
    stageName: track.stages[s.peaceStage].name,
    stages: track.stages.map((x) => x.name),
    parties: [...track.parties],
    guarantors: [...track.guarantors],
    held: s.peaceHeld,
  };
}

function frozen(v: unknown): v is object {
  return typeof v === 'object' && v !== null && Object.isFrozen(v);
}

/** The works a segment's money and progress count towards now, as fundingNeed has them: a
 * damaged segment's repair (it reopens after repairTurns, or at once when paid for), even
 * with an upgrade under way; an open segment's upgrade; else its build. */
function worksOf(level: LoadedLevel, def: SegmentDef, st: SegmentState): { cost: number; buildTurns: number } {
  if (st.status === 'damaged') return { cost: repairCost(def), buildTurns: level.params.repairTurns };
  if (def.upgrade && (st.upgrading || st.status === 'open')) return { cost: def.upgrade.cost, buildTurns: def.upgrade.buildTurns };
  return { cost: def.cost, buildTurns: def.buildTurns };
}

function segmentViews(level: LoadedLevel, s: GameState, copy: boolean): SegmentView[] {
  const idx = indexOf(level);
  return level.segments.map((def) => {
    const st = s.segments[def.id];
    const fee: Record<StateId, 'low' | 'standard' | 'high'> = {};
    for (const o of def.owners) fee[o] = s.players[o].fees[def.id] ?? 'standard';
    const reqStage = def.requires && level.peaceTrack ? idx.peaceStageIndex.get(def.requires.peace) ?? null : null;
    const req = reqStage !== null ? level.peaceTrack!.stages[reqStage]?.name ?? null : null;
    const works = worksOf(level, def, st);
    return {
      id: def.id,
      name: def.name,
      from: def.from,
      to: def.to,
      mode: def.mode,
      owners: [...def.owners], // a copy: a level's arrays are not frozen (level.ts), so none is handed out
      status: st.status,
      usable: segmentUsable(level, s, def.id),
      capacity: st.capacity,
      // Written out, not spread: a spread in this literal, built for every segment of every
      // view, made full games 3% slower (npm run -s ab).
      cost: works.cost,
      funded: st.funded,
      progress: st.progress,
      buildTurns: works.buildTurns,
      risk: st.risk,
      flow: st.flow,
      fee,
      feeCap: st.feeCap,
      cofunders: copy ? [...st.cofunders] : st.cofunders,
      requires: req,
      requiresStage: reqStage,
      upgrading: st.upgrading,
      upgradeTo: st.status === 'open' && def.upgrade && !st.upgrading && st.capacity < def.upgrade.capacity ? def.upgrade.capacity : null,
    };
  });
}

function sharedSegmentViews(level: LoadedLevel, s: GameState): SegmentView[] {
  if (!frozen(s.segments) || !frozen(s.players)) return segmentViews(level, s, true);
  const hit = segmentCache.get(s.segments);
  if (hit && hit.level === level && hit.players === s.players && hit.peaceStage === s.peaceStage) return hit.list;
  const list = segmentViews(level, s, false);
  // Only what segmentViews made is new (co-funders are the state's, frozen).
  for (const v of list) {
    Object.freeze(v.owners);
    Object.freeze(v.fee);
    Object.freeze(v);
  }
  Object.freeze(list);
  segmentCache.set(s.segments, { level, players: s.players, peaceStage: s.peaceStage, list });
  return list;
}

function altRouteViews(level: LoadedLevel, s: GameState): PlayerView['altRoutes'] {
  return level.alternativeRoutes.map((r) => Object.assign({ id: r.id, name: r.name, days: r.days, sea: r.sea }, s.altRoutes[r.id]));
}

function powerViews(level: LoadedLevel, s: GameState): PlayerView['power'] {
  return (level.powerLine?.stages ?? []).map((st) => ({
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
  }));
}

function newsViews(level: LoadedLevel, s: GameState): PlayerView['news'] {
  const idx = indexOf(level);
  return s.news.map((id) => {
    const ev = idx.events.get(id)!;
    return { id, title: ev.title, text: ev.text };
  });
}

/** A frozen view derived from one frozen part of the state alone, made once. */
function cachedBy<T>(cache: WeakMap<object, { level: LoadedLevel; list: T }>, key: unknown, level: LoadedLevel, make: () => T): T {
  if (!frozen(key)) return make();
  const hit = cache.get(key);
  if (hit && hit.level === level) return hit.list;
  const list = deepFreeze(make());
  cache.set(key, { level, list });
  return list;
}

/** `copy`: its lists are its own, not the state's; `summary`: with the sentence (a brief
 * view's has none: the bots read the terms). */
function proposalView(level: LoadedLevel, p: GameState['proposals'][number], copy: boolean, summary: boolean): ProposalView {
  return {
    id: p.id,
    turn: p.turn,
    from: p.from,
    parties: copy ? [...p.parties] : p.parties,
    terms: copy ? JSON.parse(JSON.stringify(p.terms)) : p.terms,
    responses: copy ? { ...p.responses } : p.responses,
    status: p.status,
    summary: summary ? describeTerms(level, p.from, p.terms) : '',
  };
}

/** An open run's proposal views, by place in the list: an answer replaces the proposal there. */
function turnProposalView(parts: TurnParts, level: LoadedLevel, s: GameState, i: number): ProposalView {
  const p = s.proposals[i];
  const hit = parts.proposals[i];
  if (hit && hit.of === p) return hit.view;
  // Kept here, not in proposalCache too: a WeakMap lookup and entry per proposal cost more
  // than the view. Like the other kept parts it is not frozen, and it shares the proposal's
  // lists: within a turn an open run never changes a proposal (an answer replaces it).
  const view = proposalView(level, p, false, false);
  parts.proposals[i] = { of: p, view };
  return view;
}

function sharedProposalView(level: LoadedLevel, p: GameState['proposals'][number]): ProposalView {
  if (!frozen(p)) return proposalView(level, p, true, false);
  const hit = proposalCache.get(p);
  if (hit && hit.level === level) return hit.view;
  const view = deepFreeze(proposalView(level, p, false, false));
  proposalCache.set(p, { level, view });
  return view;
}

function levelParts(level: LoadedLevel): { forces: PlayerView['forces']; stageNames: string[] } {
  let hit = levelCache.get(level);
  if (!hit) {
    hit = deepFreeze({ forces: level.forces.map((f) => ({ id: f.id, name: f.name, role: f.role })), stageNames: level.peaceTrack?.stages.map((x) => x.name) ?? [] });
    levelCache.set(level, hit);
  }
  return hit;
}

function agendaView(def: LoadedLevel['states'][number], agenda: string, status: { met: boolean; progress: string }): StateView['agenda'] {
  const a = def.agendas.find((x) => x.id === agenda)!;
  return { id: a.id, kind: a.kind, name: a.name, text: a.text, met: status.met, progress: status.progress };
}

function turnAgenda(parts: TurnParts, level: LoadedLevel, s: GameState, id: StateId): AgendaStatus {
  let st = parts.agendas.get(id);
  if (!st) parts.agendas.set(id, (st = agendaStatus(level, s, id)));
  return st;
}

/** Every state's public figures; agendas for the viewer itself, or all for the facilitator and after the game. */
function stateViews(level: LoadedLevel, s: GameState, viewer: Viewer, parts: TurnParts | null): StateView[] {
  const all = viewer === 'facilitator' || s.phase === 'ended';
  const out = new Array<StateView>(level.states.length);
  for (let i = 0; i < level.states.length; i++) {
    const id = level.states[i].id;
    const withAgenda = all || viewer === id;
    if (!parts) {
      out[i] = stateView(level, s, i, withAgenda ? agendaStatus(level, s, id) : null);
      continue;
    }
    // Kept per turn, as others see it and with its agenda; made again when its done flag
    // or its orders change.
    const kept = withAgenda ? parts.selves : parts.others;
    let v = kept[i];
    if (!v || v.diplomacyDone !== s.diplomacyDone[id] || v.ordersSubmitted !== (s.orders[id] !== null)) {
      kept[i] = v = stateView(level, s, i, withAgenda ? turnAgenda(parts, level, s, id) : null);
    }
    out[i] = v;
  }
  return out;
}

function stateView(level: LoadedLevel, s: GameState, i: number, status: AgendaStatus | null): StateView {
  const def = level.states[i];
  const p = s.players[def.id];
  const pacts = s.pacts;
  let inPact = false;
  for (let j = 0; j < pacts.length && !inPact; j++) inPact = pacts[j].members.includes(def.id);
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
    inPact,
    agenda: status ? agendaView(def, p.agenda, status) : null,
  };
}

/** How the viewer believes each other actor feels about it. */
function perceivedBy(level: LoadedLevel, s: GameState, viewer: StateId): Record<string, Estimate> {
  const out: Record<string, Estimate> = {};
  const perception = s.perception[viewer];
  const intel = s.players[viewer].intel;
  for (const other of indexOf(level).actorIds) {
    if (other === viewer) continue;
    out[other] = estimateOf(s.animosity[other][viewer], perception[other], intel[other] ?? 0);
  }
  return out;
}

function sharedPerceived(level: LoadedLevel, s: GameState, viewer: StateId): Record<string, Estimate> {
  const intel = s.players[viewer].intel;
  if (!frozen(s.animosity) || !frozen(s.perception) || !frozen(intel)) return perceivedBy(level, s, viewer);
  let byViewer = perceivedCache.get(s.animosity);
  if (!byViewer) perceivedCache.set(s.animosity, (byViewer = new Map()));
  const hit = byViewer.get(viewer);
  if (hit && hit.level === level && hit.perception === s.perception && hit.intel === intel) return hit.value;
  const value = perceivedBy(level, s, viewer);
  for (const e of Object.values(value)) Object.freeze(e);
  Object.freeze(value);
  byViewer.set(viewer, { level, perception: s.perception, intel, value });
  return value;
}

function turnPerceived(parts: TurnParts, level: LoadedLevel, s: GameState, viewer: StateId): Record<string, Estimate> {
  let value = parts.perceived.get(viewer);
  if (!value) parts.perceived.set(viewer, (value = perceivedBy(level, s, viewer)));
  return value;
}

/** owedThisTurn, with the running pledges and pacts part kept per turn. */
function turnOwed(parts: TurnParts, level: LoadedLevel, s: GameState, viewer: StateId): number {
  let running = parts.running.get(viewer);
  if (running === undefined) parts.running.set(viewer, (running = owedRunning(s, viewer)));
  return owedByDeals(level, s, viewer) + running;
}

function turnOwn(parts: TurnParts, s: GameState, viewer: StateId): Record<string, number> {
  let row = parts.own.get(viewer);
  if (!row) parts.own.set(viewer, (row = { ...s.animosity[viewer] }));
  return row;
}

/** Copies of the orders submitted so far this turn, in level order (the facilitator's). */
function submittedOrders(s: GameState): Record<StateId, Orders> {
  const out: Record<StateId, Orders> = {};
  for (const id in s.orders) {
    const o = s.orders[id];
    if (o) out[id] = JSON.parse(JSON.stringify(o)) as Orders;
  }
  return out;
}

export function viewFor(level: LoadedLevel, s: GameState, viewer: Viewer, options: ViewOptions = {}): PlayerView {
  const isState = viewer !== 'public' && viewer !== 'facilitator';
  const omniscient = viewer === 'facilitator';
  const ended = s.phase === 'ended';
  const seesAll = omniscient || s.revealed || ended;
  const last = s.history.length ? s.history[s.history.length - 1] : null;
  // A brief view shares (frozen) parts; a full one is all fresh copies the caller may keep or change.
  const share = options.brief === true;

  const kept = share ? turnParts(level, s) : null;
  const states = stateViews(level, s, viewer, kept);

  // Shared lists are handed out as plain copies (of frozen entries): see cow.ts on frozen arrays.
  const segments = kept ? kept.segments : share ? [...sharedSegmentViews(level, s)] : segmentViews(level, s, true);

  const routes = options.brief ? [] : level.routes.map((r) => ({
    id: r.id,
    segments: [...r.segments],
    flow: last?.routeFlows[r.id] ?? 0,
    usable: r.segments.every((id) => segmentUsable(level, s, id)),
    cost: routeCost(level, s, r),
  }));

  const track = level.peaceTrack;
  const ownAnimosity = isState ? (kept ? turnOwn(kept, s, viewer) : share && frozen(s.animosity) ? s.animosity[viewer] : { ...s.animosity[viewer] }) : null;
  const perceived = isState ? (kept ? turnPerceived(kept, level, s, viewer) : share ? sharedPerceived(level, s, viewer) : perceivedBy(level, s, viewer)) : null;
  const proposals: ProposalView[] = [];
  for (let i = options.brief ? lastTurnStart(s) : 0; i < s.proposals.length; i++) {
    const p = s.proposals[i];
    const visible = omniscient || p.status === 'bound' || p.status === 'ratified' || p.status === 'failed' || (isState && p.parties.includes(viewer));
    if (visible) proposals.push(kept ? turnProposalView(kept, level, s, i) : share ? sharedProposalView(level, p) : proposalView(level, p, true, true));
  }
  const parts = share ? levelParts(level) : null;

  return {
    viewer,
    levelId: level.id,
    levelHash: level.hash,
    seed: s.seed,
    turn: s.turn,
    turns: lastTurnOf(level, s),
    endsEarly: s.endsAfter !== undefined,
    summitCost: level.params.summitCost,
    phase: s.phase,
    waitingFor: waitingFor(level, s),
    period: kept ? kept.period : periodOf(level, s.turn),
    revealed: s.revealed,
    states,
    segments,
    altRoutes: kept ? kept.altRoutes : share ? [...cachedBy(altRouteCache, s.altRoutes, level, () => altRouteViews(level, s))] : altRouteViews(level, s),
    routes,
    power: kept ? kept.power : share ? [...cachedBy(powerCache, s.power, level, () => powerViews(level, s))] : powerViews(level, s),
    powerEnergisedTurn: s.powerEnergisedTurn,
    peace: kept ? kept.peace : share && track ? { ...peaceView(level, s)!, stages: [...parts!.stageNames] } : peaceView(level, s),
    pacts: kept ? kept.pacts : share && frozen(s.pacts) ? [...s.pacts] : s.pacts.map((p) => ({ ...p, members: [...p.members] })),
    pledges: kept ? kept.pledges : share && frozen(s.pledges) ? [...s.pledges] : s.pledges.map((p) => ({ ...p })),
    proposals,
    news: kept ? kept.news : share ? [...cachedBy(newsCache, s.news, level, () => newsViews(level, s))] : newsViews(level, s),
    log: options.brief ? [] : redactLog(s.log, viewer),
    history: options.brief ? [] : s.history.map((h, i) => {
      const f = s.turnFigures[i]?.turn === h.turn ? s.turnFigures[i] : undefined;
      return { ...(JSON.parse(JSON.stringify(h)) as TurnRecord), meanAnimosity: seesAll ? h.meanAnimosity : null, security: f ? { ...f.security } : null, reputation: f ? { ...f.reputation } : null };
    }),
    demand: s.demand,
    throughput: last?.throughput ?? 0,
    targetThroughput: level.targetThroughput,
    owed: isState && s.phase !== 'ended' ? (kept ? turnOwed(kept, level, s, viewer) : owedThisTurn(level, s, viewer)) : null,
    ownAnimosity,
    perceived,
    animosity: seesAll ? (share && frozen(s.animosity) ? s.animosity : JSON.parse(JSON.stringify(s.animosity))) : null,
    animosityLog: seesAll && !options.brief ? s.animosityLog.map((c) => ({ ...c })) : null,
    stances: seesAll ? (share && frozen(s.stances) ? s.stances : { ...s.stances }) : null,
    injected: omniscient ? [...s.injected] : null, // a surprise for the players until it is news
    forces: parts ? [...parts.forces] : level.forces.map((f) => ({ id: f.id, name: f.name, role: f.role })),
    myOrders: isState && s.orders[viewer] ? JSON.parse(JSON.stringify(s.orders[viewer])) : null,
    allOrders: omniscient ? submittedOrders(s) : null,
    scores: share && frozen(s.scores) ? s.scores : { ...s.scores },
    // Only once the game has ended: a running score is updated at each resolution, and the
    // next turn's news may move the stats it counts, so parts read then would not add up to it.
    // Every part is public (stats, revenue, the level's head starts, the revealed agendas).
    scoreParts: s.phase === 'ended' ? Object.fromEntries(level.states.map((d) => [d.id, scorePartsOf(level, s, d.id, true)])) : null,
    winner: ended ? winnerOf(level, s) : null,
    winners: ended ? winnersOf(level, s) : [],
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
