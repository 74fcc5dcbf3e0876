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

const STEP = 'cargo';

interface Candidate { id: string; cost: number; weight: number; share: number; segments: readonly number[] | null; alt: boolean; capacity?: number }

export function routeWeight(cost: number): number {
  return Math.floor(RULES.weightNumerator / (cost * cost + 1));
}

const byCost = (a: Candidate, b: Candidate) => a.cost - b.cost || compareStrings(a.id, b.id);

// A turn record's routeFlows has one member per route (90 on the default level). Built member
// by member, V8 turns an object that large into a slow dictionary; copied from a template made
// in one go, it keeps a fast layout, several times quicker to build and to read.
const flowTemplates = new WeakMap<LoadedLevel, Record<string, number>>();

function flowRecord(level: LoadedLevel): Record<string, number> {
  let t = flowTemplates.get(level);
  if (!t) flowTemplates.set(level, (t = Object.fromEntries([...level.routes, ...level.alternativeRoutes].map((r) => [r.id, 0]))));
  return { ...t };
}

export function allocateCargo(level: LoadedLevel, s: GameState, ctx: TurnContext): void {
  const net = networkIndex(level);
  const seaId = net.seaRoute;
  const table = segmentTable(level, s);
  const routes = routeTable(level, s, table);
  const cands: Candidate[] = [];
  for (let r = 0; r < level.routes.length; r++) {
    if (!routes.usable[r]) continue;
    const cost = routes.cost[r];
    cands.push({ id: level.routes[r].id, cost, weight: routeWeight(cost), share: 0, segments: net.routeSegs[r], alt: false });
  }
  let sea: Candidate | null = null;
  for (const a of level.alternativeRoutes) {
    const isSea = a.id === seaId;
    const capacity = s.altRoutes[a.id].capacity;
    if (!isSea && capacity <= 0) continue;
    const cost = altRouteCost(level, s, a.id);
    const c: Candidate = { id: a.id, cost, weight: routeWeight(cost), share: 0, segments: null, alt: true, capacity };
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
  const flows = new Map<string, number>();
  let overflow = 0;
  let throughput = 0;
  for (const c of cands) {
    const want = c.share + overflow;
    let room = c.capacity ?? 0;
    if (c.segments) {
      room = Number.MAX_SAFE_INTEGER;
      for (const i of c.segments) if (residual[i] < room) room = residual[i];
    }
    const take = Math.max(0, Math.min(want, room));
    overflow = want - take;
    flows.set(c.id, take);
    if (c.segments && take > 0) {
      for (const i of c.segments) {
        residual[i] -= take;
        segFlow[i] += take;
      }
      throughput += take;
    }
  }
  let unserved = 0;
  if (sea) flows.set(sea.id, sea.share + overflow);
  else unserved = overflow;

  // Record: every segment's and alternative's flow, every route's (0 when unused).
  for (let i = 0; i < level.segments.length; i++) {
    const st = s.segments[level.segments[i].id];
    if (st.flow !== segFlow[i]) st.flow = segFlow[i];
  }
  const routeFlows = flowRecord(level);
  for (const r of level.routes) routeFlows[r.id] = flows.get(r.id) ?? 0;
  for (const a of level.alternativeRoutes) {
    const f = flows.get(a.id) ?? 0;
    routeFlows[a.id] = f;
    const st = s.altRoutes[a.id];
    if (st.flow !== f) st.flow = f;
  }
  ctx.routeFlows = routeFlows;
  ctx.throughput = throughput;

  // The facilitator's trace: every route that carried cargo and every alternative.
  const shown = all.filter((c) => c.alt || (flows.get(c.id) ?? 0) > 0).sort(byCost);
  const idle = all.length - shown.length;
  const trace =
    shown.map((c) => `${c.id}: cost ${c.cost}, share ${c.share}, carried ${flows.get(c.id) ?? 0}`).join('; ') +
    (idle > 0 ? `; ${idle} other usable route(s) carried nothing (bottlenecks full)` : '');
  logEntry(s, STEP, `The corridor carried ${throughput} kt/yr of ${demand} kt/yr East-West demand${unserved > 0 ? `; ${unserved} kt/yr found no route` : ''}.`, 'all', [forFacilitator(trace)]);
}
