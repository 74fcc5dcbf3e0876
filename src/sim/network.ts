// The network as the rules see it: which segments are usable, what they charge, what a
// route costs a shipper, and the segment state transitions that several steps share.
import type { LoadedLevel } from './level';
import { FEE_LEVELS, type FeeLevel, type SegmentDef } from './level-schema';
import { indexOf } from './lookup';
import { RULES } from './turn/rules';
import type { GameState, SecurityPact, SegmentState } from './types';

const FEE_RANK: Record<FeeLevel, number> = { low: 0, standard: 1, high: 2 };

interface NetworkIndex {
  /** Actors near a segment but not owning it: owners of segments sharing a node, and the countries of its nodes. */
  neighbours: Map<string, string[]>;
  /** Middle-corridor segments (on at least one enumerated route). */
  corridor: Set<string>;
  seaRoute: string | null;
  originForces: string[];
  marketForces: string[];
  /** Per segment: its owners, then its neighbours: everyone whose grudge can spark an incident. */
  watchers: Map<string, string[]>;
  /** Per segment: its owners that are player states. */
  playerOwners: Map<string, string[]>;
  /** Per state: indices of the middle routes that cross a segment it owns. */
  routesThrough: Map<string, number[]>;
  /** Segment id -> index in level.segments. */
  segIndex: Map<string, number>;
  /** level.routes[r].segments as indices into level.segments. */
  routeSegs: number[][];
}

const cache = new WeakMap<object, NetworkIndex>();
const last: { level: LoadedLevel | null; n: NetworkIndex | null } = { level: null, n: null }; // as in lookup.ts

export function networkIndex(level: LoadedLevel): NetworkIndex {
  if (last.level === level && last.n) return last.n;
  let n = cache.get(level);
  if (!n) cache.set(level, (n = buildIndex(level)));
  last.level = level;
  last.n = n;
  return n;
}

function buildIndex(level: LoadedLevel): NetworkIndex {
  const idx = indexOf(level);
  const actorOrder = new Map(idx.actorIds.map((id, i) => [id, i] as const));
  const neighbours = new Map<string, string[]>();
  for (const seg of level.segments) {
    const near = new Set<string>();
    for (const other of level.segments) {
      if (other.id === seg.id) continue;
      if (other.from === seg.from || other.from === seg.to || other.to === seg.from || other.to === seg.to) {
        for (const o of other.owners) near.add(o);
      }
    }
    for (const nodeId of [seg.from, seg.to]) {
      const c = idx.nodes.get(nodeId)?.country;
      if (c) near.add(c);
    }
    for (const o of seg.owners) near.delete(o);
    const list = [...near].filter((id) => actorOrder.has(id));
    list.sort((a, b) => actorOrder.get(a)! - actorOrder.get(b)!);
    neighbours.set(seg.id, list);
  }
  const corridor = new Set<string>();
  for (const r of level.routes) for (const id of r.segments) corridor.add(id);
  const forceIds = level.forces.map((f) => f.id);
  const countriesOf = (nodeIds: readonly string[]) => new Set(nodeIds.map((id) => idx.nodes.get(id)?.country).filter((c): c is string => !!c));
  const originCountries = countriesOf(level.origins);
  const marketCountries = countriesOf(level.markets);
  // A force plays the origin (or market) role if it holds an origin (market) node; by
  // convention "china" and "eu" play them when no node says so.
  let originForces = forceIds.filter((f) => originCountries.has(f));
  if (!originForces.length) originForces = forceIds.filter((f) => f === 'china');
  let marketForces = forceIds.filter((f) => marketCountries.has(f));
  if (!marketForces.length) marketForces = forceIds.filter((f) => f === 'eu');
  return {
    neighbours,
    corridor,
    seaRoute: level.alternativeRoutes.find((r) => r.sea)?.id ?? null,
    originForces,
    marketForces,
    watchers: new Map(level.segments.map((sg) => [sg.id, [...sg.owners, ...(neighbours.get(sg.id) ?? [])]] as const)),
    playerOwners: new Map(level.segments.map((sg) => [sg.id, sg.owners.filter((o) => idx.states.has(o))] as const)),
    routesThrough: new Map(
      idx.stateIds.map((id) => [id, level.routes.flatMap((r, i) => (r.segments.some((sg) => idx.segments.get(sg)?.owners.includes(id)) ? [i] : []))] as const),
    ),
    segIndex: new Map(level.segments.map((sg, i) => [sg.id, i] as const)),
    routeSegs: level.routes.map((r) => r.segments.map((id) => level.segments.findIndex((sg) => sg.id === id))),
  };
}

export function neighboursOf(level: LoadedLevel, segId: string): string[] {
  return networkIndex(level).neighbours.get(segId) ?? [];
}

/** A segment's `requires` (a peace stage) is met; always true when it has none. */
export function requiresMet(level: LoadedLevel, s: GameState, def: SegmentDef): boolean {
  if (!def.requires) return true;
  const need = indexOf(level).peaceStageIndex.get(def.requires.peace);
  return need !== undefined && !!level.peaceTrack && s.peaceStage >= need;
}

/** Cargo can cross it: open, and its peace requirement met. */
export function segmentUsable(level: LoadedLevel, s: GameState, segId: string): boolean {
  const def = indexOf(level).segments.get(segId);
  const st = s.segments[segId];
  return !!def && !!st && st.status === 'open' && requiresMet(level, s, def);
}

export function routeUsable(level: LoadedLevel, s: GameState, route: { segments: readonly string[] }): boolean {
  for (const id of route.segments) if (!segmentUsable(level, s, id)) return false;
  return true;
}

/** An open segment whose level upgrade is not built yet and not under way. */
export function upgradeAvailable(def: SegmentDef, st: SegmentState): boolean {
  return st.status === 'open' && !!def.upgrade && !st.upgrading && st.capacity < def.upgrade.capacity;
}

/** Money that repairs a damaged segment at once: a tenth of its cost, at least $1M. */
export function repairCost(def: SegmentDef): number {
  return Math.max(1, Math.floor(def.cost / 10));
}

/** What the current build, repair or upgrade still needs, in $M (0 when nothing can be funded). */
export function fundingNeed(level: LoadedLevel, s: GameState, segId: string): number {
  const def = indexOf(level).segments.get(segId);
  const st = s.segments[segId];
  if (!def || !st) return 0;
  switch (st.status) {
    case 'planned':
    case 'building':
      return Math.max(0, def.cost - st.funded);
    case 'damaged':
      return Math.max(0, repairCost(def) - st.funded);
    case 'open':
      return upgradeAvailable(def, st) ? Math.max(0, def.upgrade!.cost - st.funded) : 0;
  }
}

export function lowerFee(a: FeeLevel, b: FeeLevel): FeeLevel {
  return FEE_RANK[a] <= FEE_RANK[b] ? a : b;
}

export function feeAbove(fee: FeeLevel, cap: FeeLevel): boolean {
  return FEE_RANK[fee] > FEE_RANK[cap];
}

/** A shared segment charges the highest fee any of its owners sets, in basis points. */
export function segmentFeeBp(level: LoadedLevel, s: GameState, segId: string): number {
  const def = indexOf(level).segments.get(segId);
  const st = s.segments[segId];
  return def ? feeBpOf(level, s, def, st?.feeCap ?? null) : 0;
}

/** segmentFeeBp for a segment already looked up (`cap`: its deal's cap). An owner charges
 * the fee it set (standard if none), lowered to the cap; ranks are compared, and each
 * record is read once, since every route is priced from these. */
function feeBpOf(level: LoadedLevel, s: GameState, def: SegmentDef, cap: FeeLevel | null): number {
  const capRank = cap ? FEE_RANK[cap] : 2;
  let best = 0;
  for (let i = 0; i < def.owners.length; i++) {
    const own = FEE_RANK[s.players[def.owners[i]]?.fees[def.id] ?? 'standard'];
    const r = own < capRank ? own : capRank;
    if (r > best) best = r;
  }
  return level.params.feeBp[FEE_LEVELS[best]];
}

/** Generalised cost of one segment per Mt: fee + time + risk premium. */
export function segmentCost(level: LoadedLevel, s: GameState, segId: string): number {
  const def = indexOf(level).segments.get(segId);
  const st = s.segments[segId];
  return def && st ? costAt(level, def, st, feeBpOf(level, s, def, st.feeCap)) : 0;
}

function costAt(level: LoadedLevel, def: SegmentDef, st: SegmentState, feeBp: number): number {
  const p = level.params;
  return Math.floor((def.transitCost * feeBp) / 10000) + def.days * p.dayCost + st.risk * p.riskCost;
}

export function routeCost(level: LoadedLevel, s: GameState, route: { segments: readonly string[] }): number {
  let c = 0;
  for (const id of route.segments) c += segmentCost(level, s, id);
  return c;
}

/** Per-segment usability, fee (basis points), generalised cost and capacity (level.segments
 * order), read once: cheaper than asking segment by segment when every route is priced. */
export interface SegmentTable { usable: boolean[]; feeBp: number[]; cost: number[]; capacity: number[] }

export function segmentTable(level: LoadedLevel, s: GameState): SegmentTable {
  const n = level.segments.length;
  const table: SegmentTable = { usable: new Array<boolean>(n), feeBp: new Array<number>(n), cost: new Array<number>(n), capacity: new Array<number>(n) };
  for (let i = 0; i < n; i++) {
    const def = level.segments[i];
    const st = s.segments[def.id];
    const bp = feeBpOf(level, s, def, st.feeCap);
    table.usable[i] = st.status === 'open' && requiresMet(level, s, def);
    table.feeBp[i] = bp;
    table.cost[i] = costAt(level, def, st, bp);
    table.capacity[i] = st.capacity;
  }
  return table;
}

/** Cost and usability of every middle route (level.routes order). */
export function routeTable(level: LoadedLevel, s: GameState, table: SegmentTable = segmentTable(level, s)): { usable: boolean[]; cost: number[] } {
  const routeSegs = networkIndex(level).routeSegs;
  const usable = new Array<boolean>(routeSegs.length);
  const cost = new Array<number>(routeSegs.length);
  for (let r = 0; r < routeSegs.length; r++) {
    let ok = true;
    let c = 0;
    for (const i of routeSegs[r]) {
      ok = ok && table.usable[i];
      c += table.cost[i];
    }
    usable[r] = ok;
    cost[r] = c;
  }
  return { usable, cost };
}

/** Risk of an alternative route this turn: its own, plus a premium for every force it
 * runs through that stands below 40 (shippers price in the tension). */
export function altRouteRisk(level: LoadedLevel, s: GameState, routeId: string): number {
  const def = indexOf(level).altRoutes.get(routeId);
  const st = s.altRoutes[routeId];
  if (!def || !st) return 0;
  let risk = st.risk;
  for (const via of def.via) {
    const stance = s.stances[via];
    if (stance !== undefined && stance < RULES.stanceRiskBelow) risk += Math.floor((RULES.stanceRiskBelow - stance) / RULES.stanceRiskDivisor);
  }
  return risk > 100 ? 100 : risk < 0 ? 0 : risk;
}

export function altRouteCost(level: LoadedLevel, s: GameState, routeId: string): number {
  const def = indexOf(level).altRoutes.get(routeId);
  const st = s.altRoutes[routeId];
  if (!def || !st) return 0;
  return st.cost + def.days * level.params.dayCost + altRouteRisk(level, s, routeId) * level.params.riskCost;
}

export function pactActive(p: SecurityPact, turn: number): boolean {
  return p.formedTurn <= turn && turn <= p.endsTurn;
}

/** Mean stance of a group of forces (50, neutral, when the group is empty). */
export function meanStance(s: GameState, forces: readonly string[]): number {
  let sum = 0;
  let n = 0;
  for (const f of forces) {
    const v = s.stances[f];
    if (v === undefined) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? 50 : Math.floor(sum / n);
}

// ---- segment transitions shared by construction, incidents and events ----

/** Damage an open segment: traffic stops until repaired; an upgrade under way restarts after
 * repair, and money paid towards one not begun is kept for it (the repair is funded apart). */
export function damageSegment(st: SegmentState): void {
  if (!st.upgrading && st.funded > 0) st.upgradeHeld = st.funded;
  st.status = 'damaged';
  st.progress = 0;
  st.funded = 0;
}

/** Open (or reopen after repair): a repaired segment keeps the turn it first opened. */
export function openSegment(st: SegmentState, def: SegmentDef, turn: number): void {
  st.status = 'open';
  st.progress = 0;
  st.funded = st.upgrading && def.upgrade ? def.upgrade.cost : st.upgradeHeld ?? 0;
  delete st.upgradeHeld;
  if (st.openedTurn === null) st.openedTurn = turn;
}
