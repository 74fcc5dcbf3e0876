// Entry point: loading bar, then the start screen or (from a link) a game. Also the
// test hook window.__corridor that browser tests read.
import basemapUrl from '../../assets/basemap.json?url';
import { h, $ } from './dom';
import { loadShippedLevels, type LevelEntry } from './levels';
import { Controller, type GameSetup } from './controller';
import { gameUrl, parseGameUrl } from './url';
import { renderStart, type StartInit } from './screens/start';
import { GameScreen } from './screens/game';
import { renderEnd } from './screens/end';
import type { Action, PlayerView } from './sim';
import type { BasemapFile } from './map/basemap';
import type { CorridorMap } from './map/map-view';

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
  mapReady: boolean;
  dispatch(action: Action): { ok: boolean; error?: string };
  view(): PlayerView | null;
  confirmCurtain(): void;
  actions(): unknown[];
  checkpoints(): unknown[];
}

declare global {
  interface Window { __corridor: CorridorHook }
}

let levels: LevelEntry[] = [];
let basemap: BasemapFile;
let mapModule: typeof import('./map/map-view');
let map: CorridorMap | null = null;
let controller: Controller | null = null;
let screen: GameScreen | null = null;
let current: 'loading' | 'start' | 'game' | 'end' = 'loading';

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

function show(which: typeof current): void {
  current = which;
  document.body.dataset.screen = which;
  startEl.hidden = which !== 'start';
  gameEl.hidden = which !== 'game';
  endEl.hidden = which !== 'end';
  if (which !== 'game') curtainEl.hidden = true;
}

function showStart(init: StartInit = {}): void {
  screen?.destroy();
  screen = null;
  controller = null;
  history.replaceState(null, '', location.pathname);
  show('start');
  renderStart(startEl, levels, init, (setup) => startGame(setup));
  (startEl.querySelector('#start-game') as HTMLElement | null)?.focus({ preventScroll: true });
}

function linkFor(setup: GameSetup): string {
  return gameUrl(location.href.split('?')[0], setup.level.id, setup.seed, setup.seats);
}

function startGame(setup: GameSetup): void {
  screen?.destroy();
  let c: Controller;
  try {
    c = new Controller(setup);
  } catch (e) {
    showStart({ levelId: setup.level.id, seed: setup.seed, seats: setup.seats, notice: [`This game could not start: ${(e as Error).message}`] });
    return;
  }
  controller = c;
  const shipped = levels.some((l) => l.source === 'shipped' && l.level === setup.level);
  if (shipped) history.replaceState(null, '', linkFor(setup).replace(location.href.split('?')[0], location.pathname));
  show('game');
  if (!map) {
    map = new mapModule.CorridorMap(mapRoot, basemap);
    void map.ready.then(() => {
      document.body.dataset.mapReady = 'true';
    });
  }
  screen = new GameScreen({ root: gameEl, topbar, sidebar, curtain: curtainEl }, map, c, {
    onNewGame: () => showStart({ levelId: setup.level.id }),
    onRestart: () => startGame(setup),
    onShowResults: () => showEnd(),
    copyLink: () => linkFor(setup),
  });
  c.subscribe(() => {
    if (c.ended && current === 'game' && !endShownFor.has(c)) {
      endShownFor.add(c);
      // Let the final map render first, then show the results.
      setTimeout(() => showEnd(), 400);
    }
  });
  if (c.ended) showEnd();
}

const endShownFor = new WeakSet<Controller>();

function showEnd(): void {
  const c = controller;
  if (!c) return;
  endShownFor.add(c);
  show('end');
  renderEnd(endEl, c.view(), {
    onReplay: () => startGame(c.setup),
    onNew: () => showStart({ levelId: c.setup.level.id }),
    onBack: () => {
      show('game');
      screen?.render();
    },
  });
}

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
  get mapReady() { return document.body.dataset.mapReady === 'true'; },
  dispatch: (action: Action) => {
    if (!controller) return { ok: false, error: 'no game is running' };
    return controller.dispatch(action);
  },
  view: () => controller?.view() ?? null,
  confirmCurtain: () => controller?.confirmCurtain(),
  actions: () => JSON.parse(JSON.stringify(controller?.actions ?? [])),
  checkpoints: () => JSON.parse(JSON.stringify(controller?.checkpoints ?? [])),
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
    progress(100, `Corridor could not load: ${(e as Error).message}`);
    return;
  }
  $('loading').hidden = true;
  const url = parseGameUrl(location.search);
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
