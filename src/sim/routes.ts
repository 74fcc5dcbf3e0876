// Middle-corridor routes: the simple paths from an origin to a market over cargo
// segments (every mode but cable), enumerated once at level load in a fixed order
// (origins, then markets, in level order; depth-first over segments in level order).
import type { Level } from './level-schema';

export interface MiddleRoute { id: string; origin: string; market: string; segments: string[]; nodes: string[] }

export const MAX_ROUTES = 200;

export function enumerateRoutes(level: Pick<Level, 'segments' | 'origins' | 'markets' | 'maxRouteSegments'>): MiddleRoute[] {
  const adjacency = new Map<string, { seg: string; to: string }[]>();
  const add = (a: string, seg: string, b: string) => {
    const list = adjacency.get(a) ?? [];
    list.push({ seg, to: b });
    adjacency.set(a, list);
  };
  for (const s of level.segments) {
    if (s.mode === 'cable') continue;
    add(s.from, s.id, s.to);
    add(s.to, s.id, s.from);
  }
  const routes: MiddleRoute[] = [];
  for (const origin of level.origins) {
    for (const market of level.markets) {
      let n = 0;
      const nodes = [origin];
      const segs: string[] = [];
      const walk = (at: string) => {
        if (routes.length >= MAX_ROUTES) return;
        if (at === market) {
          n += 1;
          routes.push({ id: `${origin}>${market}#${n}`, origin, market, segments: [...segs], nodes: [...nodes] });
          return;
        }
        if (segs.length >= level.maxRouteSegments) return;
        for (const { seg, to } of adjacency.get(at) ?? []) {
          if (nodes.includes(to)) continue;
          // A path that passes through another market ends there instead.
          if (to !== market && level.markets.includes(to)) continue;
          nodes.push(to);
          segs.push(seg);
          walk(to);
          nodes.pop();
          segs.pop();
        }
      };
      walk(origin);
    }
  }
  return routes;
}
