// Okabe–Ito colour-blind-safe palette. Every colour cue on the map is doubled by a
// shape or pattern cue (dashes, dots, ticks, markers), so nothing depends on hue alone.
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

export const hex = (css: string): number => parseInt(css.slice(1), 16);

/** Mode colour and pattern. */
export const MODE_STYLE: Record<string, { color: string; pattern: 'ties' | 'solid' | 'dots' | 'dashdot'; label: string }> = {
  rail: { color: OKABE_ITO.blue, pattern: 'ties', label: 'Rail (cross-ties)' },
  road: { color: OKABE_ITO.orange, pattern: 'solid', label: 'Road' },
  ferry: { color: OKABE_ITO.sky, pattern: 'dots', label: 'Ferry / sea (dots)' },
  port: { color: OKABE_ITO.purple, pattern: 'solid', label: 'Port' },
  cable: { color: OKABE_ITO.yellow, pattern: 'dashdot', label: 'Power cable' },
};

export const MAP_COLORS = {
  water: '#dcebf3',
  land: '#f3f1ea',
  landPlayer: '#ece3cc',
  landOwn: '#f2d079', // the viewer's own state: warmer than the others, and outlined (ownEdge)
  ownEdge: '#a66d00',
  landForce: '#e7e7ea',
  border: '#9a9488',
  coast: '#7d97a6',
  node: '#1d1d1d',
  nodeFill: '#ffffff',
  damaged: OKABE_ITO.vermillion,
  power: OKABE_ITO.yellow,
  powerEdge: '#5b5200',
  cargo: '#1d1d1d',
  highlight: OKABE_ITO.vermillion,
  alt: '#6b6b6b',
};
