// Builds assets/basemap.json: Natural Earth 1:50m countries (public domain, via the
// world-atlas package) clipped to the corridor region, simplified and quantised so the
// shipped asset stays small. Run: npx tsx scripts/build-basemap.ts
//
// Output format (all coordinates are integers in 1/Q degree, delta-encoded per ring/line:
// [x0, y0, dx1, dy1, ...] with x = lon*Q, y = lat*Q):
//   { format, source, bbox:[lonMin,latMin,lonMax,latMax], q,
//     countries: [{ name, rings: number[][] }], borders: number[][], coast: number[][] }
// Seas (Black Sea, Caspian) are simply where no country polygon is.
import { readFileSync, writeFileSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { BASEMAP_BBOX } from '../src/sim/map-coverage';

const BBOX = BASEMAP_BBOX; // shared with the validator's warnings about nodes off the map
const Q = 50; // 0.02 degree grid (about 2 km): finer than the simplification tolerance
const TOLERANCE = 0.03; // degrees, Douglas-Peucker
const MIN_RING_AREA = 0.05; // square degrees: drop tiny islands

type Pt = [number, number];

const topo = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

function inside(p: Pt, edge: number): boolean {
  switch (edge) {
    case 0: return p[0] >= BBOX[0];
    case 1: return p[0] <= BBOX[2];
    case 2: return p[1] >= BBOX[1];
    default: return p[1] <= BBOX[3];
  }
}
function intersect(a: Pt, b: Pt, edge: number): Pt {
  const v = edge === 0 ? BBOX[0] : edge === 1 ? BBOX[2] : edge === 2 ? BBOX[1] : BBOX[3];
  if (edge < 2) {
    const t = (v - a[0]) / (b[0] - a[0]);
    return [v, a[1] + t * (b[1] - a[1])];
  }
  const t = (v - a[1]) / (b[1] - a[1]);
  return [a[0] + t * (b[0] - a[0]), v];
}
/** Sutherland-Hodgman against the bbox; keeps ring orientation. */
function clipRing(ring: Pt[]): Pt[] {
  let out = ring.slice(0, -1);
  for (let edge = 0; edge < 4 && out.length; edge++) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur, edge)) {
        if (!inside(prev, edge)) out.push(intersect(prev, cur, edge));
        out.push(cur);
      } else if (inside(prev, edge)) out.push(intersect(prev, cur, edge));
    }
  }
  return out;
}

function simplify(points: Pt[], tol: number): Pt[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let best = -1;
    let bestD = tol;
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay) || 1e-12;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([a, best], [best, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** A closed ring: split at the vertex farthest from the first, simplify both halves. */
function simplifyRing(ring: Pt[], tol: number): Pt[] {
  let far = 0;
  let farD = -1;
  for (let i = 1; i < ring.length; i++) {
    const d = Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
    if (d > farD) { farD = d; far = i; }
  }
  const a = simplify(ring.slice(0, far + 1), tol);
  const b = simplify([...ring.slice(far), ring[0]], tol);
  return [...a, ...b.slice(1, -1)];
}

function area(ring: Pt[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s / 2);
}

function encode(points: Pt[]): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [lon, lat] of points) {
    const x = Math.round(lon * Q);
    const y = Math.round(lat * Q);
    if (out.length && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

const countries: { name: string; rings: number[][] }[] = [];
let pointCount = 0;
const fc = feature(topo, topo.objects.countries);
for (const f of fc.features) {
  const g = f.geometry;
  if (!g) continue;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const rings: number[][] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const clipped = clipRing(ring as Pt[]);
      if (clipped.length < 3 || area(clipped) < MIN_RING_AREA) continue;
      const simple = simplifyRing(clipped, TOLERANCE);
      if (simple.length < 3) continue;
      const enc = encode(simple);
      if (enc.length < 6) continue;
      rings.push(enc);
      pointCount += enc.length / 2;
    }
  }
  if (rings.length) countries.push({ name: f.properties?.name ?? String(f.id), rings });
}
countries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

function clipLines(lines: Pt[][]): number[][] {
  const margin = 1;
  const near = (p: Pt) => p[0] >= BBOX[0] - margin && p[0] <= BBOX[2] + margin && p[1] >= BBOX[1] - margin && p[1] <= BBOX[3] + margin;
  const out: number[][] = [];
  for (const line of lines) {
    let run: Pt[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const enc = encode(simplify(run, TOLERANCE));
        if (enc.length >= 4) { out.push(enc); pointCount += enc.length / 2; }
      }
      run = [];
    };
    for (const p of line) {
      if (near(p)) run.push(p);
      else flush();
    }
    flush();
  }
  return out;
}

const obj = topo.objects.countries;
const borders = clipLines(mesh(topo, obj, (a, b) => a !== b).coordinates as Pt[][]);
const coast = clipLines(mesh(topo, obj, (a, b) => a === b).coordinates as Pt[][]);

const out = {
  format: 'corridor-basemap-1',
  source: 'Natural Earth 1:50m admin-0 countries (public domain) via world-atlas 2.0.2',
  bbox: BBOX,
  q: Q,
  countries,
  borders,
  coast,
};
const json = JSON.stringify(out);
writeFileSync('assets/basemap.json', json + '\n');
console.log(`assets/basemap.json: ${countries.length} countries, ${pointCount} points, ${(json.length / 1024).toFixed(1)} KB`);
