// News of the turn and the report of what happened, with the causes this viewer may know.
import { h } from '../dom';
import { audienceLabel, type LoadedLevel, type LogEntry, type PlayerView } from '../sim';
import type { PanelContext } from './context';

const STEP_LABEL: Record<string, string> = {
  news: 'News',
  diplomacy: 'Diplomacy',
  orders: 'Orders',
  ratify: 'Deals ratified at home',
  build: 'Construction',
  pledges: 'Power-line pledges',
  incidents: 'Incidents',
  pacts: 'Security pacts',
  peace: 'Peace track',
  cargo: 'Cargo',
  revenue: 'Revenue',
  drift: 'Relations',
  score: 'Scores',
};

function stepName(step: string): string {
  if (STEP_LABEL[step]) return STEP_LABEL[step];
  // "cargo" -> "Cargo"; "peaceTrack" -> "Peace track"
  const words = step.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A turn's log as `view`'s viewer reads it; an entry written for someone else is marked for whom. */
export function renderLog(level: LoadedLevel, view: PlayerView, entries: LogEntry[]): HTMLElement {
  if (!entries.length) return h('p', { class: 'hint' }, 'Nothing to report.');
  const groups: { step: string; items: LogEntry[] }[] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last && last.step === e.step) last.items.push(e);
    else groups.push({ step: e.step, items: [e] });
  }
  return h(
    'div',
    { class: 'log' },
    // Each cause stands on its own under its entry: a "because" put before every one read
    // "because owners: …", "because reputation -2".
    groups.map((g) =>
      h(
        'section',
        { class: 'log-group' },
        h('h4', null, stepName(g.step)),
        h(
          'ul',
          null,
          g.items.map((e) =>
            h('li', null, audienceTag(level, view, e), h('span', null, e.text), e.causes.length ? h('ul', { class: 'causes', 'aria-label': 'Causes' }, e.causes.map((c) => h('li', null, c.text))) : null),
          ),
        ),
      ),
    ),
  );
}

function audienceTag(level: LoadedLevel, view: PlayerView, e: LogEntry): HTMLElement | null {
  const label = audienceLabel(level, e.to, view.viewer);
  return label ? h('span', { class: 'audience' }, label) : null;
}

export function renderNews(ctx: PanelContext): HTMLElement {
  const { view } = ctx;
  const last = Math.max(0, view.turn - (view.phase === 'ended' ? 0 : 1));
  const chosen = ctx.memory.reportTurn !== null && ctx.memory.reportTurn >= 1 && ctx.memory.reportTurn <= last ? ctx.memory.reportTurn : last;
  const reportTurns = Array.from({ length: last }, (_, i) => i + 1);
  return h(
    'div',
    { class: 'panel news', 'data-testid': 'news' },
    view.phase !== 'ended' ? h('h2', null, `News — ${view.period}`) : h('h2', null, 'Final report'),
    view.phase !== 'ended'
      ? view.news.length
        ? h('ul', { class: 'news-list', 'data-testid': 'news-list' }, view.news.map((n) => h('li', { class: 'news-item' }, h('h3', null, n.title), h('p', null, n.text))))
        : h('p', { class: 'hint' }, 'A quiet half-year: no news.')
      : null,
    view.phase !== 'ended' && turnSoFar(view).length ? h('section', null, h('h3', null, 'This turn so far'), renderLog(ctx.level, view, turnSoFar(view))) : null,
    last >= 1
      ? h(
          'section',
          { 'aria-labelledby': 'report-h', 'data-testid': 'turn-report' },
          h(
            'div',
            { class: 'report-head' },
            h('h3', { id: 'report-h' }, `Report on turn ${chosen}`),
            reportTurns.length > 1
              ? h('label', null, 'Turn ', h('select', { 'aria-label': 'Report for turn', onchange: (e: Event) => { ctx.memory.reportTurn = Number((e.target as HTMLSelectElement).value); ctx.rerender(); } }, reportTurns.map((t) => h('option', { value: t, selected: t === chosen }, String(t)))))
              : null,
          ),
          renderLog(ctx.level, view, view.log[chosen] ?? []),
        )
      : h('p', { class: 'hint' }, 'The first report comes after turn 1 is resolved.'),
  );
}

/** This turn's log without the events the news cards show; a news line of another kind (an
 * event's move of the peace track) is listed with the rest. */
export function turnSoFar(view: Pick<PlayerView, 'log' | 'news' | 'turn'>): LogEntry[] {
  const cards = new Set(view.news.map((n) => `${n.title}: ${n.text}`));
  return (view.log[view.turn] ?? []).filter((e) => e.step !== 'news' || !cards.has(e.text));
}

export function lastReportSize(view: PlayerView): number {
  return (view.log[view.turn - 1] ?? []).length;
}
