// End screen: scores with every secret agenda revealed, the winner, the collective
// outcome beside it (the debrief's two sides), and a chart of cargo over the turns.
import { clear, h, svg } from '../dom';
import { joinAnd, money, mt, nameIn, rankOf } from '../format';
import type { LoadedLevel, PlayerView, ScoreParts } from '../sim';
import type { DebriefFile } from '../debrief';
import { debriefCard } from '../panels/debrief';
import { corridorGoals } from '../panels/dashboard';
import { animosityMatrix } from '../panels/relations';

export interface EndHooks {
  /** The level's name: a printed handout must say which game it is from. */
  levelName: string;
  onReplay(): void;
  onNew(): void;
  onBack(): void;
  /** The game that just ended, in the replay viewer. */
  onWatch?(): void;
  onDownload?(): void;
  onShare?(): void;
  /** The debrief's files (CSV, JSON), and how to save one. */
  debrief?: { level: LoadedLevel; save(file: DebriefFile): void };
}

/** A round step (1, 2 or 5 times a power of ten) giving about `parts` steps up to max. */
function niceStep(max: number, parts: number): number {
  const raw = Math.max(max / parts, 1e-9);
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((st) => st >= raw) ?? 10 * p;
}

function chart(view: PlayerView): HTMLElement | null {
  const hist = view.history;
  if (hist.length < 1) return null;
  const W = 520;
  const H = 190;
  const L = 52; // room for the y-axis figures
  const R = 16;
  const T = 14;
  const B = 40; // room for the turn numbers and the axis name
  const text = (attrs: Record<string, string | number>, content: string) => {
    const t = svg('text', { fill: '#333', 'font-size': 14, ...attrs });
    t.textContent = content;
    return t;
  };
  // Mt/yr, on a scale with round steps that reaches past both the target and the best turn.
  const top = Math.max(view.targetThroughput, ...hist.map((r) => Math.max(r.throughput, 1))) / 1000;
  const step = niceStep(top, 4);
  const maxY = Math.ceil(top / step) * step;
  const x = (i: number) => L + (i * (W - L - R)) / Math.max(1, hist.length - 1);
  const y = (kt: number) => H - B - ((kt / 1000) * (H - T - B)) / maxY;
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': `Corridor cargo per turn, from ${mt(hist[0].throughput)} to ${mt(hist[hist.length - 1].throughput)}; target ${mt(view.targetThroughput)}`, class: 'chart' });
  for (let v = 0; v <= maxY + step / 2; v += step) {
    const yy = y(v * 1000);
    s.append(svg('line', { x1: L, y1: yy, x2: W - R, y2: yy, stroke: v === 0 ? '#333' : '#ddd' }));
    s.append(text({ x: L - 6, y: yy + 4, 'text-anchor': 'end' }, `${Number(v.toFixed(3))}`));
  }
  s.append(svg('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#333' }));
  const every = hist.length > 10 ? 2 : 1;
  hist.forEach((r, i) => {
    if (r.turn % every === 0) s.append(text({ x: x(i), y: H - B + 16, 'text-anchor': 'middle' }, String(r.turn)));
  });
  s.append(text({ x: L + (W - L - R) / 2, y: H - 6, 'text-anchor': 'middle' }, 'turn'));
  s.append(svg('line', { x1: L, y1: y(view.targetThroughput), x2: W - R, y2: y(view.targetThroughput), stroke: '#D55E00', 'stroke-dasharray': '6 4', 'stroke-width': 2 }));
  // The label sits on the side of the target line away from the last turns' cargo line (over
  // it, the two overlapped), with a white halo.
  const ty = y(view.targetThroughput);
  const late = hist.slice(-4).map((r) => y(r.throughput));
  const near = (lo: number, hi: number) => late.some((py) => py > lo && py < hi);
  // Above the line (y - 6) unless cargo runs just over it and not just under it; never on the turn numbers.
  const below = near(ty - 22, ty) && !near(ty, ty + 22);
  s.append(text({ x: W - R, y: below ? Math.min(ty + 17, H - B - 4) : Math.max(ty - 6, T + 12), 'text-anchor': 'end', fill: '#8a3b00', 'font-size': 14, stroke: '#fff', 'stroke-width': 4, 'paint-order': 'stroke' }, `target ${mt(view.targetThroughput)}`));
  s.append(svg('polyline', { points: hist.map((r, i) => `${x(i)},${y(r.throughput)}`).join(' '), fill: 'none', stroke: '#0072B2', 'stroke-width': 3 }));
  hist.forEach((r, i) => s.append(svg('circle', { cx: x(i), cy: y(r.throughput), r: 3.5, fill: '#0072B2' })));
  return h('figure', { class: 'chart-figure' }, h('figcaption', null, 'Cargo on the corridor each turn, Mt/yr'), s);
}

export function renderEnd(root: HTMLElement, view: PlayerView, hooks: EndHooks): void {
  clear(root);
  const ranked = [...view.states].sort((a, b) => b.score - a.score);
  const headline = winnerText(view, ranked);
  const c = view.collective;
  const reached = c.throughput >= c.target;
  const playAgain = h('button', { type: 'button', class: 'primary big', 'data-testid': 'play-again', onclick: hooks.onReplay }, 'Play again with the same seed');
  root.append(
    h(
      'div',
      { class: 'end', 'data-testid': 'end-screen' },
      h('header', { class: 'end-head' },
        h('p', { class: 'kicker' }, 'Game over · ', h('span', { class: 'level-name', 'data-testid': 'end-level' }, hooks.levelName), ` · ${view.period} · seed `, h('span', { class: 'seed' }, `“${view.seed ?? ''}”`)),
        h('h1', { 'data-testid': 'winner' }, headline),
        view.endsEarly ? h('p', { class: 'hint', 'data-testid': 'ended-early' }, `The facilitator ended the game early, after turn ${view.turns}: it was scored as a last turn is.`) : null,
        h('p', { class: 'verdict' }, `Together the corridor carried ${mt(c.throughput)} against a target of ${mt(c.target)} — ${reached ? 'the shared goal was reached' : 'short of the shared goal'}. The power line was ${c.powerLine ? 'energised' : 'not energised'}. ${c.peace !== 'none' ? `The peace track ended at “${c.peace}”${c.peaceHeld ? ' and held' : ' after falling back at least once'}.` : ''}`),
      ),
      hooks.onWatch
        ? h(
            'div',
            { class: 'end-actions end-replay' },
            h('button', { type: 'button', class: 'secondary', 'data-testid': 'watch-replay', onclick: hooks.onWatch }, 'Watch the replay'),
            hooks.onDownload ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'download-replay', onclick: hooks.onDownload }, 'Download the replay') : null,
            hooks.onShare ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'share-replay', onclick: hooks.onShare }, 'Copy a link to the replay') : null,
          )
        : null,
      h('div', { class: 'end-grid' },
        h('section', { class: 'card', 'aria-labelledby': 'scores-h' },
          h('h2', { id: 'scores-h' }, 'Scores'),
          h('table', { class: 'table', 'data-testid': 'scores' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col', class: 'num' }, 'Score'), h('th', { scope: 'col' }, 'Made of'), h('th', { scope: 'col', class: 'num' }, 'Revenue'), h('th', { scope: 'col' }, 'Secret agenda'))),
            h('tbody', null, ranked.map((s) => h('tr', { class: `${view.winners.includes(s.id) ? 'winner' : ''}${s.id === view.viewer ? ' you' : ''}` },
              h('td', null, String(rankOf(view, s.id).rank)), // tied scores share a place, as on the dashboard
              h('th', { scope: 'row' }, s.name, h('div', { class: 'sub' }, s.id === view.viewer ? 'you' : s.seat)),
              h('td', { class: 'num' }, String(s.score)),
              h('td', { class: 'score-parts', 'data-testid': `score-parts-${s.id}` }, partsText(view.scoreParts?.[s.id])),
              h('td', { class: 'num' }, money(s.revenueTotal)),
              h('td', null, s.agenda ? h('span', null, h('strong', null, `${s.agenda.met ? '✓' : '✗'} ${s.agenda.name}: `), s.agenda.text) : '—'),
            ))),
          ),
        ),
        h('section', { class: 'card' }, corridorGoals(view), chart(view)),
      ),
      view.animosity ? h('div', { class: 'card debrief' }, animosityMatrix(view)) : null,
      hooks.debrief ? debriefCard(hooks.debrief.level, view, hooks.debrief.save, true) : null,
      h('div', { class: 'end-actions' }, playAgain, h('button', { type: 'button', class: 'secondary', 'data-testid': 'view-map', onclick: hooks.onBack }, 'Look at the final map'), h('button', { type: 'button', class: 'secondary', 'data-testid': 'new-game', onclick: hooks.onNew }, 'New game')),
    ),
  );
  playAgain.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** '14 head start + 20 corridor + 3 stability − 2 reputation + 60 agenda': the parts that are not 0. */
export function partsText(q: ScoreParts | undefined): string {
  if (!q) return '';
  const parts: [number, string][] = [[q.headStart, 'head start'], [q.prosperity, 'corridor'], [q.stability, 'stability'], [q.reputation, 'reputation'], [q.agenda, 'agenda']];
  const shown = parts.filter(([v]) => v !== 0);
  if (!shown.length) return '0';
  return shown.map(([v, what], k) => `${k === 0 ? (v < 0 ? '−' : '') : v < 0 ? ' − ' : ' + '}${Math.abs(v)} ${what}`).join('');
}

/** 'Georgia wins', or when states tie on the highest score 'Kazakhstan, Azerbaijan and
 * Georgia share first place (93 points each)': a tie is shared, not broken (RULES.md §11). */
export function winnerText(view: PlayerView, ranked: PlayerView['states'] = [...view.states].sort((a, b) => b.score - a.score)): string {
  const ids = view.winners.length ? view.winners : ranked.length ? [ranked[0].id] : [];
  if (ids.length === 1) return `${nameIn(view, ids[0])} wins`;
  const score = view.states.find((s) => s.id === ids[0])?.score ?? 0;
  return `${joinAnd(ids.map((id) => nameIn(view, id)))} share first place (${score} points each)`;
}
