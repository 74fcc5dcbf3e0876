// Where a full bot game's time goes (bench.ts prints it): the game autoplay plays, stepped
// here with a timer around each part. It checks it played the same game as autoplay (the
// same checkpoint hashes), so the split is of the figure above it, not of a look-alike.
import { performance } from 'node:perf_hooks';
import { autoplay } from '../ai/autoplay';
import { diplomacyChoices, orderChoice, type BotChoice } from '../ai/bot';
import { checkpointOpen, emptyOrders, gameStatus, openGame, openStep, phaseOf, stateHash, viewFor, waitingFor, type Action, type LoadedLevel } from '../sim/index';

export interface Split {
  /** Milliseconds a game, timers included (they add a little: compare the shares, not the total). */
  perGame: number;
  /** Each part's milliseconds a game. */
  parts: Record<'views' | 'decisions' | 'actions' | 'resolutions' | 'hashes' | 'rest', number>;
}

function timedGame(level: LoadedLevel, seed: string, parts: Split['parts']): string[] {
  let s = openGame(level, { seed });
  let t = performance.now();
  const hashes = [stateHash(s)];
  parts.hashes += performance.now() - t;
  const seats = gameStatus(level, s).seats;
  // The driver's loop (src/ai/driver.ts, runBots) for a game of bots only: one view a bot,
  // its moves while the phase lasts (a refused one skipped), else the safe move.
  for (let guard = 0; guard < 10000; guard++) {
    const { turn, phase } = phaseOf(s);
    if (phase === 'ended') return hashes;
    const bot = waitingFor(level, s).find((id) => seats[id] === 'bot');
    if (!bot) throw new Error('a bot game waits for a human');
    t = performance.now();
    const view = viewFor(level, s, bot, { brief: true });
    const t1 = performance.now();
    const choices: BotChoice[] = view.phase === 'diplomacy' ? diplomacyChoices(view, level.params.maxProposalsPerTurn) : [orderChoice(view)];
    const t2 = performance.now();
    parts.views += t1 - t;
    parts.decisions += t2 - t1;
    let acted = false;
    const move = (action: Action): boolean => {
      t = performance.now();
      const r = openStep(level, s, action);
      const dt = performance.now() - t;
      if (!r.ok) {
        parts.actions += dt; // refused: the driver skips it
        return false;
      }
      s = r.state;
      if (phaseOf(s).turn === turn && phaseOf(s).phase !== 'ended') parts.actions += dt;
      else {
        parts.resolutions += dt;
        t = performance.now();
        checkpointOpen(s);
        hashes.push(stateHash(s));
        parts.hashes += performance.now() - t;
      }
      return true;
    };
    for (const choice of choices) {
      const now = phaseOf(s);
      if (now.turn !== turn || now.phase !== phase) break;
      if (move(choice.action)) acted = true;
    }
    // The driver's safe move when a bot could make none of its own.
    if (!acted && !move(phase === 'orders' ? { type: 'submitOrders', player: bot, orders: emptyOrders() } : { type: 'endDiplomacy', player: bot })) throw new Error(`bot ${bot} cannot move`);
  }
  throw new Error('bots did not settle');
}

/** Times `games` full games (seeds `split-0`...) part by part. */
export function splitFullGames(level: LoadedLevel, games: number): Split {
  const parts: Split['parts'] = { views: 0, decisions: 0, actions: 0, resolutions: 0, hashes: 0, rest: 0 };
  const seed0 = 'split-0';
  const same = autoplay(level, { seed: seed0 }).checkpoints.map((c) => c.hash);
  if (timedGame(level, seed0, { ...parts }).join() !== same.join()) throw new Error('the timed game differs from autoplay: bench-split.ts no longer mirrors the driver');
  const t0 = performance.now();
  for (let i = 0; i < games; i++) timedGame(level, `split-${i}`, parts);
  const perGame = (performance.now() - t0) / games;
  for (const k of Object.keys(parts) as (keyof Split['parts'])[]) parts[k] /= games;
  parts.rest = Math.max(0, perGame - (parts.views + parts.decisions + parts.actions + parts.resolutions + parts.hashes));
  return { perGame, parts };
}
