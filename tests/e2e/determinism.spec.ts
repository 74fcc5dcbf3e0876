// The browser plays the same game as Node: a game played in the page (bots in every seat
// but one human) is re-run in Node three ways — the replay verifier, an independent
// driver that lets Node's bots choose their own moves, and the replay CLI — and every
// per-turn checkpoint and the final hash must match the page's.
//
// The CLI's `sim --json` plays with bots in every seat; the UI always has at least one
// human seat (a link or the start screen without one does not start a game), so the
// browser is compared with the CLI through the replay path.
//
// The page moves its bots in slices between frames; here each slice is as short as it can
// be (one bot's moves), so every place a slice may end is exercised against Node's single
// uninterrupted runBots call. The default level (seven bots) is played too.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyAction, loadLevelData, stateHash, newGame, type Action, type LoadedLevel } from '../../src/sim/index';
import { makeReplay, verifyReplay } from '../../src/sim/replay';
import { runBots } from '../../src/ai/index';
import { Controller, type BotPacing } from '../../src/ui/controller';
import { expect, playByDispatch, startFromLink, test } from './helpers';


interface Recorded { turn: number; action: Action }

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function loadLevel(id: string): LoadedLevel {
  const load = loadLevelData(JSON.parse(readFileSync(`${ROOT}levels/${id}.json`, 'utf8')));
  if (!load.ok) throw new Error(`levels/${id}.json does not load`);
  return load.level;
}

const GAMES = [
  { level: 'tutorial', seed: 'det-11', human: 'georgia', plan: { propose: { kind: 'summit', attendees: ['georgia', 'azerbaijan'] }, invest: { segment: 'anaklia-port', amount: 30 } } },
  { level: 'middle-corridor', seed: 'det-mc-4', human: 'azerbaijan', plan: {} },
] as const;

for (const game of GAMES) test(`a browser game's checkpoints and final hash equal Node's and the replay CLI's (${game.level})`, async ({ page }, testInfo) => {
  const { seed, human } = game;
  await page.addInitScript(() => {
    window.__corridorBotSliceMs = 0;
  });
  await startFromLink(page, { level: game.level, seed, humans: [human] });
  await playByDispatch(page, game.plan);
  await expect(page.getByTestId('end-screen')).toBeVisible();
  expect(await page.evaluate(() => window.__corridor.botSlices), 'the bots moved in slices').toBeGreaterThan(game.level === 'tutorial' ? 0 : 50);
  const browser = await page.evaluate(() => ({
    hash: window.__corridor.hash!,
    seed: window.__corridor.seed!,
    levelHash: window.__corridor.view()!.levelHash,
    actions: window.__corridor.actions() as { turn: number; action: Action }[],
    checkpoints: window.__corridor.checkpoints() as { turn: number; hash: string }[],
  }));
  const level = loadLevel(game.level);
  expect(browser.levelHash, `the page plays the shipped ${game.level} file`).toBe(level.hash);
  expect(browser.seed).toBe(seed);
  expect(browser.checkpoints.map((c) => c.turn)).toEqual(Array.from({ length: level.turns + 1 }, (_, i) => i));
  expect(browser.checkpoints[browser.checkpoints.length - 1].hash).toBe(browser.hash);
  const humanActions = browser.actions.filter((a) => a.action.player === human);
  if ('propose' in game.plan) {
    expect(humanActions.map((a) => a.action.type)).toContain('propose');
    expect(humanActions.some((a) => a.action.type === 'submitOrders' && a.action.orders.invest.length > 0), 'the human invested at least once').toBe(true);
  }

  const seats: Record<string, 'human' | 'bot'> = {};
  for (const s of level.states) seats[s.id] = s.id === human ? 'human' : 'bot';

  // 1. The replay verifier re-applies every recorded action and checks every checkpoint.
  const replay = makeReplay(level, { seed, seats, actions: browser.actions, checkpoints: browser.checkpoints });
  const verified = verifyReplay(level, replay);
  expect(verified.ok ? 'ok' : verified.message).toBe('ok');
  if (!verified.ok) return;
  expect(verified.turns).toBe(level.turns);
  expect(verified.hashes).toEqual(browser.checkpoints.map((c) => c.hash));
  expect(verified.finalHash).toBe(browser.hash);

  // 2. Node's bots choose their own moves from only the human's actions: same game.
  const nodeActions: Recorded[] = [];
  const record = (e: { turn: number; action: Action }) => nodeActions.push({ turn: e.turn, action: e.action });
  let state = runBots(level, newGame(level, { seed, seats }), { onAction: record });
  for (const a of humanActions) {
    const r = applyAction(level, state, a.action);
    expect(r.ok ? 'ok' : r.error, `Node accepts the human's ${a.action.type} of turn ${a.turn}`).toBe('ok');
    if (!r.ok) return;
    nodeActions.push({ turn: a.turn, action: a.action });
    state = runBots(level, r.state, { onAction: record });
  }
  expect(nodeActions, "Node's bots make the browser's moves").toEqual(browser.actions);
  expect(stateHash(state)).toBe(browser.hash);

  // 3. The replay CLI, from a file, prints the same final hash.
  const file = testInfo.outputPath('browser-game.replay.json');
  writeFileSync(file, `${JSON.stringify(replay)}\n`);
  const out = execFileSync('npx', ['tsx', 'src/cli/replay.ts', 'verify', file], { cwd: ROOT, encoding: 'utf8' });
  expect(out.trim()).toBe(`ok: ${level.turns} turns, final hash ${browser.hash}`);
});

// The same property without a browser, over many seeds: the controller with its bots cut into
// the smallest slices (each resumed from a queue, as frames would) records exactly the actions
// and checkpoints of the controller that runs them in one go.
test('bots moved in slices make the moves of one uninterrupted run (Node, 12 default-level games)', async () => {
  const level = loadLevel('middle-corridor');
  const seats: Record<string, 'human' | 'bot'> = {};
  for (const s of level.states) seats[s.id] = s.id === 'georgia' ? 'human' : 'bot';
  for (let g = 0; g < 12; g++) {
    const seed = `slices-${g}`;
    const queue: (() => void)[] = [];
    const pacing: BotPacing = { sliceMs: 0, now: () => 0, yield: (next) => void queue.push(next) };
    const sliced = new Controller({ level, seed, seats }, { pacing });
    const whole = new Controller({ level, seed, seats });
    const settle = () => {
      for (let i = 0; i < 100_000 && queue.length; i++) queue.shift()!();
      expect(sliced.busy).toBe(false);
    };
    settle();
    let slices = sliced.slices;
    for (let step = 0; step < 400 && !whole.ended; step++) {
      const me = whole.shown!;
      const v = whole.view();
      const pending = v.proposals.find((p) => p.status === 'open' && p.responses[me] === 'pending');
      const action: Action =
        v.phase === 'diplomacy'
          ? pending
            ? { type: 'respond', player: me, proposal: pending.id, accept: g % 2 === 0 }
            : { type: 'endDiplomacy', player: me }
          : { type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 3, intel: null } };
      const a = whole.dispatch(action);
      const b = sliced.dispatch(action);
      expect(b.ok).toBe(a.ok);
      if (!a.ok) {
        // An acceptance the sim refuses (e.g. no money): answer no, in both games.
        expect(action.type).toBe('respond');
        const no = { ...action, accept: false } as Action;
        expect(whole.dispatch(no).ok).toBe(true);
        expect(sliced.dispatch(no).ok).toBe(true);
      }
      settle();
      slices = sliced.slices;
      expect(sliced.actions.length).toBe(whole.actions.length);
    }
    expect(whole.ended, `${seed} reaches the end`).toBe(true);
    expect(sliced.actions, `${seed}: the same moves`).toEqual(whole.actions);
    expect(sliced.checkpoints, `${seed}: the same checkpoints`).toEqual(whole.checkpoints);
    expect(sliced.hash).toBe(whole.hash);
    expect(slices, `${seed}: the bots did pause`).toBeGreaterThan(100);
  }
});
