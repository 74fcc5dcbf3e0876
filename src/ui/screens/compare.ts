// "Compare games…" (start screen): the class's games side by side, one row a game, with the
// files that could not be read and why, and the table as CSV (compare.ts builds it).
import { compareCsv, compareGames, finishedOf, type CompareGame, type CompareTable } from '../compare';
import { h } from '../dom';
import { joinAnd } from '../format';
import { openDialog } from './share';

export interface CompareFailure { file: string; error: string }

function table(t: CompareTable, onSave: (name: string, text: string) => void): HTMLElement {
  const n = t.rows.length;
  const finished = finishedOf(t);
  const wins = (id: string) => finished.filter((r) => r.winnerIds.includes(id)).length;
  const version = t.modified ? ` (level version ${t.level.hash})` : '';
  return h(
    'section',
    { class: 'compare-level', 'data-testid': `compare-${t.key}` },
    h('h3', null, `${t.level.name}${version}: ${n} game${n === 1 ? '' : 's'}${finished.length < n ? `, ${finished.length} finished` : ''}`),
    h('div', { class: 'compare-scroll' },
      h('table', { class: 'table compare' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Game, and the shared goals'),
          t.states.map((s) => h('th', { scope: 'col', class: 'num' }, s.name)))),
        h('tbody', null, t.rows.map((r) => h('tr', { 'data-testid': 'compare-row' },
          h('th', { scope: 'row', class: 'game' },
            h('div', { class: 'file' }, r.file),
            h('div', { class: 'sub' }, `seed ${r.seed} · turns ${r.played}${r.humans.length ? ` · played by ${joinAnd(r.humans)}` : ''}`),
            h('div', { class: 'sub' }, r.winners.length ? `first: ${joinAnd(r.winners)}` : 'no winner yet'),
            h('div', { class: 'sub' }, `cargo ${r.cargo} (${r.cargoShare}% of target) · power line ${r.powerLine ? 'energised' : 'not energised'} · peace: ${r.peace}`)),
          t.states.map((s) => {
            const met = r.agendaMet[s.id];
            const first = r.winnerIds.includes(s.id);
            return h('td', { class: `num${first ? ' first' : ''}` }, String(r.scores[s.id] ?? ''), first ? h('span', { class: 'visually-hidden' }, ' (first place)') : null, met === null ? null : h('div', { class: 'sub' }, met ? 'met' : 'missed'));
          }),
        ))),
        h('tfoot', null, h('tr', null,
          h('th', { scope: 'row' }, 'Finished games in first place (alone or shared)'),
          t.states.map((s) => h('td', { class: 'num', 'data-testid': `compare-wins-${s.id}` }, `${wins(s.id)} of ${finished.length}`)))))),
    h('button', { type: 'button', class: 'secondary', 'data-testid': `compare-csv-${t.key}`, onclick: () => onSave(`compare-${t.key}.csv`, compareCsv(t)) }, 'Download this table (CSV)'),
  );
}

/** Opens the comparison of the games read (`games`) and the files that were not (`failed`). */
export function showCompare(games: CompareGame[], failed: CompareFailure[], onSave: (name: string, text: string) => void): HTMLDialogElement {
  const tables = compareGames(games);
  return openDialog(
    h(
      'dialog',
      { class: 'dialog wide', 'aria-labelledby': 'compare-h', 'data-testid': 'compare-dialog' },
      // Focus on the heading, so that the dialog opens at its top (not scrolled to its button).
      h('h2', { id: 'compare-h', tabindex: -1, autofocus: true }, 'Your games side by side'),
      h('p', { class: 'hint' }, 'One row a game, as the public saw it at its end: each state’s score (highlighted: first place, alone or shared) and whether its secret agenda was met, and the shared goals. A game not finished shows its running scores, and no secret agenda.'),
      tables.map((t) => table(t, onSave)),
      failed.length
        ? h('div', { class: 'warn', 'data-testid': 'compare-failed' },
            h('p', null, `${failed.length} file${failed.length === 1 ? '' : 's'} could not be compared:`),
            h('ul', null, failed.map((f) => h('li', null, `${f.file}: ${f.error}`))))
        : null,
      h('form', { method: 'dialog', class: 'dialog-actions' }, h('button', { class: 'primary', 'data-testid': 'compare-close' }, 'Close')),
    ),
  );
}
