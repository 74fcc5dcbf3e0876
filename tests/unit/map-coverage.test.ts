// The validator warns about what the map cannot draw: a node off the base map, a state whose
// name and id match no country of it. Its idea of the base map is the asset's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { variantFindings } from '../harness/level-variant';
import { BASEMAP_BBOX, BASEMAP_COUNTRIES } from '../../src/sim/map-coverage';

const asset = JSON.parse(readFileSync('assets/basemap.json', 'utf8')) as { bbox: number[]; countries: { name: string }[] };
const findings = variantFindings;

describe('the base map as the validator knows it', () => {
  it('is the asset: the same box and the same countries', () => {
    expect([...BASEMAP_BBOX]).toEqual(asset.bbox);
    expect([...BASEMAP_COUNTRIES]).toEqual(asset.countries.map((c) => c.name));
  });
});

describe('map warnings', () => {
  it('a node off the base map, by longitude or latitude', () => {
    expect(findings((l) => {
      l.nodes[0].lon = 115.5;
      l.nodes[1].lat = 21.9;
    })).toEqual([
      'warning $.nodes[0].lon: longitude 115.5 is off the base map (longitude 5 to 115), so the map draws this node where it has no land',
      'warning $.nodes[1].lat: latitude 21.9 is off the base map (latitude 22 to 60), so the map draws this node where it has no land',
    ]);
  });

  it('a node on the edge of the base map is fine', () => {
    expect(findings((l) => {
      l.nodes[0].lon = 115;
      l.nodes[1].lat = 22;
      l.nodes[2].lon = 5;
      l.nodes[3].lat = 60;
    })).toEqual([]);
  });

  it('a state whose name and id the map does not know, with the map\'s near name', () => {
    expect(findings((l) => (l.states[3].name = 'Bosnia'))).toEqual([]); // its id, "armenia", still matches
    expect(findings((l) => {
      l.states[3].name = 'Bosnia';
      l.states[3].id = 'bosnia';
      const json = JSON.stringify(l).replaceAll('"armenia"', '"bosnia"');
      Object.assign(l, JSON.parse(json));
    })).toEqual([
      'warning $.states[3].name: neither the name "Bosnia" nor the id "bosnia" is a country of the base map, so the map neither colours nor labels this state\'s land (did you mean "Bosnia and Herz.", as the map names it?)',
    ]);
  });

  it('names the map matches: accents, Türkiye for Turkey, case and spaces', () => {
    expect(findings((l) => (l.states[0].name = 'KAZAKHSTAN'))).toEqual([]);
    expect(findings((l) => {
      l.states[3].name = 'Türkiye';
      l.states[3].id = 'tr';
      Object.assign(l, JSON.parse(JSON.stringify(l).replaceAll('"armenia"', '"tr"')));
    })).toEqual([]);
  });
});
