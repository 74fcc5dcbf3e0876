// The debrief to take away, on the end screen and at the end of a replay: files for a
// spreadsheet or a class's own tools (src/ui/debrief.ts), and a printout.
import { h } from '../dom';
import { debriefFiles, type DebriefFile } from '../debrief';
import type { LoadedLevel, PlayerView } from '../sim';

/** Null unless the view is of a finished game. `print`: whether a Print button fits (the end screen's print layout). */
export function debriefCard(level: LoadedLevel, view: PlayerView, save: (file: DebriefFile) => void, print: boolean): HTMLElement | null {
  const files = debriefFiles(level, view);
  if (!files) return null;
  const button = (f: DebriefFile, id: string, label: string) => h('button', { type: 'button', class: 'secondary', 'data-testid': `debrief-${id}`, onclick: () => save(f) }, label);
  // No element ids: the end screen and a replay may both hold one (one of them hidden).
  return h('section', { class: 'card debrief-files', 'aria-label': 'Debrief for the class' },
    h('h2', null, 'Debrief for the class'),
    h('p', { class: 'hint' }, `The results, with every hidden value, as files that open in a spreadsheet (CSV, one table each) or in other tools (JSON)${print ? ', or on paper' : ''}.`),
    h('div', { class: 'end-actions' },
      button(files.scores, 'scores', 'Final scores (CSV)'),
      button(files.turns, 'turns', 'Turn by turn (CSV)'),
      button(files.pairs, 'pairs', 'Animosity from start to end, pair by pair (CSV)'),
      button(files.animosity, 'animosity', 'Every animosity change and its cause (CSV)'),
      button(files.json, 'json', 'Everything (JSON)'),
      print ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'debrief-print', onclick: () => window.print() }, 'Print') : null,
    ),
  );
}
