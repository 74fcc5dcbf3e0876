// Relations: how others feel about you (estimates only, never the hidden values), and
// how you feel about others, which you know exactly. Once the view holds the whole matrix
// (the facilitator's reveal, or the end) the exact values take the estimates' place: both at
// once read as two answers to one question.
import { h } from '../dom';
import { nameIn } from '../format';
import type { Estimate, PlayerView } from '../sim';
import type { PanelContext } from './context';

function rangeBar(e: Estimate, label: string): HTMLElement {
  return h(
    'span',
    { class: `range ${e.label}`, role: 'img', 'aria-label': `${label}: between ${e.lo} and ${e.hi} of 100, ${e.label}` },
    h('span', { class: 'range-band', style: `left:${e.lo}%;width:${Math.max(2, e.hi - e.lo)}%` }),
  );
}

function valueBar(v: number, label: string): HTMLElement {
  return h('span', { class: 'range exact', role: 'img', 'aria-label': `${label}: ${v} of 100` }, h('span', { class: 'range-fill', style: `width:${v}%` }));
}

export function animosityMatrix(view: PlayerView): HTMLElement | null {
  const m = view.animosity;
  if (!m) return null;
  const ids = [...view.states.map((s) => s.id), ...view.forces.map((f) => f.id)].filter((id) => m[id]);
  return h(
    'section',
    null,
    // The facilitator sees the matrix whether or not it was revealed: say which it is.
    h('h3', null, view.viewer === 'facilitator' && !view.revealed && view.phase !== 'ended' ? 'All animosities (the facilitator’s view: the players do not see them)' : 'All animosities (revealed)'),
    h('p', { class: 'hint' }, 'How much the state in each row distrusts the one in each column, 0–100: green under 35, sand 35–59, orange and bold 60 and over.'),
    h('div', { class: 'matrix-wrap' },
      h('table', { class: 'table matrix' },
        h('thead', null, h('tr', null, h('th', null, ''), ids.map((id) => h('th', { scope: 'col', class: 'col-name' }, h('span', null, nameIn(view, id)))))),
        h('tbody', null, ids.map((a) => h('tr', null, h('th', { scope: 'row' }, nameIn(view, a)), ids.map((b) => {
          const v = a === b ? null : m[a]?.[b];
          return h('td', { class: v === null || v === undefined ? 'na' : v >= 60 ? 'hi' : v >= 35 ? 'mid' : 'lo' }, v === null || v === undefined ? '' : String(v));
        })))),
      ),
    ),
  );
}

/** How others feel about the viewer: the exact values once revealed, else its estimates. */
function towardsMe(view: PlayerView, me: string): HTMLElement {
  const perceived = view.perceived ?? {};
  const m = view.animosity;
  if (m) {
    const exact = Object.keys(perceived).filter((id) => m[id]?.[me] !== undefined).map((id) => ({ id, v: m[id][me] })).sort((a, b) => b.v - a.v);
    return h(
      'section',
      { 'aria-labelledby': 'perc-h' },
      h('h3', { id: 'perc-h' }, 'How others feel about you — revealed'),
      h('p', { class: 'hint' }, view.phase === 'ended' ? 'The game is over: every animosity is shown exactly.' : 'The facilitator has revealed every animosity: these are the exact values, not estimates.'),
      h('ul', { class: 'relation-list', 'data-testid': 'revealed-towards-you' },
        exact.map(({ id, v }) => h('li', null, h('span', { class: 'rel-name' }, nameIn(view, id)), valueBar(v, `${nameIn(view, id)} towards you`), h('span', { class: 'rel-label' }, String(v))))),
    );
  }
  const others = Object.keys(perceived).sort((a, b) => perceived[b].lo + perceived[b].hi - (perceived[a].lo + perceived[a].hi));
  return h(
    'section',
    { 'aria-labelledby': 'perc-h' },
    h('h3', { id: 'perc-h' }, 'How others feel about you — your estimates'),
    h('p', { class: 'hint' }, 'The true value lies inside the band. Spending on intelligence about a state narrows its band.'),
    h('ul', { class: 'relation-list', 'data-testid': 'perceived' },
      others.map((id) => h('li', null, h('span', { class: 'rel-name' }, nameIn(view, id)), rangeBar(perceived[id], `${nameIn(view, id)} towards you`), h('span', { class: `rel-label ${perceived[id].label}` }, `${perceived[id].lo}–${perceived[id].hi} ${perceived[id].label}`)))),
  );
}

export function renderRelations(ctx: PanelContext): HTMLElement {
  const { view, me } = ctx;
  const own = view.ownAnimosity ?? {};
  const ownIds = Object.keys(own).sort((a, b) => own[b] - own[a]);
  return h(
    'div',
    { class: 'panel relations', 'data-testid': 'relations' },
    h('h2', null, 'Relations'),
    h('p', { class: 'hint' }, 'Animosity is how much one side distrusts another (0–100). It changes the odds of deals failing at home, pledges being withheld, incidents and pacts collapsing. These are tendencies, not judgements.'),
    towardsMe(view, me),
    h(
      'section',
      { 'aria-labelledby': 'own-h' },
      h('h3', { id: 'own-h' }, 'How you feel about others — exact'),
      h('p', { class: 'hint' }, 'Your own side of each relation, which you know exactly. It shapes your own odds in the same way.'),
      h('ul', { class: 'relation-list', 'data-testid': 'own-animosity' },
        ownIds.map((id) => h('li', null, h('span', { class: 'rel-name' }, nameIn(view, id)), valueBar(own[id], `you towards ${nameIn(view, id)}`), h('span', { class: 'rel-label' }, String(own[id]))))),
    ),
    view.pacts.length
      ? h('section', null, h('h3', null, 'Security pacts in force'), h('ul', { class: 'plain' }, view.pacts.map((p) => h('li', null, `${p.members.map((m) => nameIn(view, m)).join(', ')} — until turn ${p.endsTurn}`))))
      : null,
    animosityMatrix(view),
  );
}
