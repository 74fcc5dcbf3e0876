// Runs the bot seats: after any human action, every bot acts until a human must act or
// the game ends. Bots decide from viewFor(...) only. A bot move the sim refuses is a bug;
// the driver then falls back to the safe move (end diplomacy / hold orders) and reports it.
import { applyAction, emptyOrders, openStep, gameStatus, phaseOf, viewFor, waitingFor, type Action, type GameState, type LoadedLevel, type StateId } from '../sim/index';
import { diplomacyChoices, orderChoice, type BotChoice } from './bot';

/** `told`: what the bot tells the other players (BotChoice): the reason unless that would give away a hidden value. */
export interface BotLogEntry { turn: number; player: StateId; action: Action; reason: string; told: string }

export interface RunBotsOptions {
  /** Called for every bot action taken (with its reason), e.g. to record a replay, with the
   * state it made (a caller that shows reasons finds a new proposal's id in a view of it). */
  onAction?: (entry: BotLogEntry, state: GameState) => void;
  /** Called when a bot chose an illegal action (a bug: tests fail on it). */
  onRefused?: (action: Action, error: string) => void;
  /**
   * Stop as soon as this returns true for the state after an action (e.g. a turn resolved).
   * `fresh`: the next move would be chosen from a fresh view (the bot's list of moves is done,
   * or the phase moved on), so stopping here and calling runBots again makes the very moves
   * one uninterrupted call would; stopping elsewhere may not.
   */
  stopWhen?: (state: GameState, fresh: boolean) => boolean;
  /**
   * The caller owns the state and keeps none of the states between: the bots step it in
   * place (openStep) instead of copying it per action, and the state returned is open. The
   * caller closes it (closeRun) before keeping it; a run that keeps nothing may stay open
   * to the end (the views keep per turn what they derive from an open state: view.ts).
   */
  open?: boolean;
}

export function botChoices(level: LoadedLevel, state: GameState, bot: StateId): BotChoice[] {
  const view = viewFor(level, state, bot, { brief: true });
  if (view.phase === 'diplomacy') return diplomacyChoices(view, level.params.maxProposalsPerTurn);
  if (view.phase === 'orders') return [orderChoice(view)];
  return [];
}

function fallback(phase: string, bot: StateId): Action {
  return phase === 'orders' ? { type: 'submitOrders', player: bot, orders: emptyOrders() } : { type: 'endDiplomacy', player: bot };
}

/** Lets every bot act until the game waits for a human (or has ended). */
export function runBots(level: LoadedLevel, state: GameState, options: RunBotsOptions = {}): GameState {
  let s = state;
  const step = options.open ? openStep : applyAction;
  const seats = gameStatus(level, s).seats; // they never change in a game
  for (let guard = 0; guard < 10000; guard++) {
    const { turn, phase } = phaseOf(s);
    if (phase === 'ended') return s;
    const bot = waitingFor(level, s).find((id) => seats[id] === 'bot');
    if (!bot) return s;
    let acted = false;
    const choices = botChoices(level, s, bot);
    for (let i = 0; i < choices.length; i++) {
      const choice = choices[i];
      const now = phaseOf(s);
      if (now.turn !== turn || now.phase !== phase) break; // the phase moved on: re-read the view
      const r = step(level, s, choice.action);
      if (r.ok) {
        s = r.state;
        acted = true;
        options.onAction?.({ turn, player: bot, action: choice.action, reason: choice.reason, told: choice.told ?? choice.reason }, s);
        const after = phaseOf(s);
        const fresh = i === choices.length - 1 || after.turn !== turn || after.phase !== phase;
        if (options.stopWhen?.(s, fresh)) return s;
      } else {
        options.onRefused?.(choice.action, r.error);
      }
    }
    if (!acted) {
      const action = fallback(phase, bot);
      const r = step(level, s, action);
      if (!r.ok) throw new Error(`bot ${bot} cannot move: ${r.error}`);
      s = r.state;
      options.onAction?.({ turn, player: bot, action, reason: 'fallback', told: 'fallback' }, s);
      if (options.stopWhen?.(s, true)) return s;
    }
  }
  throw new Error('bots did not settle (more than 10000 moves)');
}
