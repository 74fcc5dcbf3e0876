// Warnings about what the map cannot draw as the level means it: a node outside the base
// map's box (it lands off the land, and the map's frame stretches to reach it), and a player
// state whose name and id both match no country of the base map (its land is neither coloured
// nor labelled). Warnings only: the game plays the same either way.
import type { Finding } from './level';
import { closest } from './level-check';
import { BASEMAP_BBOX, BASEMAP_COUNTRIES, mapKey } from './map-coverage';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []).map((o) => (isObj(o) ? o : {}));
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

const KNOWN = new Set(BASEMAP_COUNTRIES.map(mapKey));

export function checkMap(data: Obj): Finding[] {
  const out: Finding[] = [];
  const warn = (path: (string | number)[], message: string) => out.push({ severity: 'warning', path, message });
  const [lonMin, latMin, lonMax, latMax] = BASEMAP_BBOX;
  list(data.nodes).forEach((n, i) => {
    const lon = num(n.lon);
    const lat = num(n.lat);
    const off = (v: number, lo: number, hi: number, what: string) => `${what} ${v} is off the base map (${what} ${lo} to ${hi}), so the map draws this node where it has no land`;
    if (lon !== undefined && (lon < lonMin || lon > lonMax)) warn(['nodes', i, 'lon'], off(lon, lonMin, lonMax, 'longitude'));
    if (lat !== undefined && (lat < latMin || lat > latMax)) warn(['nodes', i, 'lat'], off(lat, latMin, latMax, 'latitude'));
  });
  list(data.states).forEach((s, i) => {
    const id = typeof s.id === 'string' ? s.id : undefined;
    const name = typeof s.name === 'string' ? s.name : undefined;
    if (id === undefined || name === undefined || KNOWN.has(mapKey(id)) || KNOWN.has(mapKey(name))) return;
    const near = closest(name, BASEMAP_COUNTRIES) ?? closest(id, BASEMAP_COUNTRIES);
    const hint = near === undefined ? '' : ` (did you mean ${JSON.stringify(near)}, as the map names it?)`;
    warn(['states', i, 'name'], `neither the name ${JSON.stringify(name)} nor the id "${id}" is a country of the base map, so the map neither colours nor labels this state's land${hint}`);
  });
  return out;
}
