// Entry point: loading bar, then the start screen, a game (from a link, a save or a fork) or
// the replay viewer (from a file, a drop, a #r= link or the end screen). Also the test hook
// window.__corridor that browser tests read.
import basemapUrl from '../../assets/basemap.json?url';
import { h, $ } from './dom';
import { loadShippedLevels, type LevelEntry } from './levels';
import { Controller, type BotPacing, type BotReason, type BotProgress, type GameSetup, type RecordedAction, type SeatKind } from './controller';
import { gameUrl, parseGameUrl, watchUrl, type Watcher } from './url';
import { renderStart, type StartInit, type StartSaves } from './screens/start';
import { GameScreen } from './screens/game';
import { renderEnd } from './screens/end';
import { ReplayScreen, type ReplayInfo } from './screens/replay';
import { hideBanner, showBanner } from './screens/banner';
import { projectorPause } from './screens/facilitator';
import { showCompare, type CompareFailure } from './screens/compare';
import type { CompareGame } from './compare';
import { pageBase, shareReplay } from './screens/share';
import { clearToasts, toast } from './screens/toast';
import { download, downloadReplay, openReplayText, replayFileName, replayFromFragment, shareLink, type OpenedReplay, type OpenResult, type OtherVersion } from './replay-io';
import { followClock, resumeClock, syncClock } from './clock';
import { deleteSave, followPause, followSave, isPaused, listSaves, readReasons, readSave, setPaused, setTabGame, tabGame, writeClock, writeReasons, writeSave, type SaveMeta } from './saves';
import { inFile, rerunOnLevel, type Action, type LoadedLevel, type PlayerView, type Replay, type StateId, type Viewer } from './sim';
import type { BasemapFile } from './map/basemap';
import type { CorridorMap } from './map/map-view';

type Result = { ok: boolean; error?: string };

interface CorridorHook {
  screen: string;
  turn: number | null;
  phase: string | null;
  hash: string | null;
  seed: string | null;
  levelId: string | null;
  seat: string | null;
  awaiting: string | null;
  curtain: boolean;
  /** The facilitator has paused the game. */
  paused: boolean;
  mapReady: boolean;
  /** Milliseconds from navigation until the map first became interactive (for the bench). */
  mapReadyAt: number | null;
  /** The running game's save slot. */
  gameId: string | null;
  /** The replay viewer's position, or null when it is closed. */
  replay: ReplayInfo | null;
  /** The last message of a replay or save that could not be opened. */
  openError: string | null;
  /** Why the last autosave failed, or null when it worked. */
  saveError: string | null;
  /** Why the seat on screen cannot undo now (null: it can). */
  undoRefusal: string | null;
  /** The bots are moving, or the screen has yet to show where they left the game. */
  busy: boolean;
  /** The bots' progress while they move (null otherwise). */
  botProgress: BotProgress | null;
  /** How many times this game's bots have paused for a frame. */
  botSlices: number;
  /** Resolves once the bots are done and the screen shows the game as they left it. */
  idle(): Promise<void>;
  /** Applies a human action at once; the bots' answers may follow later (see busy / idle). */
  dispatch(action: Action): Result;
  undo(): Result;
  view(): PlayerView | null;
  confirmCurtain(): void;
  actions(): unknown[];
  checkpoints(): unknown[];
  /** The running game (or the replay on view) as a replay file. */
  record(): Replay | null;
  /** Its #r= link, or null when there is none or it is too long for a link. */
  shareLink(): string | null;
  /** Opens replay text in the viewer, as a file or a drop would. */
  openReplay(text: string): Result;
  replaySeek(turn: number): void;
  /** Changes the viewer's perspective; the facilitator's view still asks (pass confirmed to skip). */
  replayPerspective(viewer: Viewer, confirmed?: boolean): boolean;
  saves(): SaveMeta[];
}

declare global {
  interface Window {
    __corridor: CorridorHook;
    /** Browser tests set this (before the page loads) to slice the bots' moves finer. */
    __corridorBotSliceMs?: number;
  }
}

// ---------- bot pacing ----------

// A message posted from a frame callback runs right after that frame is on screen, so each
// slice of bot moves starts a fresh frame. Hidden tabs get no frames: there a timer paces them.
const port = new MessageChannel();
const afterFrame: (() => void)[] = [];
port.port1.onmessage = () => afterFrame.shift()?.();
const pacing: BotPacing = {
  sliceMs: typeof window.__corridorBotSliceMs === 'number' ? window.__corridorBotSliceMs : 8,
  now: () => performance.now(),
  yield: (next) => {
    if (document.hidden) {
      setTimeout(next, 0);
      return;
    }
    requestAnimationFrame(() => {
      afterFrame.push(next);
      port.port2.postMessage(null);
    });
  },
};

let levels: LevelEntry[] = [];
let basemap: BasemapFile;
let mapModule: typeof import('./map/map-view');
let map: CorridorMap | null = null;
let controller: Controller | null = null;
let detachController: (() => void) | null = null;
let screen: GameScreen | null = null;
let viewer: ReplayScreen | null = null;
let mapReadyAt: number | null = null;
let openError: string | null = null;
let saveError: string | null = null;
let current: 'loading' | 'start' | 'game' | 'end' | 'replay' = 'loading';

const app = $('app');
const startEl = h('section', { id: 'screen-start', class: 'screen', hidden: true, 'aria-label': 'Start' });
const topbar = h('header', { id: 'topbar', class: 'topbar' });
const mapRoot = h('div', { id: 'map-root', 'data-testid': 'map' });
const sidebar = h('aside', { id: 'sidebar', class: 'sidebar', 'aria-label': 'Your panels' });
const gameEl = h('section', { id: 'screen-game', class: 'screen game', hidden: true, 'aria-label': 'Game' }, topbar, h('div', { class: 'game-body' }, mapRoot, sidebar));
const curtainEl = h('section', { id: 'curtain', class: 'curtain', hidden: true, 'data-testid': 'curtain' });
const endEl = h('section', { id: 'screen-end', class: 'screen', hidden: true, 'aria-label': 'Results' });
app.append(startEl, gameEl, curtainEl, endEl);

function progress(pct: number, text: string): void {
  $('loading-fill').style.width = `${pct}%`;
  $('loading-text').textContent = text;
  $('loading').setAttribute('aria-valuenow', String(pct));
}

/** The loading screen turns into an error with a way out (it looked like a finished bar). */
function loadFailed(cause: string): void {
  const box = $('loading');
  box.classList.add('failed');
  box.setAttribute('role', 'alert');
  box.removeAttribute('aria-valuenow');
  $('loading-text').textContent = `Corridor could not load its files (${cause}). Check that the page is served from the game's folder, then reload.`;
  const reload = h('button', { type: 'button', class: 'primary', 'data-testid': 'reload', onclick: () => location.reload() }, 'Reload');
  box.querySelector('.loading-inner')!.append(reload);
  reload.focus();
}

function show(which: typeof current): void {
  current = which;
  document.body.dataset.screen = which;
  startEl.hidden = which !== 'start';
  gameEl.hidden = which !== 'game' && which !== 'replay';
  gameEl.setAttribute('aria-label', which === 'replay' ? 'Replay' : 'Game');
  sidebar.setAttribute('aria-label', which === 'replay' ? 'Replay panels' : 'Your panels');
  endEl.hidden = which !== 'end';
  if (which !== 'game') curtainEl.hidden = true;
}

function ensureMap(): CorridorMap {
  if (!map) {
    map = new mapModule.CorridorMap(mapRoot, basemap);
    void map.ready.then(() => {
      mapReadyAt = performance.now();
      document.body.dataset.mapReady = 'true';
    });
  }
  return map;
}

function closeViewer(): void {
  viewer?.destroy();
  viewer = null;
  delete document.body.dataset.perspective;
}

/** A game left behind is no longer paused, nor timed. */
function leftBehind(id: string): void {
  setPaused(id, false);
  writeClock(id, null);
}

function releaseController(): void {
  detachController?.();
  detachController = null;
  if (controller) leftBehind(controller.id);
  followClock(null);
  controller?.dispose();
  controller = null;
}

// ---------- start ----------

const SECRETS_WARNING = 'Downloaded. The file holds every secret of this game: keep it from the other players until the game is over.';

const startSaves: StartSaves = {
  list: () => listSaves(),
  onResume: (id) => void resumeSave(id),
  onDelete: (id) => {
    const r = deleteSave(id);
    if (!r.ok) showBanner('save-error', 'The save could not be deleted:', r.error);
  },
  onExport: (id) => {
    const meta = listSaves().find((m) => m.id === id);
    const r = readSave(id);
    if (!r.ok || !meta) {
      failOpen('This save could not be exported:', r.ok ? 'it is no longer listed' : r.error);
      return;
    }
    let text = r.text;
    try {
      text = `${JSON.stringify(JSON.parse(r.text), null, 1)}\n`;
    } catch {
      /* exported as stored: the viewer will name what is wrong with it */
    }
    download(replayFileName(meta.levelId, meta.seed), text);
    // As the in-game download says: the file holds the seed and every order given so far.
    if (meta.humans.length > 1 && meta.phase !== 'ended') toast(SECRETS_WARNING);
  },
  onOpenReplay: (file) => void openReplayFile(file),
  onImportSave: (file) => void importSaveFile(file),
  onCompare: (files) => void compareFiles(files),
};

function showStart(init: StartInit = {}): void {
  stopWatching();
  closeViewer();
  screen?.destroy();
  screen = null;
  releaseController();
  setTabGame(null);
  history.replaceState(null, '', location.pathname);
  show('start');
  renderStart(startEl, levels, init, (setup, entry) => {
    // A new game of the player's choosing: an offer about another save is stale now.
    hideBanner('replay-error');
    hideBanner('replay-note');
    startGame({ ...setup, embedLevel: entry.source !== 'shipped' });
  }, startSaves);
  (startEl.querySelector('#resume-game, #start-game') as HTMLElement | null)?.focus({ preventScroll: true });
}

function linkFor(setup: GameSetup): string {
  return gameUrl(location.href.split('?')[0].split('#')[0], setup.level.id, setup.seed, setup.seats);
}

// ---------- games ----------

function autosave(c: Controller): void {
  const st = c.status();
  const meta: SaveMeta = {
    id: c.id,
    levelId: c.level.id,
    levelName: c.level.name,
    seed: c.setup.seed,
    turn: st.turn,
    turns: st.lastTurn,
    phase: st.phase,
    humans: c.humans.map((id) => c.level.states.find((s) => s.id === id)?.name ?? id),
    savedAt: Date.now(),
    levelHash: c.level.hash,
  };
  // Before the save: a facilitator window that hears of the save then finds these reasons.
  writeReasons(c.id, c.allReasons());
  const r = writeSave(meta, c.record());
  if (!r.ok) {
    saveError = r.error;
    showBanner('save-error', 'Autosave failed:', `${r.error}. Nothing is lost while this tab stays open: delete old saves on the start screen, or use Menu → Download this game.`);
  } else if (saveError) {
    saveError = null;
    hideBanner('save-error');
  }
}

const endShownFor = new WeakSet<Controller>();

/** Shows a game on screen; `fresh` games from the start screen or a link get a game link. */
function attach(c: Controller, fresh = false): void {
  stopWatching();
  closeViewer();
  screen?.destroy();
  const returning = controller === c;
  if (!returning) {
    detachController?.();
    if (controller) leftBehind(controller.id);
    controller?.dispose();
    controller = c;
    detachController = c.subscribe(() => {
      autosave(c);
      setPaused(c.id, c.paused);
      syncClock(c.id, { ...c.status(), paused: c.paused });
      if (c.ended && current === 'game' && !endShownFor.has(c)) {
        endShownFor.add(c);
        // Let the final map render first, then show the results.
        setTimeout(() => showEnd(), 400);
      }
    });
    setTabGame(c.id);
    autosave(c);
    resumeClock(c.id, { ...c.status(), paused: c.paused });
  } else {
    c.raiseCurtain(); // a hot-seat game never comes back onto someone's secrets
  }
  const shipped = levels.some((l) => l.source === 'shipped' && l.level === c.level);
  const plain = location.pathname;
  if (fresh && shipped) history.replaceState(null, '', linkFor(c.setup).replace(location.href.split('?')[0].split('#')[0], plain));
  else if (!returning) history.replaceState(null, '', plain);
  show('game');
  followClock(c.id);
  screen = new GameScreen({ root: gameEl, topbar, sidebar, curtain: curtainEl }, ensureMap(), c, {
    onNewGame: () => showStart({ levelId: c.level.id }),
    onRestart: () => startGame(c.setup),
    onShowResults: () => showEnd(),
    copyLink: () => linkFor(c.setup),
    onDownload: () => {
      downloadReplay(c.record());
      if (c.hotseat && !c.ended) toast(SECRETS_WARNING);
    },
    onShare: () => void shareReplay(c.record(), c.hotseat && !c.ended ? 'The link holds every secret of this game: keep it from the other players until the game is over.' : null),
    onProjector: () => openWatcher(c, 'projector'),
    onFacilitatorWindow: () => openWatcher(c, 'facilitator'),
  });
  if (c.ended && !endShownFor.has(c)) showEnd();
}

function startGame(setup: GameSetup): void {
  let c: Controller;
  try {
    c = new Controller(setup, { pacing });
  } catch (e) {
    showStart({ levelId: setup.level.id, seed: setup.seed, seats: setup.seats, notice: [`This game could not start: ${(e as Error).message}`] });
    return;
  }
  attach(c, true);
}

/** The game a recorded action list belongs to; `seats` as recorded (a fork may give them to others). */
interface RecordedGame { level: LoadedLevel; seed: string; embedded: boolean; seats: Record<StateId, SeatKind> }
const gameOf = (o: OpenedReplay): RecordedGame => ({ level: o.level, seed: o.replay.seed, embedded: o.embedded, seats: o.replay.seats });

/** A game from a recorded action list (a save, a fork, an imported file). */
function playFrom(game: RecordedGame, actions: Replay['actions'], seats: Record<StateId, SeatKind>, id?: string, reasons?: Record<string, readonly BotReason[]>): boolean {
  let c: Controller;
  try {
    c = new Controller({ level: game.level, seed: game.seed, seats, embedLevel: game.embedded }, { history: actions as unknown as RecordedAction[], historySeats: game.seats, reasons, id, pacing });
  } catch (e) {
    failOpen('This game could not be continued:', (e as Error).message);
    return false;
  }
  hideBanner('replay-error');
  hideBanner('replay-note');
  attach(c);
  return true;
}

/** `shown`: the banner's text when it says more than the message (the test hook's openError). */
function failOpen(title: string, message: string, shown = message): void {
  openError = message;
  showBanner('replay-error', title, shown);
}

function resumeSave(id: string): boolean {
  const r = readSave(id);
  if (!r.ok) {
    failOpen('This save could not be opened:', r.error);
    return false;
  }
  const o = openReplayText(r.text, levels, { keepStates: false });
  if (!o.ok) {
    if (!offerThisVersion('This save could not be opened:', o, 'It', id)) failOpen('This save could not be opened:', o.error);
    return false;
  }
  // The reasons this game kept beside its save, where it has them (exact, also for a fork).
  if (!playFrom(gameOf(o.opened), o.opened.replay.actions, o.opened.replay.seats, id, readReasons(id))) return false;
  // Say so: after a reload the screen otherwise looks like a fresh start of the turn.
  const st = controller?.status();
  if (st) toast(st.phase === 'ended' ? 'Your saved game is resumed: it has ended.' : `Your saved game is resumed at turn ${st.turn}, ${st.phase}.`);
  return true;
}

/**
 * A save made on another version of one of this game's levels (a level updated since, a
 * changed head start): says so and offers to replay its moves on this version
 * (continueOnThisVersion). False when the failure is another one.
 */
function offerThisVersion(title: string, o: Extract<OpenResult, { ok: false }>, what: string, saveId?: string): boolean {
  const { replay, otherVersion } = o;
  if (!replay || !otherVersion) return false;
  openError = o.error;
  showBanner(
    'replay-error',
    title,
    `${what} was made with another version of “${otherVersion.level.name}”: its figures or rules have changed since, so it cannot be checked move by move against this one. Its moves can be replayed on this version and the game played on from there. (Level hash ${replay.level.hash} in the save, ${otherVersion.level.hash} here.)`,
    'error',
    { label: 'Continue on this version', run: () => continueOnThisVersion(replay, otherVersion, saveId) },
  );
  return true;
}

/**
 * Replays a save's moves on today's version of its level. When every move stands, the game
 * takes the save's slot (it holds all the save held); when some do not, it is a new save
 * and the old one is kept.
 */
function continueOnThisVersion(replay: Replay, other: OtherVersion, saveId?: string): void {
  const r = rerunOnLevel(other.level, replay);
  if (!r.ok) {
    failOpen('This save could not be continued:', r.error);
    return;
  }
  if (!playFrom({ level: other.level, seed: replay.seed, embedded: other.embedded, seats: replay.seats }, r.actions, replay.seats, r.stopped ? undefined : saveId)) return;
  const all = replay.actions.length;
  const ended = controller?.ended ?? false;
  let text: string;
  if (!r.stopped) text = `all ${all} recorded moves replayed; from here the game goes on with this version's rules.`;
  else {
    const player = (replay.actions[r.stopped.index].action as { player?: unknown }).player;
    const who = typeof player === 'string' ? (other.level.states.find((s) => s.id === player)?.name ?? player) : 'a player';
    text = `${r.actions.length} of the ${all} recorded moves replayed. ${who}'s recorded move in turn ${r.stopped.turn} does not fit this version (${r.stopped.error}), so ${ended ? `the game ended before it: these are its results on this version` : 'the game goes on from just before it, in a new save; the old one is kept'}.`;
  }
  showBanner('replay-note', 'Continued on this version:', text, 'info');
}

const MAX_FILE_BYTES = 25_000_000;

/** A file's text, or why it cannot be had: too large, or unreadable. */
async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; title: string; error: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, title: `${file.name} could not be opened:`, error: `it is ${Math.round(file.size / 1e6)} MB; a replay is at most 20 million characters` };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return { ok: false, title: `${file.name} could not be read:`, error: (e as Error).message };
  }
}

async function readFile(file: File): Promise<string | null> {
  const r = await readFileText(file);
  if (r.ok) return r.text;
  failOpen(r.title, r.error);
  return null;
}

async function importSaveFile(file: File): Promise<void> {
  const text = await readFile(file);
  if (text === null) return;
  const o = openReplayText(text, levels, { keepStates: false });
  if (!o.ok) {
    if (!offerThisVersion('This save could not be imported:', o, file.name)) failOpen('This save could not be imported:', inFile(file.name, o.error));
    return;
  }
  if (playFrom(gameOf(o.opened), o.opened.replay.actions, o.opened.replay.seats)) toast(`Imported ${file.name}: it is saved in this browser now.`);
}

// ---------- replays ----------

function openReplayFromText(text: string, source: string | null): Result {
  const o = openReplayText(text, levels);
  if (!o.ok) {
    const message = source ? inFile(source, o.error) : o.error;
    // Of another version of its level: its checkpoints cannot be checked here, but its moves can be played on.
    const how = o.otherVersion ? `. To play its moves on this version of “${o.otherVersion.level.name}”, use Import a save… on the start screen.` : '';
    failOpen('This replay could not be opened:', message, message + how);
    return { ok: false, error: message };
  }
  hideBanner('replay-error');
  openError = null;
  showReplay(o.opened, 0);
  return { ok: true };
}

/** The class's games side by side: every replay file read and verified, each one that is not named with why. */
async function compareFiles(files: File[]): Promise<void> {
  const games: CompareGame[] = [];
  const failed: CompareFailure[] = [];
  // Each file is a whole game re-run: say how far it has got, a frame between files.
  const many = files.length > 3;
  for (const [i, file] of files.entries()) {
    if (many) {
      showBanner('compare-progress', 'Comparing games:', `reading ${i + 1} of ${files.length} (${file.name})…`, 'info');
      await new Promise((r) => setTimeout(r, 0));
    }
    const read = await readFileText(file);
    if (!read.ok) {
      failed.push({ file: file.name, error: read.error });
      continue;
    }
    const o = openReplayText(read.text, levels);
    if (o.ok) games.push({ file: file.name, opened: o.opened });
    else failed.push({ file: file.name, error: o.error });
  }
  if (many) hideBanner('compare-progress');
  showCompare(games, failed, (name, text) => download(name, text, 'text/csv'));
}

async function openReplayFile(file: File): Promise<void> {
  const text = await readFile(file);
  if (text !== null) openReplayFromText(text, file.name);
}

// The projector window (?watch=ID, from the game's Menu): the replay viewer on a game saved
// in this browser, in the public view, opened again each time the playing window saves a newly
// resolved turn. It reads the save, never the playing window's memory, so it can show only
// what a replay of the game so far shows. The facilitator's window (&as=facilitator, from the
// facilitator's controls) is the same for the teacher's own screen, in the facilitator's view.
let stopWatching: () => void = () => {};

function openWatcher(c: Controller, as: Watcher): void {
  const what = as === 'facilitator' ? 'The facilitator window' : 'The projector window';
  if (saveError) {
    toast(`${what} follows this game's save, and this browser is not saving it (${saveError}).`);
    return;
  }
  autosave(c);
  const url = watchUrl(pageBase(), c.id, as);
  const w = window.open(url, `corridor-${as}`);
  if (!w) prompt('This browser blocked the new window. Open this link in another window of the same browser:', url);
  else if (as === 'facilitator') toast('The facilitator window is open: keep it on your own screen, not the projector. It shows every hidden value and updates as each turn resolves.');
  else toast('The projector window is open: move it to the projector. It shows the public view (no secrets) and updates as each turn resolves.');
}

function watchSave(id: string, as: Watcher): void {
  const openText = (text: string | null): OpenedReplay | null => {
    const o = text ? openReplayText(text, levels) : null;
    return o?.ok ? o.opened : null;
  };
  const what = as === 'facilitator' ? 'facilitator' : 'projector';
  const first = readSave(id);
  const opened = first.ok ? openText(first.text) : null;
  if (!opened) {
    showStart({ notice: [`This ${what} window follows a game saved in this browser, and that game is no longer here (or cannot be opened). Open the ${what} window again from the game’s Menu.`] });
    return;
  }
  // The facilitator's window shows the bots' real reasons, which the playing window keeps beside the save.
  const reasons = as === 'facilitator' ? () => readReasons(id) : undefined;
  showReplay(opened, 'end', as, undefined, reasons);
  followClock(id);
  // The teacher opened this window for the facilitator's view: no spoiler question.
  if (as === 'facilitator') viewer?.setPerspective('facilitator', true);
  let later: ReturnType<typeof setTimeout> | null = null;
  const update = (text: string | null) => {
    if (current !== 'replay' || !viewer) return;
    if (text === null) {
      showBanner('projector-gone', 'This game’s save is gone:', 'it was deleted in the playing window. This window keeps the last turn it showed.', 'info');
      return;
    }
    // Not while the viewer plays the game back or asks a question: opening the save again
    // rebuilds the screen, which would stop the one and strand the other. Once they are done.
    if (viewer.playing || document.querySelector('dialog[open]')) {
      if (later) clearTimeout(later);
      later = setTimeout(() => {
        later = null;
        const now = readSave(id);
        update(now.ok ? now.text : null);
      }, 1000);
      return;
    }
    // A save that adds no move (the same record saved again) has nothing new to show: skip
    // the replay's verification (a whole game's worth of turns) for it.
    const was = viewer.opened.replay;
    const size = recordSize(text);
    if (size.checkpoints === was.checkpoints.length && size.actions === was.actions.length) return;
    const next = openText(text);
    if (!next) return;
    const { perspective, index, tab } = viewer;
    // Following the game: on the turn being played, or on the newest resolved turn.
    const following = viewer.info().live || index === viewer.opened.states.length - 1;
    const resolvedTurn = next.states.length > viewer.opened.states.length;
    const scroll = document.getElementById('replay-tabpanel')?.scrollTop ?? 0;
    // A resolved turn is news: shown at once (the next turn's first moves, often in the same
    // save, wait one entry on). A move within the turn updates the turn being played, and
    // moves the window only if it was showing that turn.
    const start = !following ? index : resolvedTurn ? next.states.length - 1 : viewer.info().live ? 'end' : index;
    showReplay(next, start, as, tab, reasons);
    if (perspective !== 'public') viewer.setPerspective(perspective, true); // asked once already
    const panel = document.getElementById('replay-tabpanel');
    if (panel && viewer.index === index) panel.scrollTop = scroll;
    if (!resolvedTurn) return;
    const turn = next.states.length - 1;
    toast(following ? `Turn ${turn} has resolved.` : `Turn ${turn} has resolved: press End to see it.`);
  };
  const unfollow = followSave(id, update);
  // The facilitator's pause covers the projector's screen while it lasts; not the
  // facilitator's own window, which the teacher may want during the discussion.
  const unfollowPause = as === 'projector' ? followPause(id, projectorPause) : () => {};
  if (as === 'projector') projectorPause(isPaused(id));
  stopWatching = () => {
    unfollow();
    if (later) clearTimeout(later);
    unfollowPause();
    projectorPause(false);
    hideBanner('projector-gone');
    stopWatching = () => {};
  };
}

/** How many checkpoints (one per turn resolved, and the start) and actions a saved record holds; -1 when unreadable. */
function recordSize(text: string): { checkpoints: number; actions: number } {
  try {
    const r = JSON.parse(text) as { checkpoints?: unknown; actions?: unknown };
    return { checkpoints: Array.isArray(r.checkpoints) ? r.checkpoints.length : -1, actions: Array.isArray(r.actions) ? r.actions.length : -1 };
  } catch {
    return { checkpoints: -1, actions: -1 };
  }
}

/** `watching`: the window follows a game played in another (projector or facilitator). */
function showReplay(opened: OpenedReplay, start: number | 'end', watching?: Watcher, tab?: string, reasons?: () => Record<string, readonly BotReason[]>): void {
  const projector = watching !== undefined;
  if (!projector) {
    stopWatching(); // a replay opened here is no longer the followed game
    followClock(null); // nor a game with a clock
  }
  const back = controller ? (current === 'end' ? 'end' : current === 'game' ? 'game' : null) : null;
  const c = controller;
  screen?.destroy();
  screen = null;
  closeViewer();
  show('replay');
  viewer = new ReplayScreen({ topbar, sidebar }, ensureMap(), opened, {
    projector,
    watcher: watching,
    reasons,
    closeLabel: back === 'end' ? 'Back to the results' : back === 'game' ? 'Back to the game' : 'Close',
    onClose: () => {
      closeViewer();
      if (c && back === 'end') showEnd();
      else if (c && back === 'game') attach(c);
      else showStart();
    },
    onFork: (turn, seats) => {
      if (playFrom(gameOf(opened), opened.replay.actions.filter((a) => a.turn <= turn), seats)) toast(`A new game from turn ${turn + 1}: a sandbox with its own save.`);
    },
    onContinue: () => void playFrom(gameOf(opened), opened.replay.actions, opened.replay.seats),
    onDownload: () => void downloadReplay(opened.replay),
    onShare: () => void shareReplay(opened.replay),
    onSaveFile: (f) => download(f.name, f.text, f.type),
  }, start, tab);
}

function showEnd(): void {
  const c = controller;
  if (!c) return;
  endShownFor.add(c);
  closeViewer();
  followClock(null); // an ended game has no clock (syncClock ended it)
  clearToasts(); // nothing from the last turn lingers over the results
  show('end');
  renderEnd(endEl, c.view(), {
    levelName: c.level.name,
    onReplay: () => startGame(c.setup),
    onNew: () => showStart({ levelId: c.level.id }),
    onBack: () => {
      if (screen) {
        show('game');
        screen.render();
      } else attach(c);
    },
    onWatch: () => {
      screen?.destroy();
      screen = null;
      const o = openReplayText(JSON.stringify(c.record()), levels);
      if (!o.ok) failOpen('This game’s replay could not be opened:', o.error);
      else showReplay(o.opened, 'end');
    },
    onDownload: () => void downloadReplay(c.record()),
    onShare: () => void shareReplay(c.record()),
    debrief: { level: c.level, save: (f) => download(f.name, f.text, f.type) },
  });
}

/** Opens the replay in a `#r=` fragment; false when there is none or it fails (the banner says why). */
function openFromFragment(): boolean {
  const f = replayFromFragment(location.hash);
  if (!f) return false;
  if (!f.ok) {
    failOpen('The replay in this link could not be opened:', f.error);
    return false;
  }
  return openReplayFromText(f.text, 'link').ok;
}

// Drop a replay file anywhere on the page to watch it.
function dragHasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}
document.addEventListener('dragover', (e) => {
  if (!dragHasFiles(e) || current === 'loading') return;
  e.preventDefault();
  if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) document.body.classList.remove('dropping');
});
document.addEventListener('drop', (e) => {
  document.body.classList.remove('dropping');
  if (!dragHasFiles(e) || current === 'loading') return;
  e.preventDefault();
  const files = [...(e.dataTransfer?.files ?? [])];
  // Several files at once: the class's games, side by side.
  if (files.length > 1) void compareFiles(files);
  else if (files.length) void openDropped(files[0]);
});

/** A dropped file on the start screen that is not a replay is a level: load it like the picker does. */
async function openDropped(file: File): Promise<void> {
  const input = document.getElementById('level-file') as HTMLInputElement | null;
  if (current === 'start' && input && !/"format"\s*:\s*"corridor-replay"/.test(await file.text())) {
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    return;
  }
  await openReplayFile(file);
}
// A reload or a closed tab ends a pause (the game comes back unpaused): the projector's too.
window.addEventListener('pagehide', () => {
  if (controller) setPaused(controller.id, false);
});
window.addEventListener('hashchange', () => {
  if (current !== 'loading' && location.hash.startsWith('#r=')) openFromFragment();
});

window.__corridor = {
  get screen() { return current; },
  get turn() { return controller?.status().turn ?? null; },
  get phase() { return controller?.status().phase ?? null; },
  get hash() { return controller?.hash ?? null; },
  get seed() { return controller?.setup.seed ?? null; },
  get levelId() { return controller?.level.id ?? null; },
  get seat() { return controller?.shown ?? null; },
  get awaiting() { return controller?.awaiting ?? null; },
  get curtain() { return controller?.curtain ?? false; },
  get paused() { return controller?.paused ?? false; },
  get mapReady() { return document.body.dataset.mapReady === 'true'; },
  get mapReadyAt() { return mapReadyAt; },
  get gameId() { return controller?.id ?? null; },
  get replay() { return viewer?.info() ?? null; },
  get openError() { return openError; },
  get saveError() { return saveError; },
  get undoRefusal() { return controller ? controller.undoRefusal() : 'no game is running'; },
  get busy() { return (controller?.busy ?? false) || (screen?.renderPending ?? false); },
  get botProgress() { return controller?.progress ?? null; },
  get botSlices() { return controller?.slices ?? 0; },
  idle: async () => {
    for (let guard = 0; guard < 10000; guard++) {
      if (controller?.busy) await controller.idle();
      else if (screen?.renderPending) await screen.rendered();
      else return;
    }
  },
  dispatch: (action: Action) => {
    if (!controller) return { ok: false, error: 'no game is running' };
    return controller.dispatch(action);
  },
  undo: () => {
    if (!controller) return { ok: false, error: 'no game is running' };
    return screen && current === 'game' ? screen.undo() : controller.undo();
  },
  view: () => controller?.view() ?? null,
  confirmCurtain: () => controller?.confirmCurtain(),
  actions: () => JSON.parse(JSON.stringify(controller?.actions ?? [])),
  checkpoints: () => JSON.parse(JSON.stringify(controller?.checkpoints ?? [])),
  record: () => (viewer ? viewer.opened.replay : controller?.record()) ?? null,
  shareLink: () => {
    const r = viewer ? viewer.opened.replay : controller?.record();
    if (!r) return null;
    const link = shareLink(pageBase(), r);
    return link.ok ? link.url : null;
  },
  openReplay: (text: string) => openReplayFromText(text, null),
  replaySeek: (turn: number) => viewer?.seek(turn),
  replayPerspective: (v: Viewer, confirmed = false) => viewer?.setPerspective(v, confirmed) ?? false,
  saves: () => listSaves(),
};

async function boot(): Promise<void> {
  try {
    progress(10, 'Loading levels…');
    levels = await loadShippedLevels();
    progress(35, 'Loading the map engine…');
    mapModule = await import('./map/map-view');
    progress(75, 'Loading the base map…');
    const res = await fetch(basemapUrl);
    if (!res.ok) throw new Error(`base map: HTTP ${res.status}`);
    basemap = (await res.json()) as BasemapFile;
    progress(100, 'Ready');
  } catch (e) {
    loadFailed((e as Error).message);
    return;
  }
  $('loading').hidden = true;
  if (location.hash.startsWith('#r=') && openFromFragment()) return;
  const url = parseGameUrl(location.search);
  if (url.watch) {
    watchSave(url.watch, url.watchAs ?? 'projector');
    return;
  }
  // A reload (or a restored tab) resumes this tab's game rather than starting the link afresh.
  const tab = tabGame();
  const saved = tab ? listSaves().find((m) => m.id === tab) : undefined;
  if (saved && (!url.level || (url.level === saved.levelId && (!url.seed || url.seed === saved.seed)))) {
    if (resumeSave(saved.id)) return;
  }
  const notice = [...url.errors];
  if (url.level) {
    const level = levels.find((l) => l.id === url.level && l.level)?.level;
    if (!level) notice.push(`There is no level "${url.level}". Choose one below.`);
    else {
      const seats = url.seats ?? {};
      const unknown = Object.keys(seats).filter((id) => !level.states.some((s) => s.id === id));
      if (unknown.length) notice.push(`The link names states that are not in ${level.name}: ${unknown.join(', ')}.`);
      const humans = Object.keys(seats).filter((id) => seats[id] === 'human' && !unknown.includes(id));
      if (url.seed && humans.length && !unknown.length && !notice.length) {
        const full: GameSetup['seats'] = {};
        for (const s of level.states) full[s.id] = seats[s.id] ?? 'bot';
        startGame({ level, seed: url.seed, seats: full });
        return;
      }
    }
  }
  showStart({ levelId: url.level, seed: url.seed, seats: url.seats, notice });
}

void boot();
