// Bounds on what a level can ever do, for the validator's "never" and "always" warnings:
// whether a segment lies on some route of any length, the most demand can grow to by the last
// turn, the most the corridor's origin or market segments can carry, and the range of each
// state's final score. Each errs only towards "possible", so that a warning built on them is
// never false.
import type { Level } from './level-schema';
import { RULES } from './turn/rules';
import { headStartOf } from './turn/score';

/**
 * Whether some simple path from an origin to a market over cargo segments, of any length and
 * not passing another market, crosses the segment `seg`: that is two node-disjoint paths,
 * from one end of the segment to the market and from the other end to an origin (any one),
 * found as a flow of 2 where every node carries at most 1. A few breadth-first searches
 * per market.
 */
export function onSomeRoute(level: Level, seg: Level['segments'][number]): boolean {
  const ids = new Map<string, number>();
  const node = (id: string) => ids.get(id) ?? (ids.set(id, ids.size), ids.size - 1);
  for (const s of level.segments) {
    node(s.from);
    node(s.to);
  }
  for (const id of [...level.origins, ...level.markets]) node(id);
  const n = ids.size;
  // Node i enters at 2i and leaves at 2i+1; then the source, the sink, and the sink of the origins.
  const S = 2 * n;
  const T = S + 1;
  const O = S + 2;
  const origins = level.origins.map(node);
  for (const market of level.markets) {
    const m = node(market);
    const barred = (id: string) => id !== market && level.markets.includes(id);
    if (barred(seg.from) || barred(seg.to) || origins.includes(m)) continue;
    const to: number[] = [];
    const cap: number[] = [];
    const out: number[][] = Array.from({ length: O + 1 }, () => []);
    const arc = (a: number, b: number) => {
      out[a].push(to.length);
      to.push(b);
      cap.push(1);
      out[b].push(to.length);
      to.push(a);
      cap.push(0);
    };
    for (let i = 0; i < n; i++) arc(2 * i, 2 * i + 1);
    for (const s of level.segments) {
      if (s.mode === 'cable' || s.id === seg.id || barred(s.from) || barred(s.to)) continue;
      arc(2 * node(s.from) + 1, 2 * node(s.to));
      arc(2 * node(s.to) + 1, 2 * node(s.from));
    }
    arc(S, 2 * node(seg.from));
    arc(S, 2 * node(seg.to));
    arc(2 * m + 1, T);
    for (const o of origins) arc(2 * o + 1, O);
    arc(O, T);
    let flow = 0;
    for (; flow < 2; flow++) {
      const via = new Array<number>(O + 1).fill(-1);
      const queue = [S];
      via[S] = -2;
      for (let q = 0; q < queue.length && via[T] === -1; q++) {
        for (const e of out[queue[q]]) {
          if (cap[e] > 0 && via[to[e]] === -1) {
            via[to[e]] = e;
            queue.push(to[e]);
          }
        }
      }
      if (via[T] === -1) break;
      for (let x = T; x !== S; x = to[via[x] ^ 1]) {
        cap[via[x]] -= 1;
        cap[via[x] ^ 1] += 1;
      }
    }
    if (flow === 2) return true;
  }
  return false;
}

/**
 * An upper bound on demand at the last turn (kt/yr): growth at the highest rate the origin
 * forces' stance allows on every turn from the second, and every demand effect that adds
 * demand applied on every turn (a facilitator can inject any event, once a turn each).
 * Each step of the rules is d + floor(d x bp / 10000) <= d x (1 + bp / 10000), so the
 * product without rounding bounds the game's demand from above.
 */
export function demandBound(level: Level): number {
  const g = level.demand.growthBp;
  const growth = Math.floor((g * (RULES.stanceGrowthOffset + (g >= 0 ? 100 : 0))) / 100);
  let perTurn = 1;
  for (const ev of level.events) for (const e of ev.effects) if (e.do === 'demand' && e.deltaBp > 0) perTurn *= 1 + e.deltaBp / 10000;
  let d = level.demand.start * perTurn;
  for (let t = 2; t <= level.turns && d < RULES.maxDemand; t++) d *= (1 + growth / 10000) * perTurn;
  return Math.min(RULES.maxDemand, Math.ceil(d * (1 + 1e-9)));
}

/**
 * An upper bound on corridor throughput from capacity: every middle route starts on a cargo
 * segment at an origin and ends on one at a market, so throughput is at most what the
 * segments at the origins (and, apart, those at the markets) can carry. A segment's capacity
 * only grows by its upgrade, or by events (up to RULES.maxCapacity).
 */
export function capacityBound(level: Level): { kt: number; at: 'origins' | 'markets' } {
  const grows = new Set<string>();
  for (const ev of level.events) for (const e of ev.effects) if (e.do === 'segmentCapacity' && e.deltaBp > 0) grows.add(e.segment);
  const most = (s: Level['segments'][number]) => (grows.has(s.id) ? RULES.maxCapacity : Math.max(s.capacity, s.upgrade?.capacity ?? 0));
  const at = (ends: string[]) => {
    let kt = 0;
    for (const s of level.segments) if (s.mode !== 'cable' && (ends.includes(s.from) || ends.includes(s.to))) kt += most(s);
    return kt;
  };
  const o = at(level.origins);
  const m = at(level.markets);
  return o <= m ? { kt: o, at: 'origins' } : { kt: m, at: 'markets' };
}

/**
 * The lowest and highest final score each state can have (docs/RULES.md, Scores): its head
 * start plus prosperity (0 up to prosperityPoints), its stability and reputation against their
 * start (each kept within 0..100) and agendaPoints when its agenda is met.
 */
export function scoreBounds(level: Level): { id: string; headStart: number; least: number; most: number }[] {
  const { prosperityPoints, agendaPoints } = level.params;
  return level.states.map((s) => {
    const headStart = headStartOf(level, s.id);
    const least = headStart - s.stability - s.reputation;
    return { id: s.id, headStart, least, most: least + prosperityPoints + agendaPoints + 200 };
  });
}
