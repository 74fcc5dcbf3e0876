// Start screen: pick a level (shipped or from disk), a seed, solo or hot-seat, and who
// plays which state. A level file with errors shows its findings and replaces nothing.
import { clear, h } from '../dom';
import { parseEntry, type LevelEntry } from '../levels';
import { formatFinding, type LoadedLevel, type StateId } from '../sim';
import { gameUrl, randomSeed } from '../url';
import type { GameSetup, SeatKind } from '../controller';
import { ago, type SaveMeta } from '../saves';

export interface StartInit { levelId?: string; seed?: string; seats?: Record<StateId, SeatKind>; notice?: string[] }

/** Saved games and replay files: the start screen's other way into a game. */
export interface StartSaves {
  list(): SaveMeta[];
  onResume(id: string): void;
  onDelete(id: string): void;
  onExport(id: string): void;
  onOpenReplay(file: File): void;
  onImportSave(file: File): void;
  /** Several replay files, side by side (the class's games). */
  onCompare(files: File[]): void;
}

export function renderStart(root: HTMLElement, levels: LevelEntry[], init: StartInit, onStart: (setup: GameSetup, entry: LevelEntry) => void, saves?: StartSaves): void {
  const playable = () => levels.filter((l) => l.level);
  let selected: LevelEntry | undefined = levels.find((l) => l.id === init.levelId && l.level) ?? playable()[0];
  let seed = init.seed ?? randomSeed();
  let seats: Record<StateId, SeatKind> = {};
  let mode: 'solo' | 'hotseat' = 'solo';
  let soloState: StateId | null = null;
  let fileFindings: { file: string; lines: string[]; ok: boolean } | null = null;

  const initSeats = (level: LoadedLevel, from?: Record<StateId, SeatKind>) => {
    seats = {};
    for (const s of level.states) seats[s.id] = from?.[s.id] ?? 'bot';
    const humans = level.states.filter((s) => seats[s.id] === 'human').map((s) => s.id);
    if (humans.length === 0) {
      seats[level.states[0].id] = 'human';
      humans.push(level.states[0].id);
    }
    mode = humans.length > 1 ? 'hotseat' : 'solo';
    soloState = humans[0];
  };
  if (selected?.level) initSeats(selected.level, init.levelId === selected.id ? init.seats : undefined);

  const render = () => {
    clear(root);
    const level = selected?.level ?? null;
    root.append(
      h(
        'div',
        { class: 'start', 'data-testid': 'start-screen' },
        h(
          'header',
          { class: 'start-head' },
          h('h1', null, 'Corridor'),
          h('p', { class: 'tagline' }, 'A strategy game about building the Middle Corridor: trade, power and peace from Central Asia to Europe.'),
        ),
        init.notice?.length ? h('div', { class: 'notice', role: 'alert', 'data-testid': 'start-notice' }, init.notice.map((n) => h('p', null, n))) : null,
        resumeBar(),
        h('div', { class: 'start-grid' }, h('div', { class: 'start-side' }, levelColumn(), savesColumn()), level ? setupColumn(level) : h('section', { class: 'card' }, h('p', null, 'No playable level found. Load a level file.'))),
      ),
    );
  };

  /** Levels of the save's id are here, but none with the content it was saved on (levelForReplay's rule). */
  const otherVersion = (m: SaveMeta) => {
    const same = levels.filter((l) => l.level?.id === m.levelId);
    return !!m.levelHash && same.length > 0 && !same.some((l) => l.level!.hash === m.levelHash);
  };

  const describeSave = (m: SaveMeta) =>
    `${m.phase === 'ended' ? 'finished' : `turn ${m.turn} of ${m.turns}, ${m.phase}`} · ${m.humans.length ? m.humans.join(', ') : 'bots only'} · seed “${m.seed}” · saved ${ago(m.savedAt)}`;

  const resumeBar = () => {
    const last = saves?.list().find((m) => m.phase !== 'ended');
    if (!saves || !last) return null;
    return h(
      'div',
      { class: 'resume-bar', 'data-testid': 'resume-bar' },
      h('button', { type: 'button', class: 'primary big', id: 'resume-game', 'data-testid': 'resume-game', onclick: () => saves.onResume(last.id) }, 'Resume'),
      h('div', null, h('strong', null, `Your last game: ${last.levelName}`), h('div', { class: 'hint' }, describeSave(last))),
    );
  };

  let confirmDelete: string | null = null;
  const savesColumn = () => {
    if (!saves) return null;
    const list = saves.list();
    const fileButton = (id: string, testid: string, text: string, onFiles: (f: File[]) => void, multiple = false, label?: string) => {
      const input = h('input', {
        type: 'file',
        accept: '.json,application/json',
        id,
        multiple,
        'data-testid': testid,
        class: 'visually-hidden',
        onchange: (ev: Event) => {
          const el = ev.target as HTMLInputElement;
          const files = [...(el.files ?? [])];
          el.value = '';
          if (files.length) onFiles(files);
        },
      });
      return [
        h('label', { for: id, class: 'button secondary file-button', tabindex: 0, role: 'button', 'aria-label': label, 'data-testid': `${testid}-button`, onkeydown: (e: Event) => {
          const k = (e as KeyboardEvent).key;
          if (k === 'Enter' || k === ' ') { e.preventDefault(); input.click(); }
        } }, text),
        input,
      ];
    };
    return h(
      'section',
      { class: 'card saves', 'aria-labelledby': 'saves-h' },
      h('h2', { id: 'saves-h' }, 'Saved games and replays'),
      list.length
        ? h(
            'ul',
            { class: 'save-list', 'data-testid': 'saved-games' },
            list.map((m) =>
              h(
                'li',
                { class: 'save-item', 'data-testid': `save-${m.id}` },
                h('div', { class: 'save-name' }, m.levelName),
                h('div', { class: 'sub' }, describeSave(m)),
                otherVersion(m) ? h('div', { class: 'sub warn', 'data-testid': `save-version-${m.id}` }, 'Made with another version of this level: Resume offers to replay its moves on this one.') : null,
                h(
                  'div',
                  { class: 'save-actions' },
                  h('button', { type: 'button', class: 'secondary small', 'data-testid': `save-resume-${m.id}`, onclick: () => saves.onResume(m.id) }, m.phase === 'ended' ? 'Open' : 'Resume'),
                  h('button', { type: 'button', class: 'secondary small', 'data-testid': `save-export-${m.id}`, title: 'Download this save as a replay file', onclick: () => saves.onExport(m.id) }, 'Export'),
                  h('button', { type: 'button', class: 'danger small', 'data-testid': `save-delete-${m.id}`, onclick: () => {
                    if (confirmDelete !== m.id) {
                      confirmDelete = m.id;
                      render();
                      return;
                    }
                    confirmDelete = null;
                    saves.onDelete(m.id);
                    render();
                  } }, confirmDelete === m.id ? 'Really delete?' : 'Delete'),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'Games save themselves after every move and show up here.'),
      h('div', { class: 'save-files' },
        fileButton('replay-file', 'replay-file', 'Open a replay…', (f) => saves.onOpenReplay(f[0])),
        fileButton('save-file', 'import-save', 'Import a save…', (f) => saves.onImportSave(f[0])),
        fileButton('compare-files', 'compare-files', 'Compare games…', (f) => saves.onCompare(f), true, 'Compare games: choose several replay files')),
      h('p', { class: 'hint' }, 'A replay file watches a game turn by turn; importing it as a save plays on from where it stopped; several replay files (your groups’ games) can be compared side by side. You can also drop a replay or a level file on this page.'),
    );
  };

  const levelColumn = () => {
    const fileInput = h('input', {
      type: 'file',
      accept: '.json,application/json',
      id: 'level-file',
      'data-testid': 'level-file',
      class: 'visually-hidden',
      onchange: async (ev: Event) => {
        const input = ev.target as HTMLInputElement;
        const file = input.files?.[0];
        if (!file) return;
        const text = await file.text();
        const entry = parseEntry(text, file.name, 'file');
        if (entry.level) {
          // Replace an earlier file-loaded level with the same id; shipped ones stay.
          const i = levels.findIndex((l) => l.id === entry.id && l.source === 'file');
          if (i >= 0) levels.splice(i, 1, entry);
          else levels.push(entry);
          selected = entry;
          initSeats(entry.level!);
          fileFindings = { file: file.name, ok: true, lines: entry.findings.map((f) => formatFinding(f, file.name)) };
        } else {
          fileFindings = { file: file.name, ok: false, lines: entry.findings.map((f) => formatFinding(f, file.name)) };
        }
        render();
      },
    });
    return h(
      'section',
      { class: 'card level-list', 'aria-labelledby': 'levels-h' },
      h('h2', { id: 'levels-h' }, '1. Choose a level'),
      h(
        'div',
        { role: 'radiogroup', 'aria-labelledby': 'levels-h', class: 'level-options' },
        playable().map((l) =>
          h(
            'label',
            { class: `level-option${l === selected ? ' selected' : ''}`, 'data-testid': `level-${l.id}` },
            h('input', {
              type: 'radio',
              name: 'level',
              value: l.id,
              checked: l === selected,
              onchange: () => {
                selected = l;
                initSeats(l.level!);
                render();
              },
            }),
            h('span', { class: 'level-name' }, l.level!.name),
            h('span', { class: 'level-meta' }, `${l.level!.states.length} states · ${l.level!.turns} turns${l.source === 'file' ? ' · from file' : ''}`),
          ),
        ),
      ),
      h('label', { for: 'level-file', class: 'button secondary file-button', tabindex: 0, role: 'button', onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (k === 'Enter' || k === ' ') { e.preventDefault(); fileInput.click(); }
      } }, 'Load a level file…'),
      fileInput,
      fileFindings
        ? h(
            'div',
            { class: `findings ${fileFindings.ok ? 'ok' : 'bad'}`, role: 'alert', 'data-testid': 'level-findings' },
            h('p', null, fileFindings.ok ? `${fileFindings.file} loaded.` : `${fileFindings.file} cannot be played, so the level chosen before stays selected. What is wrong, as \`npm run validate\` lists it:`),
            fileFindings.lines.length ? h('ul', null, fileFindings.lines.slice(0, 50).map((l) => h('li', null, l))) : null,
            fileFindings.lines.length > 50 ? h('p', null, `…and ${fileFindings.lines.length - 50} more.`) : null,
          )
        : null,
      levels.filter((l) => !l.level && l.source === 'shipped').map((l) => h('p', { class: 'findings bad' }, `${l.file} has errors: ${l.findings.map((f) => formatFinding(f)).slice(0, 3).join('; ')}`)),
    );
  };

  const setupColumn = (level: LoadedLevel) => {
    const humans = level.states.filter((s) => seats[s.id] === 'human');
    const canStart = mode === 'solo' ? soloState !== null : humans.length >= 2;
    const seedInput = h('input', {
      id: 'seed',
      'data-testid': 'seed-input',
      type: 'text',
      value: seed,
      maxlength: 200,
      spellcheck: 'false',
      autocomplete: 'off',
      oninput: (e: Event) => (seed = (e.target as HTMLInputElement).value),
    });
    const briefState = mode === 'solo' ? level.states.find((s) => s.id === soloState) : undefined;
    const start = () => {
      const s = seed.trim() || randomSeed();
      const final: Record<StateId, SeatKind> = {};
      for (const st of level.states) final[st.id] = mode === 'solo' ? (st.id === soloState ? 'human' : 'bot') : seats[st.id];
      onStart({ level, seed: s, seats: final }, selected!);
    };
    const link = () => {
      const final: Record<StateId, SeatKind> = {};
      for (const st of level.states) final[st.id] = mode === 'solo' ? (st.id === soloState ? 'human' : 'bot') : seats[st.id];
      return gameUrl(location.href.split('?')[0], level.id, seed.trim() || 'seed', final);
    };
    return h(
      'section',
      { class: 'card setup', 'aria-labelledby': 'setup-h' },
      h('h2', { id: 'setup-h' }, `2. ${level.name}`),
      h('p', { class: 'level-desc' }, level.description),
      h(
        'fieldset',
        { class: 'mode' },
        h('legend', null, 'Players'),
        h('label', null, h('input', { type: 'radio', name: 'mode', value: 'solo', 'data-testid': 'mode-solo', checked: mode === 'solo', onchange: () => { mode = 'solo'; render(); } }), ' Solo — you against bots'),
        h('label', null, h('input', { type: 'radio', name: 'mode', value: 'hotseat', 'data-testid': 'mode-hotseat', checked: mode === 'hotseat', onchange: () => {
          mode = 'hotseat';
          if (level.states.filter((s) => seats[s.id] === 'human').length < 2) {
            const other = level.states.find((s) => s.id !== soloState);
            if (soloState) seats[soloState] = 'human';
            if (other) seats[other.id] = 'human';
          }
          render();
        } }), ' Hot-seat — several people share this device'),
      ),
      h(
        'table',
        { class: 'seats', 'data-testid': 'seats' },
        h('caption', null, mode === 'solo' ? 'Choose the state you play; bots play the rest.' : 'Mark each state human or bot (at least two humans).'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Public objective'), h('th', { scope: 'col' }, mode === 'solo' ? 'You' : 'Seat'))),
        h(
          'tbody',
          null,
          level.states.map((st) =>
            h(
              'tr',
              { class: mode === 'solo' && st.id === soloState ? 'chosen' : '' },
              h('th', { scope: 'row' }, st.name),
              h('td', null, st.objective),
              h(
                'td',
                null,
                mode === 'solo'
                  ? h('input', { type: 'radio', name: 'solo-state', 'aria-label': `Play as ${st.name}`, 'data-testid': `play-${st.id}`, checked: st.id === soloState, onchange: () => { soloState = st.id; render(); } })
                  : h(
                      'select',
                      { 'aria-label': `${st.name} seat`, 'data-testid': `seat-${st.id}`, onchange: (e: Event) => { seats[st.id] = (e.target as HTMLSelectElement).value as SeatKind; render(); } },
                      h('option', { value: 'human', selected: seats[st.id] === 'human' }, 'Human'),
                      h('option', { value: 'bot', selected: seats[st.id] === 'bot' }, 'Bot'),
                    ),
              ),
            ),
          ),
        ),
      ),
      briefState
        ? h('div', { class: 'briefing', 'data-testid': 'briefing' }, h('h3', null, `Briefing: ${briefState.name}`), h('p', null, briefState.briefing ?? briefState.objective), h('p', { class: 'hint' }, 'You will also get a secret agenda when the game starts.'))
        : h('div', { class: 'briefing' }, h('h3', null, 'Hot-seat'), h('p', null, `${humans.length} people will take turns on this device. Between players a curtain hides everything until the next player presses Enter. Each player sees their own briefing and secret agenda after the hand-off.`)),
      h(
        'div',
        { class: 'start-footer' },
        h(
          'div',
          { class: 'seed-row' },
          h('label', { for: 'seed' }, 'Seed'),
          seedInput,
          h('button', { type: 'button', class: 'secondary', 'data-testid': 'seed-random', onclick: () => { seed = randomSeed(); seedInput.value = seed; } }, 'Random'),
        ),
        h('p', { class: 'hint' }, 'The same level, seed and seats give the same start (secret agendas, animosities, first news), and the same moves then give the same game: type a seed to play one again.'),
        h(
          'div',
          { class: 'start-actions' },
          h('button', { type: 'button', class: 'primary big', id: 'start-game', 'data-testid': 'start-game', disabled: !canStart, onclick: start }, briefState ? `Start as ${briefState.name}` : 'Start game'),
          // A game link names a shipped level; one loaded from a file is not at the link's end.
          selected?.source === 'file' ? null : h('button', {
            type: 'button',
            class: 'secondary',
            'data-testid': 'copy-link',
            onclick: async (e: Event) => {
              const btn = e.target as HTMLButtonElement;
              const url = link();
              try {
                await navigator.clipboard.writeText(url);
                btn.textContent = 'Link copied';
              } catch {
                prompt('Copy this link:', url);
              }
            },
          }, 'Copy link to this game'),
        ),
        !canStart ? h('p', { class: 'hint', role: 'status' }, 'Hot-seat needs at least two human seats.') : null,
        selected?.source === 'file' ? h('p', { class: 'hint', 'data-testid': 'file-level-link' }, 'A level loaded from a file has no game link: send the file itself, or start the game and share its replay (Menu → Copy a link to the replay), which carries the level.') : null,
      ),
    );
  };

  render();
}
