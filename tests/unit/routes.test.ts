// Route enumeration: the depth-first search over simple paths skips branches that cannot
// reach the market within maxRouteSegments around the path walked, so a dense mesh cannot
// hang the validator or the game's loading, and it says when there were more routes than
// MAX_ROUTES.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enumerateRoutes, MAX_ROUTES, searchRoutes } from '../../src/sim/routes';
import type { Level } from '../../src/sim/level-schema';

type RouteLevel = Pick<Level, 'segments' | 'origins' | 'markets' | 'maxRouteSegments'>;
const tutorial = JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as RouteLevel & { nodes: { id: string }[] };

/** An n x n grid of road segments hung off `at`; the grid's own ids start with "g". */
function withMesh(level: RouteLevel, at: string, n: number, maxRouteSegments: number, also?: string): RouteLevel {
  const segs: RouteLevel['segments'] = [...level.segments];
  const base = level.segments.find((s) => s.mode !== 'cable')!;
  const seg = (from: string, to: string) => segs.push({ ...base, id: `${from}-${to}`, from, to, mode: 'road' });
  const id = (i: number, j: number) => `g${i}-${j}`;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i + 1 < n) seg(id(i, j), id(i + 1, j));
    if (j + 1 < n) seg(id(i, j), id(i, j + 1));
  }
  seg(at, id(0, 0));
  if (also) seg(id(n - 1, n - 1), also);
  return { ...level, segments: segs, maxRouteSegments };
}

describe('route enumeration', () => {
  it('a dead-end mesh adds no route and does not stop the search', () => {
    const plain = searchRoutes(tutorial);
    const meshed = searchRoutes(withMesh(tutorial, tutorial.origins[0], 7, 30));
    expect(meshed.stopped).toBeNull();
    expect(meshed.routes).toEqual(plain.routes);
  });

  it('a mesh on the way to a market stops at the route cap, and says so', () => {
    const r = searchRoutes(withMesh(tutorial, tutorial.origins[0], 7, 30, tutorial.markets[0]));
    expect(r.stopped).toBe('routes');
    expect(r.routes).toHaveLength(MAX_ROUTES);
  });

  it('exactly MAX_ROUTES routes is a whole list; one more is cut short', () => {
    const base = searchRoutes(tutorial).routes.length;
    const direct = (k: number): RouteLevel => {
      const seg = tutorial.segments.find((s) => s.mode !== 'cable')!;
      const extra = Array.from({ length: k }, (_, i) => ({ ...seg, id: `direct-${i}`, from: tutorial.origins[0], to: tutorial.markets[0] }));
      return { ...tutorial, segments: [...tutorial.segments, ...extra] };
    };
    const whole = searchRoutes(direct(MAX_ROUTES - base));
    expect(whole.routes).toHaveLength(MAX_ROUTES);
    expect(whole.stopped).toBeNull();
    const cut = searchRoutes(direct(MAX_ROUTES - base + 1));
    expect(cut.routes).toHaveLength(MAX_ROUTES);
    expect(cut.stopped).toBe('routes');
  });

  it('enumerateRoutes lists the routes of the search', () => {
    expect(enumerateRoutes(tutorial)).toEqual(searchRoutes(tutorial).routes);
    expect(searchRoutes(tutorial).routes.length).toBeGreaterThan(0);
  });
});
