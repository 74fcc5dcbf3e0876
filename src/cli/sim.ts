// npm run -s sim -- [--level FILE] [--seed S] [--turns N] [--json] [--view VIEWER] [--save-replay FILE]
// Plays a game with bots in every seat and prints a readable per-turn summary, or JSON.
// With --seeds N it plays N games (seeds S-1 ... S-N) and prints what they add up to,
// on every core (--jobs).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { autoplay } from '../ai/autoplay';
import { MAX_SEED_LENGTH, seedProblem, viewFor, winnerOf, winnersOf, type GameState, type LoadedLevel, type PlayerView, type Viewer } from '../sim/index';
import { makeReplay } from '../sim/replay';
import { checkViewer, checkWritable, CliError, DEFAULT_LEVEL, DEFAULT_SEED, isShipped, parseFlags, parseInteger, readLevel, readText, runCli, writeWhole } from './common';
import { playBatchForked } from './batch-pool';
import { batchSeeds, formatBatch, playBatch, summarise } from './batch';
import { turnSummary } from './summary';

const USAGE = 'usage: npm run -s sim -- [--level FILE] [--seed S] [--turns N] [--json] [--view VIEWER] [--save-replay FILE]\n       npm run -s sim -- --seeds N [--jobs J] [--level FILE] [--seed S] [--turns N] [--json]';
const MAX_SEEDS = 100_000;
// Below this many games, starting the processes costs more than it saves.
const FORK_FROM = 64;

runCli(() => {
  const { flags, rest } = parseFlags(process.argv.slice(2), { level: 'string', seed: 'string', seeds: 'string', turns: 'string', json: 'boolean', jobs: 'string', view: 'string', 'save-replay': 'string', help: 'boolean' }, USAGE);
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (rest.length) throw new CliError(`unexpected argument "${rest[0]}"\n${USAGE}`, 2);
  const file = (flags.level as string) ?? DEFAULT_LEVEL;
  if (!existsSync(file)) throw new CliError(`${file}: no such file\n${USAGE}`, 1);
  // The validator's warnings, once, on stderr: --json keeps stdout for the result alone,
  // and a machine reading it has the validator for findings.
  const level = readLevel(file, flags.json ? undefined : (line) => process.stderr.write(`${line}\n`));
  const seed = (flags.seed as string) ?? DEFAULT_SEED;
  if (seedProblem(seed)) throw new CliError(`--seed must be 1 to ${MAX_SEED_LENGTH} characters long (it is ${seed.length})\n${USAGE}`, 2);
  const turns = flags.turns === undefined ? level.turns : parseInteger(flags.turns as string, 'turns', 0, level.turns);
  if (flags.seeds !== undefined) {
    for (const other of ['view', 'save-replay']) if (flags[other] !== undefined) throw new CliError(`--seeds plays many games: --${other} is for one game\n${USAGE}`, 2);
    const count = parseInteger(flags.seeds as string, 'seeds', 1, MAX_SEEDS);
    const longest = batchSeeds(seed, count)[count - 1];
    if (seedProblem(longest)) throw new CliError(`--seed is too long for --seeds ${count}: the last game's seed, "${seed}-${count}", would be ${longest.length} characters (at most ${MAX_SEED_LENGTH})\n${USAGE}`, 2);
    const jobs = flags.jobs === undefined ? (count >= FORK_FROM ? availableParallelism() : 1) : parseInteger(flags.jobs as string, 'jobs', 1, 64);
    return batch(level, file, seed, count, turns, jobs, flags.json === true);
  }
  if (flags.jobs !== undefined) throw new CliError(`--jobs is for --seeds (many games)\n${USAGE}`, 2);
  const viewer = flags.view === undefined ? null : checkViewer(level, flags.view as string);
  const saveTo = flags['save-replay'] as string | undefined;
  if (saveTo !== undefined) checkWritable(saveTo); // before the game is played, not after

  const views: PlayerView[] = [];
  const states: GameState[] = [];
  const result = autoplay(level, {
    seed,
    turns,
    onCheckpoint: (_t, s) => {
      if (viewer) views.push(viewFor(level, s, viewer));
      if (!flags.json) states.push(s);
    },
  });
  if (result.refused.length) {
    const r = result.refused[0];
    throw new CliError(`a bot made an illegal move (${'player' in r.action ? `${r.action.player}, ` : ''}${r.action.type}): ${r.error}`, 3);
  }
  const final = result.state;
  const finalHash = result.checkpoints[result.checkpoints.length - 1].hash;
  if (saveTo !== undefined) {
    // Embedded unless it is the shipped level of its id: `replay verify` finds that one by id.
    const replay = makeReplay(level, { seed, seats: final.seats, actions: result.actions, checkpoints: result.checkpoints, embedLevel: !isShipped(level) });
    writeWhole(saveTo, `${JSON.stringify(replay, null, 1)}\n`);
  }
  if (flags.json) {
    const out = {
      level: level.id,
      levelHash: level.hash,
      seed,
      turns: result.checkpoints.map((c, i) => (viewer ? { ...c, view: views[i] } : c)),
      finalHash,
      scores: final.scores,
      winner: winnerOf(level, final), // the first of winners (kept for older readers)
      winners: winnersOf(level, final), // every state on the highest score: they share first place
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  const reader: Viewer = viewer ?? 'facilitator';
  process.stdout.write(`Corridor: ${level.name} — seed "${seed}", ${turns} turn(s), bots in every seat, shown as ${reader}\n`);
  for (let t = 1; t < states.length; t++) process.stdout.write(turnSummary(level, viewFor(level, states[t], reader), t));
  process.stdout.write(`\nfinal hash ${finalHash}\n`);
});

async function batch(level: LoadedLevel, file: string, prefix: string, count: number, turns: number, jobs: number, json: boolean): Promise<void> {
  const seeds = batchSeeds(prefix, count);
  // Progress on a terminal only (a pipe or a test reads stdout and stderr whole).
  const tty = process.stderr.isTTY === true;
  const step = Math.max(1, Math.floor(count / 100));
  const progress = (done: number) => {
    if (tty && (done % step === 0 || done === count)) process.stderr.write(`\rplayed ${done} of ${count} games…`);
  };
  const started = Date.now();
  // The same games either way (each is deterministic on its own seed); in seed order.
  const games = jobs > 1 ? await playBatchForked(readText(file), seeds, turns, jobs, progress) : playBatch(level, seeds, turns, progress);
  if (tty) process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  const summary = summarise(level, games);
  if (json) process.stdout.write(`${JSON.stringify({ level: level.id, levelHash: level.hash, turns, games, summary })}\n`);
  else process.stdout.write(formatBatch(level, seeds, turns, summary, seconds, jobs));
}
