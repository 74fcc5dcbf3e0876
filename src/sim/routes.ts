// Middle-corridor routes: the simple paths from an origin to a market over cargo
// segments (every mode but cable), enumerated once at level load in a fixed order
// (origins, then markets, in level order; depth-first over segments in level order).
import type { Level } from './level-schema';

export interface MiddleRoute { id: string; origin: string; market: string; segments: string[]; nodes: string[] }

export const MAX_ROUTES = 200;

export interface RouteSearch {
  routes: MiddleRoute[];
  /** 'routes': there were more than MAX_ROUTES routes, and only the first ones are listed. */
  stopped: 'routes' | null;
}

export function enumerateRoutes(level: Pick<Level, 'segments' | 'origins' | 'markets' | 'maxRouteSegments'>): MiddleRoute[] {
  return searchRoutes(level).routes;
}

export function searchRoutes(level: Pick<Level, 'segments' | 'origins' | 'markets' | 'maxRouteSegments'>): RouteSearch {
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
  let stopped: RouteSearch['stopped'] = null;
  for (const origin of level.origins) {
    for (const market of level.markets) {
      // Fewest segments from each node to this market, not passing another market: a branch
      // that cannot arrive within the segments left is never walked. This only prunes
      // branches that find nothing, so the routes and their order are the same.
      const dist = new Map<string, number>([[market, 0]]);
      for (let frontier = [market]; frontier.length;) {
        const next: string[] = [];
        for (const at of frontier) {
          if (at !== market && level.markets.includes(at)) continue;
          for (const { to } of adjacency.get(at) ?? []) {
            if (!dist.has(to)) {
              dist.set(to, dist.get(at)! + 1);
              next.push(to);
            }
          }
        }
        frontier = next;
      }
      /** Whether `from` reaches the market in at most `left` segments without using a node of `path` or another market. */
      const reachesAvoiding = (from: string, path: string[], left: number): boolean => {
        const seen = new Set<string>(path);
        seen.add(from);
        let frontier = [from];
        for (let depth = 1; depth <= left && frontier.length; depth++) {
          const next: string[] = [];
          for (const at of frontier) {
            for (const { to } of adjacency.get(at) ?? []) {
              if (to === market) return true;
              if (seen.has(to) || level.markets.includes(to)) continue;
              seen.add(to);
              next.push(to);
            }
          }
          frontier = next;
        }
        return false;
      };
      let n = 0;
      const nodes = [origin];
      const segs: string[] = [];
      const walk = (at: string) => {
        if (stopped) return;
        if (at === market) {
          // Only a route beyond the cap says the list is incomplete (exactly MAX_ROUTES is whole).
          if (routes.length >= MAX_ROUTES) {
            stopped = 'routes';
            return;
          }
          n += 1;
          routes.push({ id: `${origin}>${market}#${n}`, origin, market, segments: [...segs], nodes: [...nodes] });
          return;
        }
        if (segs.length >= level.maxRouteSegments) return;
        for (const { seg, to } of adjacency.get(at) ?? []) {
          if (nodes.includes(to)) continue;
          // A path that passes through another market ends there instead.
          if (to !== market && level.markets.includes(to)) continue;
          const d = dist.get(to);
          if (d === undefined || segs.length + 1 + d > level.maxRouteSegments) continue;
          // The same test around the path walked so far (a mesh hung off a node of the path
          // is a dead end that the static distance cannot see). With it every branch walked
          // ends in at least one route, so a search takes at most about MAX_ROUTES x
          // maxRouteSegments steps, however dense the network: no step budget is needed.
          if (d > 0 && !reachesAvoiding(to, nodes, level.maxRouteSegments - segs.length - 1)) continue;
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
  return { routes, stopped };
}
