// The base map asset (assets/basemap.json, built by scripts/build-basemap.ts): decoding
// and drawing. Coordinates arrive delta-encoded in 1/q degrees.
import type { GeoProjection } from 'd3-geo';
import { MAP_COLORS } from '../palette';

export interface BasemapFile {
  format: string;
  bbox: [number, number, number, number];
  q: number;
  countries: { name: string; rings: number[][] }[];
  borders: number[][];
  coast: number[][];
}

/** Lon/lat lines: [lon0, lat0, lon1, lat1, ...]. */
export interface Basemap {
  bbox: [number, number, number, number];
  countries: { name: string; rings: Float64Array[] }[];
  borders: Float64Array[];
  coast: Float64Array[];
}

function decode(enc: number[], q: number): Float64Array {
  const out = new Float64Array(enc.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < enc.length; i += 2) {
    x += enc[i];
    y += enc[i + 1];
    out[i] = x / q;
    out[i + 1] = y / q;
  }
  return out;
}

export function decodeBasemap(file: BasemapFile): Basemap {
  if (file.format !== 'corridor-basemap-1') throw new Error(`unknown basemap format ${file.format}`);
  return {
    bbox: file.bbox,
    countries: file.countries.map((c) => ({ name: c.name, rings: c.rings.map((r) => decode(r, file.q)) })),
    borders: file.borders.map((l) => decode(l, file.q)),
    coast: file.coast.map((l) => decode(l, file.q)),
  };
}

/** Projected copies of the base map in world pixels; recomputed when the projection changes. */
export interface ProjectedBasemap {
  countries: { name: string; rings: Float32Array[] }[];
  borders: Float32Array[];
  coast: Float32Array[];
}

function projectLine(line: Float64Array, projection: GeoProjection): Float32Array {
  const out = new Float32Array(line.length);
  for (let i = 0; i < line.length; i += 2) {
    const p = projection([line[i], line[i + 1]]);
    out[i] = p ? p[0] : NaN;
    out[i + 1] = p ? p[1] : NaN;
  }
  return out;
}

export function projectBasemap(map: Basemap, projection: GeoProjection): ProjectedBasemap {
  return {
    countries: map.countries.map((c) => ({ name: c.name, rings: c.rings.map((r) => projectLine(r, projection)) })),
    borders: map.borders.map((l) => projectLine(l, projection)),
    coast: map.coast.map((l) => projectLine(l, projection)),
  };
}

function tracePath(ctx: CanvasRenderingContext2D, line: Float32Array, close: boolean): void {
  ctx.moveTo(line[0], line[1]);
  for (let i = 2; i < line.length; i += 2) ctx.lineTo(line[i], line[i + 1]);
  if (close) ctx.closePath();
}

/** Draws land, borders and coasts with a view transform (zoom k, pan tx/ty). */
export function drawBasemap(
  ctx: CanvasRenderingContext2D,
  map: ProjectedBasemap,
  width: number,
  height: number,
  k: number,
  tx: number,
  ty: number,
  fillFor: (country: string) => string,
  outlined: (country: string) => boolean = () => false,
): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = MAP_COLORS.water;
  ctx.fillRect(0, 0, width, height);
  ctx.setTransform(k, 0, 0, k, tx, ty);
  for (const c of map.countries) {
    ctx.beginPath();
    for (const r of c.rings) tracePath(ctx, r, true);
    ctx.fillStyle = fillFor(c.name);
    ctx.fill('evenodd');
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (const l of map.coast) tracePath(ctx, l, false);
  ctx.strokeStyle = MAP_COLORS.coast;
  ctx.lineWidth = 1 / k;
  ctx.stroke();
  ctx.beginPath();
  for (const l of map.borders) tracePath(ctx, l, false);
  ctx.strokeStyle = MAP_COLORS.border;
  ctx.setLineDash([4 / k, 3 / k]);
  ctx.lineWidth = 0.9 / k;
  ctx.stroke();
  ctx.setLineDash([]);
  // The viewer's own state, drawn over the shared borders so it reads at a glance.
  ctx.beginPath();
  for (const c of map.countries) if (outlined(c.name)) for (const r of c.rings) tracePath(ctx, r, true);
  ctx.strokeStyle = MAP_COLORS.ownEdge;
  ctx.lineWidth = 2.2 / k;
  ctx.stroke();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
