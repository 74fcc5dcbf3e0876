// npm run -s bench: the speed figures the issues name (docs/PERFORMANCE.md records them).
// Times are wall-clock on one core of this machine; run it on an idle machine.
import { performance } from 'node:perf_hooks';
import { autoplay } from '../ai/autoplay';
import { applyAction, parseLevelText, type Action, type GameState } from '../sim/index';
import { makeReplay, verifyReplay } from '../sim/replay';
import { DEFAULT_LEVEL, parseFlags, readLevel, readText, runCli } from './common';
import { browserFigures } from './bench-browser';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

runCli(async () => {
  const { flags } = parseFlags(process.argv.slice(2), { quick: 'boolean', 'no-browser': 'boolean' }, 'usage: npm run -s bench -- [--quick] [--no-browser]');
  const level = readLevel(DEFAULT_LEVEL);
  const games = flags.quick ? 40 : 400;

  // 1. Full games per second: 16 turns, every seat a bot, one process (one core).
  for (let i = 0; i < 10; i++) autoplay(level, { seed: `warm-${i}` });
  const t0 = performance.now();
  for (let i = 0; i < games; i++) autoplay(level, { seed: `bench-${i}` });
  const gameMs = (performance.now() - t0) / games;
  console.log(`full games: ${(1000 / gameMs).toFixed(0)} games/s (${ms(gameMs)} per ${level.turns}-turn game, ${level.states.length} bot seats, ${games} seeds)`);

  // 2. One turn's resolution: the last submitOrders of each turn, replayed on its state.
  const rec = autoplay(level, { seed: 'bench-resolution' });
  const replay = makeReplay(level, { seed: 'bench-resolution', seats: rec.state.seats, actions: rec.actions, checkpoints: rec.checkpoints });
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
  for (let rep = 0; rep < (flags.quick ? 5 : 30); rep++) {
    for (const b of before) {
      const t = performance.now();
      applyAction(level, b.state, b.action);
      times.push(performance.now() - t);
    }
  }
  console.log(`turn resolution: median ${ms(median(times))} (${times.length} resolutions)`);

  // 3. Verifying a 16-turn default-level replay.
  const vt: number[] = [];
  for (let i = 0; i < (flags.quick ? 5 : 30); i++) {
    const t = performance.now();
    const v = verifyReplay(level, replay);
    vt.push(performance.now() - t);
    if (!v.ok) throw new Error(v.message);
  }
  // The fastest run shows the work itself; the median also carries GC and a shared host's noise.
  console.log(`replay verify: median ${ms(median(vt))}, fastest ${ms(Math.min(...vt))} (${vt.length} runs; ${replay.actions.length} actions, ${replay.checkpoints.length} checkpoints)`);

  // 4. Validating the default level (parse, schema, semantic checks, route enumeration).
  const text = readText(DEFAULT_LEVEL);
  const lt: number[] = [];
  for (let i = 0; i < (flags.quick ? 5 : 30); i++) {
    const t = performance.now();
    const r = parseLevelText(text);
    lt.push(performance.now() - t);
    if (!r.ok) throw new Error('default level does not validate');
  }
  console.log(`level validation: median ${ms(median(lt))} (${DEFAULT_LEVEL}, ${text.length} bytes)`);

  if (!flags['no-browser']) for (const line of await browserFigures()) console.log(line);
});
