// The map key: every colour is paired with its pattern or shape, drawn as small SVGs.
import { h, svg } from '../dom';
import { MAP_COLORS, MODE_STYLE, OKABE_ITO } from '../palette';

function lineSwatch(color: string, opts: { dash?: string; ties?: boolean; dots?: boolean; width?: number; opacity?: number; marker?: 'cross' | 'noentry' } = {}): SVGSVGElement {
  const s = svg('svg', { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' });
  if (opts.dots) {
    for (let x = 4; x <= 36; x += 7) s.append(svg('circle', { cx: x, cy: 8, r: 2.2, fill: color }));
  } else {
    s.append(svg('line', { x1: 2, y1: 8, x2: 38, y2: 8, stroke: color, 'stroke-width': opts.width ?? 3, 'stroke-dasharray': opts.dash ?? 'none', opacity: opts.opacity ?? 1 }));
  }
  if (opts.ties) for (let x = 6; x < 38; x += 8) s.append(svg('line', { x1: x, y1: 3, x2: x, y2: 13, stroke: color, 'stroke-width': 1.5 }));
  if (opts.marker === 'cross') {
    s.append(svg('circle', { cx: 20, cy: 8, r: 7, fill: '#fff' }));
    s.append(svg('path', { d: 'M15 3 L25 13 M15 13 L25 3', stroke: MAP_COLORS.damaged, 'stroke-width': 2.5 }));
  }
  if (opts.marker === 'noentry') {
    s.append(svg('circle', { cx: 20, cy: 8, r: 6, fill: '#fff', stroke: MAP_COLORS.node, 'stroke-width': 1.5 }));
    s.append(svg('line', { x1: 16, y1: 8, x2: 24, y2: 8, stroke: MAP_COLORS.node, 'stroke-width': 2.5 }));
  }
  return s;
}

function nodeSwatch(shape: 'circle' | 'square' | 'diamond' | 'origin' | 'market'): SVGSVGElement {
  const s = svg('svg', { width: 40, height: 22, viewBox: '0 0 40 22', 'aria-hidden': 'true' });
  const st = { fill: '#fff', stroke: MAP_COLORS.node, 'stroke-width': 2 };
  if (shape === 'circle') s.append(svg('circle', { cx: 20, cy: 11, r: 5, ...st }));
  if (shape === 'square') s.append(svg('rect', { x: 15, y: 6, width: 10, height: 10, ...st }));
  if (shape === 'diamond') s.append(svg('path', { d: 'M20 5 L26 11 L20 17 L14 11 Z', ...st }));
  if (shape === 'origin' || shape === 'market') {
    s.append(svg('circle', { cx: 20, cy: 11, r: 9, fill: 'none', stroke: shape === 'origin' ? OKABE_ITO.green : OKABE_ITO.purple, 'stroke-width': 3 }));
    s.append(svg('circle', { cx: 20, cy: 11, r: 4, ...st }));
  }
  return s;
}

function landSwatch(fill: string, edge?: string): SVGSVGElement {
  const s = svg('svg', { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' });
  s.append(svg('rect', { x: 3, y: 2, width: 34, height: 12, rx: 2, fill, stroke: edge ?? MAP_COLORS.border, 'stroke-width': edge ? 2 : 1 }));
  return s;
}

export function buildLegend(): HTMLElement {
  const row = (sw: SVGSVGElement, text: string) => h('li', null, sw, h('span', null, text));
  const power = svg('svg', { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' });
  power.append(svg('line', { x1: 2, y1: 8, x2: 38, y2: 8, stroke: MAP_COLORS.powerEdge, 'stroke-width': 5, 'stroke-dasharray': '12 4 3 4' }));
  power.append(svg('line', { x1: 2, y1: 8, x2: 38, y2: 8, stroke: MAP_COLORS.power, 'stroke-width': 3, 'stroke-dasharray': '12 4 3 4' }));
  power.append(svg('path', { d: 'M20 2 L26 8 L20 14 L14 8 Z', fill: '#fff', stroke: MAP_COLORS.powerEdge, 'stroke-width': 1.5 }));
  const alt = svg('svg', { width: 40, height: 16, viewBox: '0 0 40 16', 'aria-hidden': 'true' });
  alt.append(svg('line', { x1: 12, y1: 8, x2: 38, y2: 8, stroke: MAP_COLORS.alt, 'stroke-width': 4, 'stroke-dasharray': '8 3' }));
  alt.append(svg('path', { d: 'M2 8 L14 2 L14 14 Z', fill: MAP_COLORS.alt }));
  return h(
    'details',
    { class: 'map-legend', 'data-testid': 'map-legend' },
    h('summary', null, 'Map key'),
    h(
      'ul',
      null,
      row(lineSwatch(MODE_STYLE.rail.color, { ties: true }), 'Rail'),
      row(lineSwatch(MODE_STYLE.road.color), 'Road'),
      row(lineSwatch(MODE_STYLE.ferry.color, { dots: true }), 'Ferry / sea'),
      row(lineSwatch(MODE_STYLE.cable.color, { dash: '10 4 2 4' }), 'Cable'),
      row(lineSwatch('#555', { dash: '8 6', opacity: 0.7 }), 'Planned (dashed)'),
      row(lineSwatch('#555', { dash: '8 6', opacity: 0.5 }), 'Building: solid part is done'),
      row(lineSwatch('#555', { width: 7 }), 'Thicker = more cargo'),
      row(lineSwatch('#555', { marker: 'cross', opacity: 0.5 }), 'Damaged'),
      row(lineSwatch('#555', { marker: 'noentry', dash: '8 6' }), 'Needs the peace track'),
      row(power, 'Power line stage'),
      row(alt, 'Alternative route (load)'),
      row(nodeSwatch('circle'), 'City'),
      row(nodeSwatch('square'), 'Port'),
      row(nodeSwatch('diamond'), 'Border crossing'),
      row(nodeSwatch('origin'), 'Cargo origin'),
      row(nodeSwatch('market'), 'Market'),
      row(landSwatch(MAP_COLORS.landOwn, MAP_COLORS.ownEdge), 'Your state (in a state\'s own view)'),
      row(landSwatch(MAP_COLORS.landPlayer), 'Other player states'),
    ),
  );
}
