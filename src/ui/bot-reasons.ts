// The bots' reasons for a game's recorded moves, found again when it is resumed (they are in
// no save or replay). The bots decide from their views alone, so a bot asked at the point the
// driver asked it (src/ai/driver.ts, runBots) gives the same list of moves, and a recorded
// move found in that list has that choice's reasons. Only for a seat that was a bot then and
// is one now: a player's move that a bot would also make is still the player's. A move in no
// list (a history made by other bots) gets none, and a bot that fails here costs the reasons
// only, never the game.
import { botChoices, canonicalJson, phaseOf, type Action, type BotChoice, type GameState, type LoadedLevel, type StateId } from './sim';
import type { BotReason } from './controller';

type BotList = { player: StateId; turn: number; phase: string; choices: BotChoice[]; fresh: boolean };

/** Call it with each recorded action and the state before it, in order; it answers the bot's choice, if any. */
export function botReasonFinder(level: LoadedLevel, seats: Record<StateId, string>, recorded: Record<StateId, string>): (state: GameState, action: Action) => BotChoice | undefined {
  let list: BotList | null = null;
  const ask = (state: GameState, player: StateId): BotList | null => {
    const { turn, phase } = phaseOf(state);
    try {
      return { player, turn, phase, choices: botChoices(level, state, player), fresh: true };
    } catch {
      return null;
    }
  };
  const find = (l: BotList | null, key: string) => (l ? l.choices.findIndex((c) => canonicalJson(c.action) === key) : -1);
  return (state, action) => {
    const p = action.player as StateId;
    if (seats[p] !== 'bot' || recorded[p] !== 'bot') {
      list = null; // a player's or the facilitator's move: every bot reads a fresh view after it
      return undefined;
    }
    // The driver goes on with one bot's list while the phase lasts; another bot, or the same
    // one after its list (or a refused last move), reads a fresh view.
    const now = phaseOf(state);
    if (!list || list.player !== p || list.turn !== now.turn || list.phase !== now.phase) list = ask(state, p);
    const key = canonicalJson(action);
    let k = find(list, key);
    if (k < 0 && list && !list.fresh) k = find((list = ask(state, p)), key);
    if (!list || k < 0) {
      list = null;
      return undefined;
    }
    const said = list.choices[k];
    list = { ...list, choices: list.choices.slice(k + 1), fresh: false };
    return said;
  };
}

/** Reasons kept beside a save, if the record is whole (an older save's may lack the exact ones). */
export function wholeReasons(given: Record<string, readonly BotReason[]> | undefined): Record<string, readonly BotReason[]> | null {
  const lists = given ? Object.values(given) : [];
  const wellFormed = (r: BotReason) => typeof r?.player === 'string' && typeof r.kind === 'string' && typeof r.said === 'string' && typeof r.exact === 'string';
  return lists.length && lists.every((l) => Array.isArray(l) && l.every(wellFormed)) ? given! : null;
}
