// Plays a whole game with bots in every seat (or continues one), recording every action
// and the state hash after setup and after each resolved turn: the raw material of a replay.
import { checkpointOpen, closeRun, gameStatus, newGame, openGame, phaseOf, stateHash, type Action, type GameState, type LoadedLevel, type StateId } from '../sim/index';
import { runBots } from './driver';

export interface RecordedAction { turn: number; action: Action }
export interface Checkpoint { turn: number; hash: string }

export interface AutoplayResult {
  state: GameState;
  actions: RecordedAction[];
  checkpoints: Checkpoint[];
  refused: { action: Action; error: string }[];
}

export interface AutoplayOptions {
  seed: string;
  /** Stop once this many turns have been resolved (0: right after setup). Default: the whole game. */
  turns?: number;
  seats?: Record<StateId, 'human' | 'bot'>;
  /** Called with the state after setup (turn 0) and after each resolved turn. */
  onCheckpoint?: (turn: number, state: GameState) => void;
  /**
   * 'final': hash only the last state (checkpoints then holds that one), for callers that
   * need a game's outcome and not its replay (`sim --seeds`): the 16 other hashes are about
   * a tenth of a bot game's time. Default 'every-turn', as a replay needs.
   */
  hashes?: 'every-turn' | 'final';
  /** false: the game writes no narration (its log stays empty), for callers that read only
   * its outcome; the bots never read the log, so the moves and hashes are the same. */
  narrate?: boolean;
}

export function autoplay(level: LoadedLevel, options: AutoplayOptions): AutoplayResult {
  const limit = Math.min(options.turns ?? level.turns, level.turns);
  const every = options.hashes !== 'final';
  // A caller that keeps no state but the last (no checkpoint callback) gets the whole game
  // as one open run: nothing is copied or frozen until the end but what the hashes remember.
  const whole = !options.onCheckpoint;
  const start = { seed: options.seed, seats: options.seats, narrate: options.narrate };
  let state = whole ? openGame(level, start) : newGame(level, start);
  const actions: RecordedAction[] = [];
  const checkpoints: Checkpoint[] = every ? [{ turn: 0, hash: stateHash(state) }] : [];
  const refused: AutoplayResult['refused'] = [];
  options.onCheckpoint?.(0, state);
  let resolved = 0;
  while (resolved < limit) {
    const turn = gameStatus(level, state).turn;
    // Stop right after the resolution so the checkpoint is the state at the end of the turn.
    // The bots step the game in place; for a callback, which may keep the states, each turn's
    // end closes it (shared with the last one where unchanged, frozen), as applyAction's are.
    const base = state;
    state = runBots(level, state, {
      open: true,
      onAction: (e) => actions.push({ turn: e.turn, action: e.action }),
      onRefused: (action, error) => refused.push({ action, error }),
      stopWhen: (s) => {
        const now = phaseOf(s);
        return now.phase === 'ended' || now.turn !== turn;
      },
    });
    if (!whole) state = closeRun(base, state);
    const now = gameStatus(level, state);
    if (now.phase !== 'ended' && now.turn === turn) break; // waiting for a human seat
    resolved += 1;
    if (every) {
      if (whole) checkpointOpen(state);
      checkpoints.push({ turn: resolved, hash: stateHash(state) });
    }
    options.onCheckpoint?.(resolved, state);
    if (now.phase === 'ended') break;
  }
  // Hashed while open: the digests of a state's parts are remembered only for frozen ones,
  // and a last state's are never asked for again.
  if (!every) checkpoints.push({ turn: resolved, hash: stateHash(state) });
  if (whole) state = closeRun(null, state);
  return { state, actions, checkpoints, refused };
}
