// Step 8: cargo allocation. Demand is split over the usable middle routes and the
// alternatives by generalised cost (weight 10^12 / (cost^2 + 1)), each route capped by
// its bottleneck; what a route cannot take overflows to the next cheapest; the sea
// route takes its share and every overflow left.
import { compareStrings } from '../hash';
import type { LoadedLevel } from '../level';
import { altRouteCost, networkIndex, routeTable, segmentTable } from '../network';
import { forFacilitator, logEntry } from '../log';
import type { GameState } from '../types';
import type { TurnContext } from './context';
import { mulDiv } from './math';
import { RULES } from './rules';
import { mt } from '../util';

const STEP = 'cargo';

interface Candidate {
  id: string;
  /** Place of the id in code-unit order among the level's routes and alternatives (ties in cost). */
  rank: number;
  cost: number;
  weight: number;
  share: number;
  carried: number;
  segments: readonly number[] | null;
  alt: boolean;
  capacity: number;
}

export function routeWeight(cost: number): number {
  return Math.floor(RULES.weightNumerator / (cost * cost + 1));
}

// Cheapest first; equal costs in code-unit order of the ids (unique across routes and
// alternatives), compared through their precomputed ranks.
const byCost = (a: Candidate, b: Candidate) => a.cost - b.cost || a.rank - b.rank;

// Per level: the ids' ranks, and a template for a turn record's routeFlows, which has one
// member per route and alternative (94 on the default level). Built member by member, V8
// turns an object that large into a slow dictionary; copied from a template made in one go,
// it keeps a fast layout, quicker to build, to read and to freeze.
interface CargoIndex { routeRank: number[]; altRank: number[]; flows: Record<string, number> }
const indexes = new WeakMap<LoadedLevel, CargoIndex>();

function cargoIndex(level: LoadedLevel): CargoIndex {
  let x = indexes.get(level);
  if (!x) {
    const ids = [...level.routes.map((r) => r.id), ...level.alternativeRoutes.map((a) => a.id)];
    const order = ids.map((_, i) => i).sort((a, b) => compareStrings(ids[a], ids[b]));
    const rank = new Array<number>(ids.length);
    order.forEach((at, i) => (rank[at] = i));
    // Members made null, then 0: their layout then takes any number (with small integers
    // only, the first flow V8 holds as a double would give the records a new layout).
    const flows: Record<string, number | null> = Object.fromEntries(ids.map((id) => [id, null]));
    for (const id of ids) flows[id] = 0;
    x = { routeRank: rank.slice(0, level.routes.length), altRank: rank.slice(level.routes.length), flows: flows as Record<string, number> };
    indexes.set(level, x);
  }
  return x;
}

export function allocateCargo(level: LoadedLevel, s: GameState, ctx: TurnContext): void {
  const net = networkIndex(level);
  const cx = cargoIndex(level);
  const seaId = net.seaRoute;
  const table = segmentTable(level, s);
  ctx.segments = table;
  const routes = routeTable(level, s, table);
  const cands: Candidate[] = [];
  for (let r = 0; r < level.routes.length; r++) {
    if (!routes.usable[r]) continue;
    const cost = routes.cost[r];
    cands.push({ id: level.routes[r].id, rank: cx.routeRank[r], cost, weight: routeWeight(cost), share: 0, carried: 0, segments: net.routeSegs[r], alt: false, capacity: 0 });
  }
  let sea: Candidate | null = null;
  for (let i = 0; i < level.alternativeRoutes.length; i++) {
    const a = level.alternativeRoutes[i];
    const isSea = a.id === seaId;
    const capacity = s.altRoutes[a.id].capacity;
    if (!isSea && capacity <= 0) continue;
    const cost = altRouteCost(level, s, a.id);
    const c: Candidate = { id: a.id, rank: cx.altRank[i], cost, weight: routeWeight(cost), share: 0, carried: 0, segments: null, alt: true, capacity };
    if (isSea) sea = c;
    else cands.push(c);
  }
  const all = sea ? [...cands, sea] : cands;
  let total = 0;
  for (const c of all) total += c.weight;
  let given = 0;
  const demand = s.demand;
  for (const c of all) {
    c.share = total > 0 ? mulDiv(demand, c.weight, total) : 0;
    given += c.share;
  }
  if (all.length) {
    let cheapest = all[0];
    for (const c of all) if (byCost(c, cheapest) < 0) cheapest = c;
    cheapest.share += demand - given;
  }

  cands.sort(byCost);
  const residual = table.capacity.slice();
  const segFlow = new Array<number>(residual.length).fill(0);
  let overflow = 0;
  let throughput = 0;
  for (const c of cands) {
    const want = c.share + overflow;
    let room = c.capacity;
    if (c.segments) {
      room = Number.MAX_SAFE_INTEGER;
      for (const i of c.segments) if (residual[i] < room) room = residual[i];
    }
    const take = Math.max(0, Math.min(want, room));
    overflow = want - take;
    c.carried = take;
    if (c.segments && take > 0) {
      for (const i of c.segments) {
        residual[i] -= take;
        segFlow[i] += take;
      }
      throughput += take;
    }
  }
  let unserved = 0;
  if (sea) sea.carried = sea.share + overflow;
  else unserved = overflow;

  // Record: every segment's and alternative's flow, every route's (0 when unused).
  for (let i = 0; i < level.segments.length; i++) {
    const st = s.segments[level.segments[i].id];
    if (st.flow !== segFlow[i]) st.flow = segFlow[i];
  }
  // Object.assign, not a spread: V8 gives each spread copy this large a layout of its own
  // once frozen, and freezing it then costs microseconds.
  const routeFlows = Object.assign({}, cx.flows);
  for (const c of all) {
    if (c.carried === 0) continue;
    routeFlows[c.id] = c.carried;
  }
  for (let i = 0; i < level.alternativeRoutes.length; i++) {
    const a = level.alternativeRoutes[i];
    const st = s.altRoutes[a.id];
    const f = routeFlows[a.id];
    if (st.flow !== f) st.flow = f;
  }
  ctx.routeFlows = routeFlows;
  ctx.throughput = throughput;

  // The facilitator's trace: every route that carried cargo and every alternative.
  if (s.silent) return;
  const shown = all.filter((c) => c.alt || c.carried > 0).sort(byCost);
  const idle = all.length - shown.length;
  const trace =
    shown.map((c) => `${c.id}: cost ${c.cost}, share ${c.share}, carried ${c.carried}`).join('; ') +
    (idle > 0 ? `; ${idle} other usable route(s) carried nothing (bottlenecks full)` : '');
  logEntry(s, STEP, `The corridor carried ${mt(throughput)} of ${mt(demand)} East-West demand${unserved > 0 ? `; ${mt(unserved)} found no route` : ''}.`, 'all', [forFacilitator(trace)]);
}
