// Network: every segment, alternative route and power-line stage as text — the
// keyboard and screen-reader twin of the map — with the sources the level cites for their
// figures, so a teacher can check them.
import { h } from '../dom';
import { money, mt, names, MODE_LABEL, STATUS_LABEL, stageState } from '../format';
import type { LoadedLevel } from '../sim';
import type { PanelContext } from './context';

/** Only web addresses become links: a level file is untrusted text. */
const webAddress = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** "Sources: s26, s27": each opens the list below at that source. */
function citations(ids: readonly string[] | undefined): HTMLElement | null {
  if (!ids?.length) return null;
  const show = (id: string) => {
    const item = document.getElementById(`source-${id}`);
    const list = item?.closest('details');
    if (!item || !list) return;
    list.open = true;
    item.scrollIntoView({ block: 'center' });
    item.focus();
  };
  return h('span', { class: 'citations' }, 'Sources: ', ids.flatMap((id, i) => [i ? ', ' : '', h('button', { type: 'button', class: 'link', 'aria-label': `source ${id}`, onclick: () => show(id) }, id)]));
}

function sourceList(level: LoadedLevel): HTMLElement | null {
  if (!level.sources.length) return null;
  return h(
    'details',
    { class: 'sources', 'data-testid': 'sources' },
    h('summary', null, `Sources for these figures (${level.sources.length})`),
    h('p', { class: 'hint' }, 'The level rounds real figures for play; these are the sources it cites.'),
    h('ul', { class: 'plain' }, level.sources.map((s) => h('li', { id: `source-${s.id}`, tabindex: '-1' }, h('span', { class: 'source-id' }, s.id), ' ', webAddress(s.url) ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title))),
  );
}

export function renderNetwork(ctx: PanelContext): HTMLElement {
  const { view, me, level } = ctx;
  const cited = (list: readonly { id: string; sources?: readonly string[] }[], id: string) => {
    const refs = citations(list.find((x) => x.id === id)?.sources);
    return refs ? h('div', { class: 'sub' }, refs) : null;
  };
  const segs = [...view.segments].sort((a, b) => Number(b.owners.includes(me)) - Number(a.owners.includes(me)) || b.flow - a.flow);
  return h(
    'div',
    { class: 'panel network', 'data-testid': 'network' },
    h('h2', null, 'Network'),
    h('p', { class: 'hint' }, view.history.length ? `Corridor cargo last turn: ${mt(view.throughput)} of that turn’s ${mt(view.history[view.history.length - 1].demand)} East–West demand; demand now ${mt(view.demand)}.` : `No cargo counted yet: the first figures come when turn 1 resolves. East–West demand ${mt(view.demand)}.`),
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
              h('div', { class: 'sub' }, `${MODE_LABEL[s.mode] ?? s.mode} · ${names(view, s.owners)}${s.requires ? ` · needs “${s.requires}”` : ''}`),
              cited(level.segments, s.id)),
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
      h('tbody', null, view.altRoutes.map((r) => h('tr', null, h('th', { scope: 'row' }, r.name, cited(level.alternativeRoutes, r.id)), h('td', { class: 'num' }, r.sea ? mt(r.flow) : `${mt(r.flow)} of ${mt(r.capacity)}`), h('td', { class: 'num' }, String(r.days)), h('td', { class: 'num' }, String(r.risk)))))),
    view.power.length
      ? h('section', null, h('h3', null, 'Power line'), h('ul', { class: 'plain' }, view.power.map((p) => h('li', null, `${p.name} (${names(view, p.hosts)}): ${stageState(p)}`, cited(level.powerLine?.stages ?? [], p.id)))))
      : null,
    sourceList(level),
  );
}
