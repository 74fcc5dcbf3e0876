// What the base map (assets/basemap.json, built by scripts/build-basemap.ts) covers, for the
// validator and the map alike: the box it is clipped to and the countries it draws. The map
// colours and labels a state's country by matching the state's name or id to a country name
// (mapKey), so a state that matches none, or a node outside the box, is drawn wrongly.
// tests/unit/map-coverage.test.ts checks these against the asset.

/** [lonMin, latMin, lonMax, latMax] in degrees: the base map is clipped to this box. */
export const BASEMAP_BBOX: readonly [number, number, number, number] = [5, 22, 115, 60];

/** The base map's country names (Natural Earth's short names), as in the asset. */
export const BASEMAP_COUNTRIES: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'Armenia', 'Austria', 'Azerbaijan', 'Bangladesh', 'Belarus',
  'Belgium', 'Bhutan', 'Bosnia and Herz.', 'Bulgaria', 'Chad', 'China', 'Croatia', 'Cyprus',
  'Czechia', 'Denmark', 'Egypt', 'Estonia', 'France', 'Georgia', 'Germany', 'Greece',
  'Hong Kong', 'Hungary', 'India', 'Iran', 'Iraq', 'Israel', 'Italy', 'Jordan',
  'Kazakhstan', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Libya',
  'Lithuania', 'Luxembourg', 'Macedonia', 'Moldova', 'Mongolia', 'Montenegro', 'Myanmar', 'N. Cyprus',
  'Nepal', 'Netherlands', 'Niger', 'Norway', 'Oman', 'Pakistan', 'Palestine', 'Poland',
  'Qatar', 'Romania', 'Russia', 'Saudi Arabia', 'Serbia', 'Siachen Glacier', 'Slovakia', 'Slovenia',
  'Sweden', 'Switzerland', 'Syria', 'Tajikistan', 'Tunisia', 'Turkey', 'Turkmenistan', 'Ukraine',
  'United Arab Emirates', 'Uzbekistan', 'Vietnam',
];

/** Natural Earth names that differ from a level's state names. */
const ALIASES: Record<string, string> = { turkey: 'turkiye', 'türkiye': 'turkiye' };

/** The key a state's or force's name or id and a base-map country are matched by. */
export function mapKey(s: string): string {
  const n = s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
  return ALIASES[s.toLowerCase()] ?? ALIASES[n] ?? n;
}
