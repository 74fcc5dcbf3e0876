// The replay viewer: any turn of a recorded game, from any perspective, on the game's map
// and read-only panels. States come from verifyReplay(..., {keepStates: true}); every view
// is viewFor(level, states[t], perspective). The facilitator's view (every secret) waits
// behind a spoiler confirmation.
import { clockChip, paintClock } from '../clock';
import { clear, h } from '../dom';
import { joinAnd, money, mt, nameIn } from '../format';
import type { CorridorMap } from '../map/map-view';
import type { BotReason, SeatKind } from '../controller';
import type { OpenedReplay } from '../replay-io';
import type { Watcher } from '../url';
import type { DebriefFile } from '../debrief';
import { debriefCard } from '../panels/debrief';
import { periodOf, viewFor, type GameState, type PlayerView, type StateId, type Viewer } from '../sim';
import type { PanelContext, SeatMemory } from '../panels/context';
import { corridorGoals, renderDashboard } from '../panels/dashboard';
import { renderNews } from '../panels/news';
import { animosityMatrix, renderRelations } from '../panels/relations';
import { renderNetwork } from '../panels/network';
import { renderTurnSoFar } from '../panels/turn-so-far';
import { openDialog } from './share';

export const SPOILER_TEXT = 'This shows every hidden value: animosities, secret agendas, every cause. Show it?';
/** In a window that follows a game being played: the orders given so far are hidden values too. */
export const SPOILER_TEXT_LIVE = 'This shows every hidden value: animosities, secret agendas, every cause, and the orders given so far in the turn being played. Show it?';
/** A finished game's end screen has shown its secrets already: only the turn-by-turn detail is new. */
export const SPOILER_TEXT_ENDED = 'This game is over, and its secret agendas and animosities were shown at the end. This view shows every hidden value at every turn, with every cause. Show it?';
export const seatSpoilerText = (name: string) => `This game is not finished. ${name}'s view shows its secret agenda, exactly how it feels about the others, and the orders it has given. Show it?`;
const SPEEDS = [0.5, 1, 2, 4];
/** Milliseconds per turn at 1×. */
const STEP_MS = 1600;

export interface ReplayHooks {
  closeLabel: string;
  /** A projector window following a game being played in another window (main.ts): its
   * badge says so, and it offers no way to play on (that is the other window's job). */
  projector?: boolean;
  /** 'facilitator': the same window for the teacher's own screen, in the facilitator's view. */
  watcher?: Watcher;
  /** The bots' reasons by proposal id, their real ones (the facilitator's window only). */
  reasons?: () => Record<string, readonly BotReason[]>;
  onClose(): void;
  /** A new game from states[turn] with the actions up to it, and these seats. */
  onFork(turn: number, seats: Record<StateId, SeatKind>): void;
  /** Play on from the very end of an unfinished game (its mid-turn actions included). */
  onContinue(): void;
  onDownload(): void;
  onShare(): void;
  /** Saves a debrief file (offered at the end of a finished game). */
  onSaveFile(file: DebriefFile): void;
}

export interface ReplayInfo {
  turn: number;
  turns: number;
  hash: string;
  finalHash: string;
  perspective: Viewer;
  playing: boolean;
  speed: number;
  levelId: string;
  seed: string;
  ended: boolean;
  /** At the turn being played (a window following a game, after moves within a turn). */
  live: boolean;
}

const TABS = [
  { id: 'turns', label: 'Turns' },
  { id: 'overview', label: 'Overview' },
  { id: 'news', label: 'News' },
  { id: 'relations', label: 'Relations' },
  { id: 'network', label: 'Network' },
] as const;

export class ReplayScreen {
  index: number;
  perspective: Viewer = 'public';
  playing = false;
  speed = 1;
  tab: string = 'turns';
  /** Perspectives whose spoiler warning was confirmed (see setPerspective). */
  private allowed = new Set<Viewer>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private memory: SeatMemory = { tab: 'overview', lastSeenTurn: 0, lastSeenPhase: '', orders: null, proposal: null, reportTurn: null };
  private keyHandler = (e: KeyboardEvent) => this.onKey(e);
  private labels: string[];
  /** The states shown: one per resolved turn, then (in a window following a game) the turn
   * being played, once it has moves. */
  private readonly states: GameState[];
  /** The index of that turn being played, or null. */
  private readonly liveIndex: number | null;
  private ui!: {
    label: HTMLElement;
    perspective: HTMLSelectElement;
    tabs: HTMLElement;
    panel: HTMLElement;
    slider: HTMLInputElement;
    position: HTMLElement;
    play: HTMLButtonElement;
    first: HTMLButtonElement;
    prev: HTMLButtonElement;
    next: HTMLButtonElement;
    last: HTMLButtonElement;
    fork: HTMLButtonElement;
    forkHint: HTMLElement;
  };

  constructor(
    private els: { topbar: HTMLElement; sidebar: HTMLElement },
    private map: CorridorMap,
    readonly opened: OpenedReplay,
    private hooks: ReplayHooks,
    start: number | 'end' = 0,
    tab?: string,
  ) {
    if (tab && TABS.some((t) => t.id === tab)) this.tab = tab;
    const live = hooks.projector && opened.live ? opened.live : null;
    this.states = live ? [...opened.states, live] : opened.states;
    this.liveIndex = live ? this.states.length - 1 : null;
    this.index = start === 'end' ? this.last : Math.max(0, Math.min(this.last, start));
    const resolved = opened.states.length - 1;
    const final = viewFor(opened.level, opened.states[resolved], 'public');
    this.ended = final.phase === 'ended';
    const history = final.history;
    // The last turn of a finished game is labelled with the final scores (agendas added), as
    // the results show them, not that turn's running scores.
    this.labels = this.states.map((_, t) => (t === this.liveIndex ? this.liveLabel(t) : this.turnLabel(t, history, this.ended && t === resolved ? final : undefined)));
    document.addEventListener('keydown', this.keyHandler);
    map.onPick = (pick) => {
      if (pick?.kind === 'segment') this.map.highlight(pick.id);
    };
    this.build();
    this.render();
  }

  destroy(): void {
    this.pause();
    document.removeEventListener('keydown', this.keyHandler);
  }

  get last(): number {
    return this.states.length - 1;
  }

  /** The last state is the end of the game (not a save made mid-game). */
  readonly ended: boolean;

  info(): ReplayInfo {
    return {
      turn: this.index,
      turns: this.opened.states.length - 1,
      // The turn being played has no checkpoint: its hash is the replay's final one.
      hash: this.opened.hashes[this.index] ?? this.opened.finalHash,
      finalHash: this.opened.finalHash,
      perspective: this.perspective,
      playing: this.playing,
      speed: this.speed,
      levelId: this.opened.level.id,
      seed: this.opened.replay.seed,
      ended: this.ended,
      live: this.index === this.liveIndex,
    };
  }

  private realReasons(all: Record<string, readonly BotReason[]>): (proposal: string) => { player: StateId; kind: BotReason['kind']; said: string }[] {
    return (proposal) => (Array.isArray(all[proposal]) ? all[proposal] : []).map((r) => ({ player: r.player, kind: r.kind, said: r.exact ?? r.said }));
  }

  private liveLabel(t: number): string {
    const view = viewFor(this.opened.level, this.states[t], 'public');
    return `Turn ${t} · ${periodOf(this.opened.level, t)} · being played (${view.phase})`;
  }

  private turnLabel(t: number, history: PlayerView['history'], end?: PlayerView): string {
    const level = this.opened.level;
    if (t === 0) return `Start · ${periodOf(level, 1)} · setup and the first news`;
    const rec = history.find((r) => r.turn === t);
    const scores = end?.scores ?? rec?.scores ?? {};
    const best = Math.max(...level.states.map((s) => scores[s.id] ?? 0));
    const top = level.states.filter((s) => (scores[s.id] ?? 0) === best);
    // At the end, states on the highest score share first place (no tie-break).
    const lead = end?.winners.length
      ? top.length > 1 ? `first place shared: ${joinAnd(top.map((s) => s.name))} (${best})` : `winner: ${top[0]?.name} (${best})`
      : top.length > 1 ? `tied: ${joinAnd(top.map((s) => s.name))} (${best})` : `leading: ${top[0]?.name} (${best})`;
    const tail = rec ? ` · cargo ${mt(rec.throughput)}${top.length ? ` · ${lead}` : ''}` : '';
    return `Turn ${t} · ${periodOf(level, t)}${tail}`;
  }

  seek(t: number): void {
    const next = Math.max(0, Math.min(this.last, Math.round(t)));
    if (next === this.index) return;
    this.index = next;
    this.memory.reportTurn = null;
    this.render();
  }

  /**
   * Switching to the facilitator's view asks first, and so does a state's view of a game that
   * is not finished (its secret agenda, grudges and orders are still in play: a hot-seat
   * player could open another's). Returns whether the view changed.
   */
  setPerspective(v: Viewer, confirmed = false): boolean {
    const isState = this.opened.level.states.some((s) => s.id === v);
    if (v !== 'public' && v !== 'facilitator' && !isState) return false;
    const guarded = v === 'facilitator' || (isState && !this.ended);
    if (guarded && !this.allowed.has(v) && !confirmed) {
      this.askSpoiler(v);
      return false;
    }
    if (guarded) this.allowed.add(v);
    this.perspective = v;
    this.memory.reportTurn = null;
    this.render();
    return true;
  }

  play(): void {
    if (this.playing) return;
    if (this.index >= this.last) this.index = 0;
    this.playing = true;
    this.render();
    this.tick();
  }

  pause(): void {
    this.playing = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.ui) this.renderBar();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(s: number): void {
    if (!SPEEDS.includes(s)) return;
    this.speed = s;
    if (this.playing) {
      if (this.timer) clearTimeout(this.timer);
      this.tick();
    }
    this.renderBar();
  }

  private tick(): void {
    this.timer = setTimeout(() => {
      if (!this.playing) return;
      if (this.index >= this.last) {
        this.pause();
        return;
      }
      this.index += 1;
      this.memory.reportTurn = null;
      this.render();
      if (this.index >= this.last) this.pause();
      else this.tick();
    }, STEP_MS / this.speed);
  }

  private build(): void {
    const level = this.opened.level;
    const perspective = h(
      'select',
      { 'aria-label': 'Perspective', 'data-testid': 'replay-perspective', onchange: () => {
        const v = perspective.value as Viewer;
        if (!this.setPerspective(v)) perspective.value = this.perspective;
      } },
      h('option', { value: 'public' }, 'Public view (no secrets)'),
      level.states.map((s) => h('option', { value: s.id }, `${s.name}’s view`)),
      h('option', { value: 'facilitator' }, 'Everything (facilitator)…'),
    );
    const label = h('div', { class: 'turn', 'data-testid': 'replay-turn-label', 'aria-live': 'polite' });
    clear(this.els.topbar);
    this.els.topbar.append(
      h(
        'div',
        { class: 'topbar-inner' },
        h('div', { class: 'brand' }, 'Corridor'),
        h('span', { class: 'replay-badge', 'data-testid': 'replay-badge' }, !this.hooks.projector ? 'Replay' : this.hooks.watcher === 'facilitator' ? 'Facilitator · live' : 'Projector · live'),
        label,
        clockChip(),
        h('label', { class: 'perspective' }, h('span', { class: 'me-label' }, 'Seen by '), perspective),
        h(
          'div',
          { class: 'top-actions' },
          // Not on a projector: the file and the link carry the seed of a game still being
          // played, and so every secret of it.
          this.hooks.projector ? null : h('button', { type: 'button', class: 'secondary', 'data-testid': 'replay-download', title: 'Save this replay as a file', onclick: () => this.hooks.onDownload() }, 'Download'),
          this.hooks.projector ? null : h('button', { type: 'button', class: 'secondary', 'data-testid': 'replay-copy-link', title: 'A link with the whole game inside', onclick: () => this.hooks.onShare() }, 'Copy link'),
          h('button', { type: 'button', class: 'secondary', 'data-testid': 'replay-close', onclick: () => this.hooks.onClose() }, this.hooks.closeLabel),
        ),
      ),
    );
    paintClock();

    const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Replay panels' });
    const panel = h('div', { class: 'tabpanel', id: 'replay-tabpanel', role: 'tabpanel', tabindex: -1 });
    const btn = (testid: string, text: string, aria: string, run: () => void) =>
      h('button', { type: 'button', class: 'secondary small', 'data-testid': testid, 'aria-label': aria, title: aria, onclick: run }, text);
    const first = btn('replay-first', '«', 'First turn (Home)', () => { this.pause(); this.seek(0); });
    const prev = btn('replay-prev', '◀', 'One turn back (←)', () => { this.pause(); this.seek(this.index - 1); });
    const play = h('button', { type: 'button', class: 'primary', 'data-testid': 'replay-play', 'aria-keyshortcuts': 'Space', onclick: () => this.toggle() }, 'Play');
    const next = btn('replay-next', '▶', 'One turn forward (→)', () => { this.pause(); this.seek(this.index + 1); });
    const last = btn('replay-last', '»', 'Last turn (End)', () => { this.pause(); this.seek(this.last); });
    const speed = h(
      'select',
      { 'aria-label': 'Speed', 'data-testid': 'replay-speed', onchange: () => this.setSpeed(Number(speed.value)) },
      SPEEDS.map((s) => h('option', { value: String(s), selected: s === this.speed }, `${s}× speed`)),
    );
    const slider = h('input', {
      type: 'range',
      min: 0,
      max: this.last,
      step: 1,
      value: String(this.index),
      'aria-label': 'Turn',
      'data-testid': 'replay-slider',
      // Read the value before pause(), which redraws the bar (and the slider) from the index.
      oninput: () => { const t = Number(slider.value); this.pause(); this.seek(t); },
      onchange: () => { const t = Number(slider.value); this.pause(); this.seek(t); },
    });
    const position = h('span', { class: 'replay-pos', 'data-testid': 'replay-position' });
    const fork = h('button', { type: 'button', class: 'secondary', 'data-testid': 'replay-fork', onclick: () => this.askFork() }, 'Continue from here…');
    const forkHint = h('span', { class: 'hint' });
    const unfinished = !this.ended;
    const bar = h(
      'div',
      { class: 'action-bar replay-bar', 'data-testid': 'replay-controls' },
      // The speed sits by the slider: beside the buttons it wrapped to a row of its own on
      // a 1024-wide screen, which left the turn list a few lines.
      h('div', { class: 'replay-row' }, first, prev, play, next, last),
      h('div', { class: 'replay-row' }, slider, position, speed),
      this.hooks.projector ? null : h(
        'div',
        { class: 'replay-row' },
        fork,
        unfinished ? h('button', { type: 'button', class: 'secondary', 'data-testid': 'replay-continue', title: 'Resume this unfinished game where it stopped, as a new save', onclick: () => this.hooks.onContinue() }, 'Resume the game') : null,
        forkHint,
      ),
    );
    clear(this.els.sidebar);
    this.els.sidebar.append(tabs, panel, bar);
    this.ui = { label, perspective, tabs, panel, slider, position, play, first, prev, next, last, fork, forkHint };
  }

  private view(): PlayerView {
    return viewFor(this.opened.level, this.states[this.index], this.perspective);
  }

  render(): void {
    const view = this.view();
    const level = this.opened.level;
    const isState = level.states.some((s) => s.id === this.perspective);
    document.body.dataset.perspective = String(this.perspective);
    this.map.setInput({ level, view, me: isState ? this.perspective : null });
    const ended = view.phase === 'ended';
    this.ui.label.replaceChildren(
      h('strong', null, this.index === this.liveIndex ? `Turn ${this.index} of ${view.turns} so far` : this.index === 0 ? 'Start of the game' : ended ? `Final · after turn ${this.index}` : `After turn ${this.index} of ${view.turns}`),
      // The period of the turn just resolved, as the turn list dates it (the view's own
      // period is the next turn's, which has not been played yet).
      h('span', null, ` · ${periodOf(level, Math.max(1, this.index))}`),
    );
    this.ui.perspective.value = String(this.perspective);
    this.renderTabs(view, isState);
    this.renderBar();
  }

  private renderBar(): void {
    const u = this.ui;
    u.slider.max = String(this.last);
    u.slider.value = String(this.index);
    u.slider.setAttribute('aria-valuetext', this.labels[this.index]);
    u.position.textContent = `${this.index} / ${this.last}`;
    u.play.textContent = this.playing ? 'Pause' : 'Play';
    u.play.setAttribute('aria-pressed', String(this.playing));
    u.first.disabled = u.prev.disabled = this.index === 0;
    u.next.disabled = u.last.disabled = this.index === this.last;
    const endState = this.index === this.last && this.ended;
    u.fork.disabled = endState;
    u.forkHint.textContent = endState ? 'The game is over here: pick an earlier turn to play on from.' : `A new game from turn ${this.index + 1}, keeping the history up to here.`;
  }

  private ctx(view: PlayerView, me: StateId): PanelContext {
    return {
      view,
      me,
      level: this.opened.level,
      controller: null,
      // The real reasons, in the facilitator's view of the turn being played only.
      reasonsFor: this.hooks.reasons && this.perspective === 'facilitator' && this.index === this.liveIndex ? this.realReasons(this.hooks.reasons()) : undefined,
      memory: this.memory,
      error: null,
      act: () => ({ ok: false, error: 'a replay cannot be changed: use “Continue from here” to play on' }),
      rerender: () => this.render(),
      showTab: (tab) => {
        this.tab = tab;
        this.render();
      },
      focusSegment: (id) => this.map.focusSegment(id),
      highlightSegment: (id) => this.map.highlight(id),
    };
  }

  private renderTabs(view: PlayerView, isState: boolean): void {
    const tab = TABS.find((t) => t.id === this.tab) ?? TABS[0];
    this.ui.tabs.replaceChildren(
      ...TABS.map((t, i) =>
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            id: `replay-tab-${t.id}`,
            'data-testid': `replay-tab-${t.id}`,
            'aria-selected': t.id === tab.id ? 'true' : 'false',
            'aria-controls': 'replay-tabpanel',
            tabindex: t.id === tab.id ? 0 : -1,
            onclick: () => { this.tab = t.id; this.render(); },
            onkeydown: (e: Event) => {
              const k = (e as KeyboardEvent).key;
              if (k === 'ArrowRight' || k === 'ArrowLeft') {
                e.preventDefault();
                e.stopPropagation();
                this.tab = TABS[(i + (k === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length].id;
                this.render();
                document.getElementById(`replay-tab-${this.tab}`)?.focus();
              }
            },
          },
          t.id === 'overview' && isState ? 'You' : t.label,
        ),
      ),
    );
    const panel = this.ui.panel;
    const scroll = panel.getAttribute('data-tab') === tab.id ? panel.scrollTop : 0;
    panel.setAttribute('aria-labelledby', `replay-tab-${tab.id}`);
    panel.setAttribute('data-tab', tab.id);
    const me = isState ? (this.perspective as StateId) : String(this.perspective);
    let body: HTMLElement;
    switch (tab.id) {
      case 'turns': body = this.index === this.liveIndex ? h('div', null, this.turnList(), h('div', { class: 'panel' }, renderTurnSoFar(this.ctx(view, me)))) : this.turnList(); break;
      case 'overview': {
        const main = isState ? renderDashboard(this.ctx(view, me)) : overview(view);
        // At the end of a finished game, the end screen's debrief files (a teacher opening a class's replays).
        const files = debriefCard(this.opened.level, view, (f) => this.hooks.onSaveFile(f), false);
        body = files ? h('div', null, main, files) : main;
        break;
      }
      case 'news': body = renderNews(this.ctx(view, me)); break;
      case 'relations': body = isState ? renderRelations(this.ctx(view, me)) : relationsOverview(view); break;
      default: body = renderNetwork(this.ctx(view, me));
    }
    panel.replaceChildren(body);
    panel.scrollTop = scroll;
  }

  private turnList(): HTMLElement {
    const list = h(
      'ol',
      { class: 'turn-list', 'data-testid': 'replay-turn-list', start: 0 },
      this.labels.map((text, t) =>
        h('li', null, h('button', { type: 'button', class: `turn-item${t === this.index ? ' current' : ''}`, 'data-testid': `replay-turn-${t}`, 'aria-current': t === this.index ? 'step' : undefined, onclick: () => { this.pause(); this.seek(t); } }, text)),
      ),
    );
    queueMicrotask(() => list.querySelector('.current')?.scrollIntoView({ block: 'nearest' }));
    const r = this.opened.replay;
    const humans = this.opened.level.states.filter((s) => r.seats[s.id] === 'human').map((s) => s.name);
    const resolved = this.opened.states.length - 1;
    const turns = `${resolved} turn${resolved === 1 ? '' : 's'}`;
    return h(
      'div',
      { class: 'panel' },
      h('h2', null, this.opened.level.name),
      // On a projector the seed of a game still being played would tell the room every
      // secret (the same level and seed give the same agendas and animosities).
      this.hooks.projector && !this.ended
        ? h('p', { class: 'hint', 'data-testid': 'replay-about' }, `${turns} played so far · ${humans.length ? `played by: ${humans.join(', ')}` : 'bots in every seat'}.`)
        : h('p', { class: 'hint', 'data-testid': 'replay-about' }, `Seed “${r.seed}”${this.opened.embedded ? ' · level from the file' : ''} · ${turns} recorded${this.ended ? ', to the end of the game' : ' (the game is not finished)'} · ${humans.length ? `human seats: ${humans.join(', ')}` : 'bots in every seat'} · verified: every turn gives the recorded hash.`),
      list,
      h('p', { class: 'hint' }, 'Keys: ', h('kbd', null, 'Space'), ' play / pause, ', h('kbd', null, '←'), ' ', h('kbd', null, '→'), ' a turn, ', h('kbd', null, 'Home'), ' ', h('kbd', null, 'End'), '.'),
    );
  }

  private askSpoiler(v: Viewer): void {
    const all = v === 'facilitator';
    const name = all ? '' : this.opened.level.states.find((s) => s.id === v)?.name ?? v;
    const d: HTMLDialogElement = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'spoiler-h', 'data-testid': 'spoiler-dialog' },
      h('h2', { id: 'spoiler-h' }, all ? 'Show everything?' : `Show ${name}'s view?`),
      h('p', { 'data-testid': 'spoiler-text' }, all ? (this.ended ? SPOILER_TEXT_ENDED : this.hooks.projector ? SPOILER_TEXT_LIVE : SPOILER_TEXT) : seatSpoilerText(name)),
      h('p', { class: 'hint' }, all ? 'Players who still mean to play this level with this seed will learn its secrets.' : `Only ${name}'s player should see it while the game goes on.`),
      h(
        'div',
        { class: 'form-actions dialog-actions' },
        h('button', { type: 'button', class: 'secondary', 'data-testid': 'spoiler-cancel', onclick: () => d.close() }, 'Keep them hidden'),
        h('button', { type: 'button', class: 'primary', 'data-testid': 'spoiler-confirm', onclick: () => { d.close(); this.setPerspective(v, true); } }, all ? 'Show everything' : `Show ${name}'s view`),
      ),
    );
    d.addEventListener('close', () => (this.ui.perspective.value = String(this.perspective)));
    openDialog(d);
    (d.querySelector('[data-testid="spoiler-cancel"]') as HTMLElement).focus();
  }

  private askFork(): void {
    this.pause();
    const level = this.opened.level;
    const turn = this.index;
    const seats: Record<StateId, SeatKind> = {};
    for (const s of level.states) seats[s.id] = this.opened.replay.seats[s.id] ?? 'bot';
    if (!level.states.some((s) => seats[s.id] === 'human')) seats[level.states[0].id] = 'human';
    const start = h('button', { type: 'button', class: 'primary', 'data-testid': 'fork-start' }, 'Start the new game');
    const hint = h('p', { class: 'hint', role: 'status' });
    const update = () => {
      const n = level.states.filter((s) => seats[s.id] === 'human').length;
      start.disabled = n === 0;
      hint.textContent = n === 0 ? 'Pick at least one human seat.' : n === 1 ? 'Solo: you against bots.' : `Hot-seat: ${n} people on this device, with the hand-off curtain between them.`;
    };
    const d: HTMLDialogElement = h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': 'fork-h', 'data-testid': 'fork-dialog' },
      h('h2', { id: 'fork-h' }, `What if? Play on from turn ${turn + 1}`),
      h('p', null, `A new game (a sandbox) starts from this point: ${turn === 0 ? 'the same setup' : `the ${turn} turn${turn === 1 ? '' : 's'} played so far are kept as its history`}. This replay stays as it is. Choose who plays each state from here on.`),
      h(
        'table',
        { class: 'seats' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col' }, 'Seat'))),
        h('tbody', null, level.states.map((s) => h('tr', null, h('th', { scope: 'row' }, s.name), h('td', null, h(
          'select',
          { 'aria-label': `${s.name} seat`, 'data-testid': `fork-seat-${s.id}`, onchange: (e: Event) => { seats[s.id] = (e.target as HTMLSelectElement).value as SeatKind; update(); } },
          h('option', { value: 'human', selected: seats[s.id] === 'human' }, 'Human'),
          h('option', { value: 'bot', selected: seats[s.id] === 'bot' }, 'Bot'),
        ))))),
      ),
      hint,
      h('div', { class: 'form-actions dialog-actions' }, h('button', { type: 'button', class: 'secondary', 'data-testid': 'fork-cancel', onclick: () => d.close() }, 'Cancel'), start),
    );
    start.addEventListener('click', () => {
      d.close();
      this.hooks.onFork(turn, { ...seats });
    });
    update();
    openDialog(d);
  }

  private onKey(e: KeyboardEvent): void {
    const t = e.target as HTMLElement;
    if (document.querySelector('dialog[open]') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t.closest('input, select, textarea')) return;
    if (e.key === ' ' && !t.closest('button')) {
      e.preventDefault();
      this.toggle();
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      if (t.closest('[role="tab"], .map-root')) return;
      e.preventDefault();
      this.pause();
      this.seek(this.index + (e.key === 'ArrowRight' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      this.pause();
      this.seek(e.key === 'Home' ? 0 : this.last);
    }
  }
}

/** What the public view holds at this turn: the end of the game and a facilitator's reveal
 * show secrets to everyone. */
function publicAbout(view: PlayerView): string {
  if (view.phase === 'ended') return 'What a projector in the room would show. The game is over, so its secret agendas and animosities are shown too.';
  if (view.animosity) return 'What a projector in the room would show: no secret agendas; the facilitator has revealed the animosities to everyone.';
  return 'What a projector in the room would show: no secret agendas, no hidden animosities.';
}

/** Public or facilitator: the shared goals and every state side by side. */
function overview(view: PlayerView): HTMLElement {
  const all = view.viewer === 'facilitator';
  const ranked = [...view.states].sort((a, b) => b.score - a.score);
  return h(
    'div',
    { class: 'panel', 'data-testid': 'replay-overview' },
    h('h2', null, all ? 'Everything (facilitator view)' : 'Public view'),
    h('p', { class: 'hint', 'data-testid': 'replay-overview-about' }, all ? 'Every hidden value is shown: secret agendas, animosities, outside forces, every cause in the reports.' : publicAbout(view)),
    corridorGoals(view),
    h('h3', null, 'States'),
    h(
      'table',
      { class: 'table', 'data-testid': 'replay-states' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'State'), h('th', { scope: 'col', class: 'num' }, 'Score'), h('th', { scope: 'col', class: 'num' }, 'Treasury'), h('th', { scope: 'col', class: 'num' }, 'Stability'))),
      h('tbody', null, ranked.map((s) => h('tr', null, h('th', { scope: 'row' }, s.name, h('div', { class: 'sub' }, s.seat)), h('td', { class: 'num' }, String(s.score)), h('td', { class: 'num' }, money(s.treasury)), h('td', { class: 'num' }, String(s.stability))))),
    ),
    ranked.some((s) => s.agenda)
      ? h('section', null, h('h3', null, h('span', { class: 'secret-tag' }, 'Secret'), ' Agendas'), h('ul', { class: 'plain', 'data-testid': 'replay-agendas' }, ranked.filter((s) => s.agenda).map((s) => h('li', null, h('strong', null, `${s.name}: ${s.agenda!.name}`), ` — ${s.agenda!.text} `, h('span', { class: 'sub' }, s.agenda!.met ? '(met)' : '(not met)')))))
      : null,
    view.stances && view.forces.length
      ? h('section', null, h('h3', null, 'Outside forces'), h('ul', { class: 'plain' }, view.forces.map((f) => h('li', null, `${f.name} (${f.role}): stance ${view.stances![f.id] ?? '?'} of 100`))))
      : null,
  );
}

function relationsOverview(view: PlayerView): HTMLElement {
  const m = animosityMatrix(view);
  return h(
    'div',
    { class: 'panel relations', 'data-testid': 'relations' },
    h('h2', null, 'Relations'),
    m ?? h('p', { class: 'hint' }, 'Animosities are hidden in the public view. Switch to a state’s view for what it knows, or to the facilitator’s view for all of them.'),
    view.pacts.length ? h('section', null, h('h3', null, 'Security pacts in force'), h('ul', { class: 'plain' }, view.pacts.map((p) => h('li', null, `${p.members.map((id) => nameIn(view, id)).join(', ')} — until turn ${p.endsTurn}`)))) : null,
  );
}
