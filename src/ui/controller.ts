// The controller: holds the level and the (opaque) game state, sends actions to the sim,
// lets the bots move, and decides whose screen is shown. The UI reads the game only
// through view(), i.e. viewFor(level, state, seat). No rule lives here.
import {
  applyAction,
  gameStatus,
  legalActions,
  newGame,
  nextHumanSeat,
  runBots,
  stateHash,
  viewFor,
  type Action,
  type GameState,
  type LoadedLevel,
  type PlayerView,
  type StateId,
  type Viewer,
} from './sim';

export type SeatKind = 'human' | 'bot';
export interface GameSetup { level: LoadedLevel; seed: string; seats: Record<StateId, SeatKind> }
export type DispatchResult = { ok: true } | { ok: false; error: string };

export interface RecordedAction { turn: number; action: Action }

export class Controller {
  readonly level: LoadedLevel;
  readonly setup: GameSetup;
  private state: GameState;
  /** The seat whose screen is on display; null while the hand-off curtain is up. */
  shown: StateId | null = null;
  /** The human seat the game waits for (null when none: the game has ended). */
  awaiting: StateId | null = null;
  curtain = false;
  readonly humans: StateId[];
  readonly actions: RecordedAction[] = [];
  readonly checkpoints: { turn: number; hash: string }[] = [];
  private listeners = new Set<() => void>();

  constructor(setup: GameSetup) {
    this.setup = setup;
    this.level = setup.level;
    this.humans = setup.level.states.map((s) => s.id).filter((id) => setup.seats[id] === 'human');
    this.state = newGame(this.level, { seed: setup.seed, seats: setup.seats });
    this.checkpoints.push({ turn: 0, hash: stateHash(this.state) });
    this.advance(true);
  }

  get hotseat(): boolean {
    return this.humans.length > 1;
  }

  get ended(): boolean {
    return this.state.phase === 'ended';
  }

  /** Turn, phase and whose input is awaited: cheaper than a view. */
  status(): { turn: number; phase: string; waitingFor: StateId[] } {
    const st = gameStatus(this.level, this.state);
    return { turn: st.turn, phase: st.phase, waitingFor: st.waitingFor };
  }

  get hash(): string {
    return stateHash(this.state);
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
    return viewFor(this.level, this.state, viewer);
  }

  legal(player: StateId): Action[] {
    return legalActions(this.level, this.state, player);
  }

  dispatch(action: Action): DispatchResult {
    if (this.curtain) return { ok: false, error: 'the device is being handed over: confirm the curtain first' };
    if (action.player !== this.shown && action.player !== 'facilitator') {
      return { ok: false, error: `it is ${this.shown ?? 'nobody'}'s screen, not ${action.player}'s` };
    }
    const r = applyAction(this.level, this.state, action);
    if (!r.ok) return { ok: false, error: r.error };
    this.record(action, this.state);
    this.state = r.state;
    this.afterTurnCheck();
    this.advance(false);
    this.notify();
    return { ok: true };
  }

  /** The next player has confirmed the hand-off. */
  confirmCurtain(): void {
    if (!this.curtain) return;
    this.curtain = false;
    this.shown = this.awaiting;
    this.notify();
  }

  private lastTurn = 1;
  private record(action: Action, before: GameState): void {
    this.actions.push({ turn: gameStatus(this.level, before).turn, action });
  }

  /** A checkpoint (the state hash) after every resolved turn, as replays store them. */
  private checkpoint(s: GameState): void {
    const st = gameStatus(this.level, s);
    if (st.turn !== this.lastTurn || (st.phase === 'ended' && this.checkpoints[this.checkpoints.length - 1]?.turn !== this.lastTurn)) {
      this.checkpoints.push({ turn: this.lastTurn, hash: stateHash(s) });
      this.lastTurn = st.turn;
    }
  }

  private afterTurnCheck(): void {
    this.checkpoint(this.state);
  }

  /** Let the bots act, then find whose input the game needs. */
  private advance(first: boolean): void {
    this.state = runBots(this.level, this.state, {
      onAction: (e) => this.actions.push({ turn: e.turn, action: e.action }),
      stopWhen: (s) => {
        this.checkpoint(s); // bots resolve turns too
        return false;
      },
    });
    this.awaiting = this.ended ? null : nextHumanSeat(this.level, this.state);
    if (this.awaiting === null) {
      // Game over: a solo player keeps their own view; hot-seat players share the public one.
      this.shown = this.humans.length === 1 ? this.humans[0] : null;
      this.curtain = false;
      return;
    }
    if (this.hotseat && (first || this.awaiting !== this.shown)) {
      this.curtain = true;
      this.shown = null;
    } else {
      this.shown = this.awaiting;
    }
  }
}
