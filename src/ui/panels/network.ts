// Network: every segment, alternative route and power-line stage as text — the
// keyboard and screen-reader twin of the map.
import { h } from '../dom';
import { money, mt, names, MODE_LABEL, STATUS_LABEL } from '../format';
import type { PanelContext } from './context';

export function renderNetwork(ctx: PanelContext): HTMLElement {
  const { view, me } = ctx;
  const segs = [...view.segments].sort((a, b) => Number(b.owners.includes(me)) - Number(a.owners.includes(me)) || b.flow - a.flow);
  return h(
    'div',
    { class: 'panel network', 'data-testid': 'network' },
    h('h2', null, 'Network'),
    h('p', { class: 'hint' }, `Corridor cargo last turn: ${mt(view.throughput)} of ${mt(view.demand)} East–West demand.`),
    h(
      'table',
      { class: 'table segments' },
      h('caption', { class: 'visually-hidden' }, 'Segments'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Segment'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col', class: 'num' }, 'Flow / capacity'), h('th', { scope: 'col', class: 'num' }, 'Risk'))),
      h(
        'tbody',
        null,
        segs.map((s) =>
          h(
            'tr',
            { class: s.owners.includes(me) ? 'me' : '', onmouseenter: () => ctx.highlightSegment(s.id), onmouseleave: () => ctx.highlightSegment(null) },
            h('th', { scope: 'row' },
              h('button', { type: 'button', class: 'link', 'data-testid': `net-${s.id}`, onclick: () => ctx.focusSegment(s.id), onfocus: () => ctx.highlightSegment(s.id), onblur: () => ctx.highlightSegment(null) }, s.name),
              h('div', { class: 'sub' }, `${MODE_LABEL[s.mode] ?? s.mode} · ${names(view, s.owners)}${s.requires ? ` · needs “${s.requires}”` : ''}`)),
            h('td', null, STATUS_LABEL[s.status], s.status === 'building' || s.upgrading ? h('div', { class: 'sub' }, `${s.progress}/${s.buildTurns} turns`) : s.status === 'planned' ? h('div', { class: 'sub' }, `${money(s.funded)} of ${money(s.cost)}`) : null),
            h('td', { class: 'num' }, `${mt(s.flow)}`, h('div', { class: 'sub' }, `of ${mt(s.capacity)}`)),
            h('td', { class: 'num' }, String(s.risk)),
          ),
        ),
      ),
    ),
    h('h3', null, 'Alternative routes'),
    h('table', { class: 'table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Route'), h('th', { scope: 'col', class: 'num' }, 'Load'), h('th', { scope: 'col', class: 'num' }, 'Days'), h('th', { scope: 'col', class: 'num' }, 'Risk'))),
      h('tbody', null, view.altRoutes.map((r) => h('tr', null, h('th', { scope: 'row' }, r.name), h('td', { class: 'num' }, r.sea ? mt(r.flow) : `${mt(r.flow)} of ${mt(r.capacity)}`), h('td', { class: 'num' }, String(r.days)), h('td', { class: 'num' }, String(r.risk)))))),
    view.power.length
      ? h('section', null, h('h3', null, 'Power line'), h('ul', { class: 'plain' }, view.power.map((p) => h('li', null, `${p.name} (${names(view, p.hosts)}): ${p.status === 'done' ? 'built' : p.status === 'building' ? `building ${p.progress}/${p.buildTurns}` : `${money(p.funded)} of ${money(p.cost)} pledged`}`))))
      : null,
  );
}
