// npm run -s bench: the speed figures the issues name (docs/PERFORMANCE.md records them).
// Times are wall-clock on one core of this machine; run it on an idle machine.
import { performance } from 'node:perf_hooks';
import { autoplay } from '../ai/autoplay';
import { applyAction, parseLevelText, type Action, type GameState } from '../sim/index';
import { makeReplay, verifyReplay } from '../sim/replay';
import { DEFAULT_LEVEL, parseFlags, readLevel, readText, runCli } from './common';
import { browserFigures } from './bench-browser';
import { memoryProbe, type Round } from './bench-probe';
import { splitFullGames } from './bench-split';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

runCli(async () => {
  const { flags } = parseFlags(process.argv.slice(2), { quick: 'boolean', 'no-browser': 'boolean' }, 'usage: npm run -s bench -- [--quick] [--no-browser]');
  const level = readLevel(DEFAULT_LEVEL);
  const games = flags.quick ? 40 : 400;
  const runs = flags.quick ? 5 : 30;

  // The replay the verify figure re-runs (figure 3), in short rounds before, between and
  // after the others, each between two memory probes (bench-probe.ts, and figure 3 below).
  const rec = autoplay(level, { seed: 'bench-resolution' });
  const replay = makeReplay(level, { seed: 'bench-resolution', seats: rec.state.seats, actions: rec.actions, checkpoints: rec.checkpoints });
  const rounds: Round[] = [];
  const perRound = flags.quick ? 5 : 10;
  const verifyRounds = (count: number) => {
    for (let k = 0; k < count; k++) {
      const probeBefore = memoryProbe();
      const runs: number[] = [];
      for (let i = 0; i < perRound; i++) {
        const t = performance.now();
        const v = verifyReplay(level, replay);
        runs.push(performance.now() - t);
        if (!v.ok) throw new Error(v.message);
      }
      rounds.push({ probeBefore, probeAfter: memoryProbe(), runs });
    }
  };
  const roundsEach = flags.quick ? 2 : 4;
  for (let i = 0; i < 40; i++) verifyReplay(level, replay); // warm: the figure is a warmed-up engine's
  verifyRounds(roundsEach);

  // 1. Full games per second: 16 turns, every seat a bot, one process (one core).
  for (let i = 0; i < 10; i++) autoplay(level, { seed: `warm-${i}` });
  const t0 = performance.now();
  for (let i = 0; i < games; i++) autoplay(level, { seed: `bench-${i}` });
  const gameMs = (performance.now() - t0) / games;
  console.log(`full games: ${(1000 / gameMs).toFixed(0)} games/s (${ms(gameMs)} per ${level.turns}-turn game, ${level.states.length} bot seats, ${games} seeds)`);
  // The same games as `sim --seeds` plays them for a teacher checking seeds: the outcome
  // only (no narration, one hash at the end); the moves and results are the same.
  const t1 = performance.now();
  for (let i = 0; i < games; i++) autoplay(level, { seed: `bench-${i}`, hashes: 'final', narrate: false });
  const outcomeMs = (performance.now() - t1) / games;
  console.log(`outcome-only games (as sim --seeds plays them): ${(1000 / outcomeMs).toFixed(0)} games/s (${ms(outcomeMs)} a game, the same ${games} seeds)`);

  // Where a full game's time goes, timed part by part (the timers add a little): what an
  // engine change must shrink to reach the figure above's target.
  const split = splitFullGames(level, flags.quick ? 20 : 200);
  const share = (x: number) => `${Math.round((100 * x) / split.perGame)}%`;
  const p = split.parts;
  console.log(`a full game's time (${ms(split.perGame)} timed in parts): bot views ${share(p.views)}, bot decisions ${share(p.decisions)}, other actions ${share(p.actions)}, turn resolutions ${share(p.resolutions)}, checkpoint hashes ${share(p.hashes)}, the rest ${share(p.rest)}`);

  verifyRounds(roundsEach);

  // 2. One turn's resolution: the last submitOrders of each turn, replayed on its state.
  const before: { state: GameState; action: Action }[] = [];
  {
    const v = verifyReplay(level, replay, { keepStates: false });
    if (!v.ok) throw new Error(v.message);
    let s = autoplay(level, { seed: 'bench-resolution', turns: 0 }).state;
    for (const a of rec.actions) {
      const r = applyAction(level, s, a.action);
      if (!r.ok) throw new Error(r.error);
      if (r.state.turn !== s.turn || r.state.phase === 'ended') before.push({ state: s, action: a.action });
      s = r.state;
    }
  }
  const times: number[] = [];
  for (let rep = 0; rep < runs; rep++) {
    for (const b of before) {
      const t = performance.now();
      applyAction(level, b.state, b.action);
      times.push(performance.now() - t);
    }
  }
  console.log(`turn resolution: median ${ms(median(times))} (${times.length} resolutions)`);
  verifyRounds(roundsEach);

  // 3. Verifying a 16-turn default-level replay. This shared host has spells, from well
  // under a second to minutes long, in which its memory is slow (other tenants: the probe
  // slows with it, a loop in registers does not) and verify takes up to 1.7 times as long.
  // The figure is the median of the quietest of many short rounds spread over the bench:
  // the work itself. Every run's median and the probe are printed with it, to show the spell.
  const all = rounds.flatMap((r) => r.runs);
  const medians = rounds.map((r) => median(r.runs));
  const probes = rounds.flatMap((r) => [r.probeBefore, r.probeAfter]);
  console.log(`replay verify: median ${ms(Math.min(...medians))} in the quietest of ${rounds.length} rounds of ${perRound} runs (every run: median ${ms(median(all))}, fastest ${ms(Math.min(...all))}; ${replay.actions.length} actions, ${replay.checkpoints.length} checkpoints)`);
  console.log(`memory probe: median ${ms(median(probes))}, fastest ${ms(Math.min(...probes))} (a scattered walk over 16 MB around each verify round; a median well above the fastest marks a slow spell)`);

  // 4. Validating the default level (parse, schema, semantic checks, route enumeration).
  const text = readText(DEFAULT_LEVEL);
  const lt: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = parseLevelText(text);
    lt.push(performance.now() - t);
    if (!r.ok) throw new Error('default level does not validate');
  }
  console.log(`level validation: median ${ms(median(lt))} (${DEFAULT_LEVEL}, ${text.length} bytes)`);

  if (!flags['no-browser']) for (const line of await browserFigures()) console.log(line);
});
