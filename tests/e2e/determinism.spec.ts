// The browser plays the same game as Node: a game played in the page (bots in every seat
// but one human) is re-run in Node three ways — the replay verifier, an independent
// driver that lets Node's bots choose their own moves, and the replay CLI — and every
// per-turn checkpoint and the final hash must match the page's.
//
// The CLI's `sim --json` plays with bots in every seat; the UI always has at least one
// human seat (a link or the start screen without one does not start a game), so the
// browser is compared with the CLI through the replay path.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyAction, loadLevelData, stateHash, newGame, type Action, type LoadedLevel } from '../../src/sim/index';
import { makeReplay, verifyReplay } from '../../src/sim/replay';
import { runBots } from '../../src/ai/index';
import { expect, playByDispatch, startFromLink, test } from './helpers';


interface Recorded { turn: number; action: Action }

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tutorial(): LoadedLevel {
  const load = loadLevelData(JSON.parse(readFileSync(`${ROOT}levels/tutorial.json`, 'utf8')));
  if (!load.ok) throw new Error('levels/tutorial.json does not load');
  return load.level;
}

test("a browser game's checkpoints and final hash equal Node's and the replay CLI's", async ({ page }, testInfo) => {
  const seed = 'det-11';
  const human = 'georgia';
  await startFromLink(page, { level: 'tutorial', seed, humans: [human] });
  await playByDispatch(page, {
    propose: { kind: 'summit', attendees: [human, 'azerbaijan'] },
    invest: { segment: 'anaklia-port', amount: 30 },
  });
  await expect(page.getByTestId('end-screen')).toBeVisible();
  const browser = await page.evaluate(() => ({
    hash: window.__corridor.hash!,
    seed: window.__corridor.seed!,
    levelHash: window.__corridor.view()!.levelHash,
    actions: window.__corridor.actions() as { turn: number; action: Action }[],
    checkpoints: window.__corridor.checkpoints() as { turn: number; hash: string }[],
  }));
  const level = tutorial();
  expect(browser.levelHash, 'the page plays the shipped tutorial file').toBe(level.hash);
  expect(browser.seed).toBe(seed);
  expect(browser.checkpoints.map((c) => c.turn)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  expect(browser.checkpoints[browser.checkpoints.length - 1].hash).toBe(browser.hash);
  const humanActions = browser.actions.filter((a) => a.action.player === human);
  expect(humanActions.map((a) => a.action.type)).toContain('propose');
  expect(humanActions.some((a) => a.action.type === 'submitOrders' && a.action.orders.invest.length > 0), 'the human invested at least once').toBe(true);

  const seats: Record<string, 'human' | 'bot'> = {};
  for (const s of level.states) seats[s.id] = s.id === human ? 'human' : 'bot';

  // 1. The replay verifier re-applies every recorded action and checks every checkpoint.
  const replay = makeReplay(level, { seed, seats, actions: browser.actions, checkpoints: browser.checkpoints });
  const verified = verifyReplay(level, replay);
  expect(verified.ok ? 'ok' : verified.message).toBe('ok');
  if (!verified.ok) return;
  expect(verified.turns).toBe(8);
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
  expect(out.trim()).toBe(`ok: 8 turns, final hash ${browser.hash}`);
});
