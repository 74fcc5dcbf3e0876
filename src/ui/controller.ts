// The controller: holds the level and the (opaque) game state, sends actions to the sim,
// lets the bots move, and decides whose screen is shown. The UI reads the game only
// through view(), i.e. viewFor(level, state, seat). No rule lives here.
// The game is event-sourced: level + seed + seats + the action list. Saves, replays, forks
// and undo all come from that list (record()); no GameState snapshot is ever kept.
// In the browser the bots move in slices between frames (see BotPacing): the screen shows the
// last settled state until they are done, and human actions wait for them.
import {
  applyAction,
  gameStatus,
  legalActions,
  makeReplay,
  newGame,
  nextHumanSeat,
  phaseOf,
  runBots,
  stateHash,
  stepRecorded,
  undoBlock,
  undoRefusal,
  viewFor,
  type Action,
  type GameState,
  type LoadedLevel,
  type PlayerView,
  type Replay,
  type StateId,
  type UndoStep,
  type Viewer,
  type BotLogEntry,
} from './sim';
import { botReasonFinder, wholeReasons } from './bot-reasons';

export type SeatKind = 'human' | 'bot';
export interface GameSetup {
  level: LoadedLevel;
  seed: string;
  seats: Record<StateId, SeatKind>;
  /** The level is not shipped: replays and saves of this game carry it. */
  embedLevel?: boolean;
}
export type DispatchResult = { ok: true } | { ok: false; error: string };

export interface RecordedAction { turn: number; action: Action }

/**
 * How the bots share the main thread with the page: they move for about `sliceMs` at a
 * time, then `yield` lets a frame through before the next slice. Without it (Node, unit
 * tests) they move to the end at once, as runBots does.
 */
export interface BotPacing {
  sliceMs: number;
  now(): number;
  yield(next: () => void): void;
}

export interface ControllerOptions {
  /** Actions to re-apply before play goes on (a resumed save or a what-if fork). */
  history?: RecordedAction[];
  /** The seats the history was played with (default: this game's): a fork may change them. */
  historySeats?: Record<StateId, SeatKind>;
  /** The bots' reasons for the history, as this game kept them beside its save: used as
   * they are instead of asking the bots again (a save of a fork records only its new seats). */
  reasons?: Record<string, readonly BotReason[]>;
  /** The save slot this game writes to (a new one when absent). */
  id?: string;
  pacing?: BotPacing;
}

/** What a bot said of a proposal: why it made it, or why it accepted or rejected it. `said`:
 * what it told the players; `exact`: its real reason (BotLogEntry.reason), for the facilitator
 * only: it may rest on a secret agenda or a grudge. */
export interface BotReason { player: StateId; kind: 'proposed' | 'accepted' | 'rejected'; said: string; exact: string }

/** What the bots are doing while they move: the phase and how many of them are done with it. */
export interface BotProgress { turn: number; phase: string; ready: number; total: number }

/** A save-slot id; the UI may use Math.random and Date, the sim never does. */
export function newGameId(): string {
  return `g${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

const BOT_STEP = 'bots do not take moves back';
export const BUSY_ERROR = 'the bots are still moving: wait a moment';
export const PAUSED_ERROR = 'the facilitator has paused the game';

export class Controller {
  readonly level: LoadedLevel;
  readonly setup: GameSetup;
  readonly id: string;
  /** The live state: the bots move it on while `busy`. */
  private state: GameState;
  /** What the screen shows: the live state whenever the bots are not moving. */
  private settled: GameState;
  /** The bots are moving (in slices); the screen shows `settled`, human actions are refused. */
  busy = false;
  /** The bots' progress while busy (null otherwise). */
  progress: BotProgress | null = null;
  /** How many times the bots have let a frame through so far (for tests and the bench). */
  slices = 0;
  private readonly pacing: BotPacing | null;
  private run = 0;
  private idleWaiters: (() => void)[] = [];
  /** The seat whose screen is on display; null while the hand-off curtain is up. */
  shown: StateId | null = null;
  /** The human seat the game waits for (null when none: the game has ended). */
  awaiting: StateId | null = null;
  curtain = false;
  readonly humans: StateId[];
  readonly actions: RecordedAction[] = [];
  readonly checkpoints: { turn: number; hash: string }[] = [];
  /** undoBlock's verdict on each action, taken when it was applied (parallel to actions). */
  private steps: UndoStep[] = [];
  private listeners = new Set<() => void>();
  /** What the bots told the players of each proposal (BotLogEntry.told: never a reason that
   * rests on a hidden value) and their real reasons, by proposal id. In no save or replay: the
   * browser keeps them beside the save, and a game without them asks its bots again (the
   * constructor). A panel shows a proposal's only where the viewer's view has that proposal. */
  private reasons = new Map<string, BotReason[]>();

  constructor(setup: GameSetup, options: ControllerOptions = {}) {
    this.setup = setup;
    this.level = setup.level;
    this.id = options.id ?? newGameId();
    this.humans = setup.level.states.map((s) => s.id).filter((id) => setup.seats[id] === 'human');
    this.pacing = options.pacing ?? null;
    this.state = newGame(this.level, { seed: setup.seed, seats: setup.seats });
    this.settled = this.state;
    this.checkpoints.push({ turn: 0, hash: stateHash(this.state) });
    // The bots' reasons are in no save: those kept beside it are used as they are, else
    // the bots are asked again (bot-reasons.ts).
    const kept = wholeReasons(options.reasons);
    if (kept) for (const [id, list] of Object.entries(kept)) this.reasons.set(id, [...list]);
    const findReason = kept ? null : botReasonFinder(this.level, setup.seats, options.historySeats ?? setup.seats);
    for (const [i, entry] of (options.history ?? []).entries()) {
      const said = findReason?.(this.state, entry.action);
      const r = stepRecorded(this.level, this.state, entry, applyAction);
      if (!r.ok) throw new Error(`$.actions[${i}] ${r.kind === 'refused' ? 'was refused: ' : ''}${r.error}`);
      if (said) this.noteReason({ turn: entry.turn, player: entry.action.player as StateId, action: entry.action, reason: said.reason, told: said.told ?? said.reason }, r.state);
      this.remember(entry.action, this.state, r.state);
      this.state = r.state;
      this.checkpoint(this.state);
    }
    this.settled = this.state;
    // A solo player sees their own screen while the first bots move; hot-seat starts behind the curtain.
    if (this.hotseat) this.curtain = true;
    else this.shown = this.humans[0] ?? null;
    this.advance(true);
  }

  get hotseat(): boolean {
    return this.humans.length > 1;
  }

  get ended(): boolean {
    return phaseOf(this.settled).phase === 'ended';
  }

  /** Turn, phase and whose input is awaited (of the state on screen): cheaper than a view. */
  status(): { turn: number; lastTurn: number; phase: string; waitingFor: StateId[] } {
    const st = gameStatus(this.level, this.settled);
    return { turn: st.turn, lastTurn: st.lastTurn, phase: st.phase, waitingFor: st.waitingFor };
  }

  get hash(): string {
    return stateHash(this.settled);
  }

  /** Resolves once the bots have stopped moving (at once when they are not). */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops the bots of a game that is being left (a later resume moves them again). */
  dispose(): void {
    this.run++;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }

  /** What the current screen may show. The curtain and the end of a game use 'public'. */
  viewer(): Viewer {
    if (this.curtain || !this.shown) return 'public';
    return this.shown;
  }

  view(viewer: Viewer = this.viewer()): PlayerView {
    return viewFor(this.level, this.settled, viewer);
  }

  /** The bots' reasons for a proposal (see `reasons`). */
  reasonsFor(proposal: string): readonly BotReason[] {
    return this.reasons.get(proposal) ?? [];
  }

  /** Every proposal's reasons so far, by proposal id (for the facilitator window: saves.ts). */
  allReasons(): Record<string, readonly BotReason[]> {
    return Object.fromEntries(this.reasons);
  }

  private noteReason(entry: BotLogEntry, after: GameState): void {
    const a = entry.action;
    let id: string | undefined;
    let kind: BotReason['kind'];
    if (a.type === 'respond') {
      id = a.proposal;
      kind = a.accept ? 'accepted' : 'rejected';
    } else if (a.type === 'propose') {
      // The sim numbers proposals: the proposer's newest this turn is the one just made.
      id = viewFor(this.level, after, entry.player, { brief: true }).proposals.filter((p) => p.from === entry.player).pop()?.id;
      kind = 'proposed';
    } else return;
    if (id === undefined) return;
    const list = this.reasons.get(id) ?? [];
    this.reasons.set(id, [...list.filter((r) => r.player !== entry.player || r.kind === 'proposed'), { player: entry.player, kind, said: entry.told, exact: entry.reason }]);
  }

  legal(player: StateId): Action[] {
    return legalActions(this.level, this.settled, player);
  }

  /** The game so far as a replay file (v1): the one record saves, links and forks share. */
  record(): Replay {
    return makeReplay(this.level, { seed: this.setup.seed, seats: this.setup.seats, actions: this.actions, checkpoints: this.checkpoints, embedLevel: this.setup.embedLevel });
  }

  /**
   * Applies a human action at once (the sim's verdict is immediate); the bots answering it may
   * still be moving when this returns (`busy`: wait with idle()). While they move, actions are
   * refused rather than queued, so the action list stays the one a synchronous game makes.
   */
  dispatch(action: Action): DispatchResult {
    if (this.busy) return { ok: false, error: BUSY_ERROR };
    if (this.paused) return { ok: false, error: PAUSED_ERROR };
    if (this.curtain) return { ok: false, error: 'the device is being handed over: confirm the curtain first' };
    // A player's game has no facilitator seat: a reveal or an injected event sent from a
    // player's screen (the console can reach dispatch) would show that player every secret.
    if (action.player === 'facilitator') return { ok: false, error: "the facilitator's actions are not open to a player's screen" };
    if (action.player !== this.shown) {
      return { ok: false, error: `it is ${this.shown ?? 'nobody'}'s screen, not ${action.player}'s` };
    }
    const r = applyAction(this.level, this.state, action);
    if (!r.ok) return { ok: false, error: r.error };
    this.remember(action, this.state, r.state);
    this.state = r.state;
    this.settled = r.state;
    this.checkpoint(this.state);
    this.advance(false);
    return { ok: true };
  }

  /**
   * A facilitator's action (classroom): queue an event for next turn's news, or reveal every
   * animosity to everyone. Sent from the facilitator's own controls (its menu asks first),
   * never through dispatch, so a player's screen cannot send one by accident. It is recorded
   * like any action, so saves, replays and the projector window carry it; it cannot be undone.
   */
  facilitate(action: Extract<Action, { player: 'facilitator' }>): DispatchResult {
    if (this.busy) return { ok: false, error: BUSY_ERROR };
    const r = applyAction(this.level, this.state, action);
    if (!r.ok) return { ok: false, error: r.error };
    this.remember(action, this.state, r.state);
    this.state = r.state;
    this.settled = r.state;
    this.notify();
    return { ok: true };
  }

  /** What the facilitator's controls show: whether animosities are revealed, the events
   * queued for next turn (the facilitator's view; nothing else of it leaves here), and
   * whether the game has been ended early. */
  facilitatorStatus(): { revealed: boolean; queued: string[]; ended: boolean; endsEarly: boolean } {
    const v = viewFor(this.level, this.settled, 'facilitator', { brief: true });
    return { revealed: v.revealed, queued: v.injected ?? [], ended: v.phase === 'ended', endsEarly: v.endsEarly };
  }

  /**
   * Paused by the facilitator (a class discussion): the screen is covered and no seat can act
   * until resume(). The game itself is not changed, so a pause is in no save or replay.
   */
  paused = false;

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.notify();
  }

  /** Play goes on; a hot-seat game comes back behind the hand-off curtain, as after any break. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.hotseat && !this.ended && !this.busy) {
      this.curtain = true;
      this.shown = null;
    }
    this.notify();
  }

  /** Why the seat on screen cannot take back its latest action now, or null when it can. */
  undoRefusal(): string | null {
    if (this.busy) return 'the bots are still moving';
    if (this.paused) return 'the game is paused';
    if (this.curtain) return 'the device is being handed over';
    if (!this.shown) return 'there is no player on screen';
    return undoRefusal(this.level, this.steps, this.shown);
  }

  /** Takes back the latest action: the game is re-run from the seed without it. */
  undo(): DispatchResult {
    const why = this.undoRefusal();
    if (why) return { ok: false, error: `cannot undo: ${why}` };
    let s = newGame(this.level, { seed: this.setup.seed, seats: this.setup.seats });
    for (const entry of this.actions.slice(0, -1)) {
      const r = stepRecorded(this.level, s, entry, applyAction);
      if (!r.ok) return { ok: false, error: `cannot undo: the game could not be rebuilt (${r.error})` };
      s = r.state;
    }
    this.actions.pop();
    this.steps.pop();
    this.state = s; // an undoable action never resolved a turn: the checkpoints stand
    this.settled = s;
    this.advance(false);
    return { ok: true };
  }

  /** Hides the screen until the next player confirms (a hot-seat game coming back into view). */
  raiseCurtain(): void {
    if (!this.hotseat || (this.awaiting === null && !this.busy) || this.curtain) return;
    this.curtain = true;
    this.shown = null;
    this.notify();
  }

  /** The next player has confirmed the hand-off. */
  confirmCurtain(): void {
    if (!this.curtain || this.busy || this.paused) return; // whose turn it is is known once the bots are done
    this.curtain = false;
    this.shown = this.awaiting;
    const st = gameStatus(this.level, this.state);
    this.diplomacyOf = st.phase === 'diplomacy' ? st.turn : null;
    this.notify();
  }

  /** The turn whose diplomacy the seat on screen was handed the device for (else null). */
  private diplomacyOf: number | null = null;

  private lastTurn = 1;
  private remember(action: Action, before: GameState, after: GameState): void {
    this.actions.push({ turn: gameStatus(this.level, before).turn, action });
    this.steps.push({ action, block: undoBlock(this.level, before, after, action) });
  }

  /** A checkpoint (the state hash) after every resolved turn, as replays store them. */
  private checkpoint(s: GameState): void {
    const st = gameStatus(this.level, s);
    if (st.turn !== this.lastTurn || (st.phase === 'ended' && this.checkpoints[this.checkpoints.length - 1]?.turn !== this.lastTurn)) {
      this.checkpoints.push({ turn: this.lastTurn, hash: stateHash(s) });
      this.lastTurn = st.turn;
    }
  }

  /**
   * Lets the bots act, then finds whose input the game needs. With pacing, the bots move in
   * slices; a slice ends only where runBots says it would read a fresh view anyway (stopWhen's
   * `fresh`), so the moves are exactly those of one uninterrupted runBots call.
   */
  private advance(first: boolean): void {
    const run = ++this.run;
    const pacing = this.pacing;
    const step = (): void => {
      if (run !== this.run) return;
      const deadline = pacing ? pacing.now() + pacing.sliceMs : Infinity;
      this.state = runBots(this.level, this.state, {
        onAction: (e, after) => {
          this.actions.push({ turn: e.turn, action: e.action });
          this.steps.push({ action: e.action, block: BOT_STEP });
          this.noteReason(e, after);
        },
        stopWhen: (s, fresh) => {
          this.checkpoint(s); // bots resolve turns too
          // Only where runBots reads a fresh view: the moves stay those of one uninterrupted call.
          return pacing !== null && fresh && pacing.now() >= deadline;
        },
      });
      if (pacing && this.botsToMove()) {
        this.progress = this.botProgress();
        if (!this.busy) {
          this.busy = true;
          this.notify(); // the human's action is in: the screen says the bots are moving
        } else this.notifyProgress();
        this.slices++;
        pacing.yield(step);
        return;
      }
      this.settle(first);
    };
    step();
  }

  private botsToMove(): boolean {
    const st = gameStatus(this.level, this.state);
    return st.phase !== 'ended' && st.waitingFor.some((id) => st.seats[id] === 'bot');
  }

  private botProgress(): BotProgress {
    const st = gameStatus(this.level, this.state);
    const bots = Object.keys(st.seats).filter((id) => st.seats[id] === 'bot');
    const waiting = st.waitingFor.filter((id) => st.seats[id] === 'bot').length;
    return { turn: st.turn, phase: st.phase, ready: bots.length - waiting, total: bots.length };
  }

  private progressListeners = new Set<() => void>();

  /** Called after each slice of bot moves while busy (cheap updates only: the state on screen has not changed). */
  onProgress(fn: () => void): () => void {
    this.progressListeners.add(fn);
    return () => this.progressListeners.delete(fn);
  }

  private notifyProgress(): void {
    for (const fn of this.progressListeners) fn();
  }

  /**
   * Whose input the screen waits for next. In diplomacy the seat on screen keeps the device
   * while it still has something to do (proposals to make, answers owed): a proposal to a
   * seat earlier in the level's order no longer takes the device there and back, two
   * hand-offs a proposal. That seat answers it when its turn with the device comes. Only within
   * the diplomacy the seat was handed the device for: each turn still starts in level order.
   */
  private keepOrHandOn(): StateId | null {
    const shown = this.shown;
    const st = gameStatus(this.level, this.state);
    if (shown !== null && st.phase === 'diplomacy' && this.diplomacyOf === st.turn && st.waitingFor.includes(shown)) return shown;
    return nextHumanSeat(this.level, this.state);
  }

  private settle(first: boolean): void {
    this.settled = this.state;
    this.busy = false;
    this.progress = null;
    this.awaiting = this.ended ? null : this.keepOrHandOn();
    if (this.awaiting === null) {
      // Game over: a solo player keeps their own view; hot-seat players share the public one.
      this.shown = this.humans.length === 1 ? this.humans[0] : null;
      this.curtain = false;
    } else if (this.hotseat && (first || this.curtain || this.awaiting !== this.shown)) {
      this.curtain = true;
      this.shown = null;
    } else {
      this.shown = this.awaiting;
    }
    this.notify();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
