// Saves, replays, share links, forks and undo in the built game (Chromium), with the CLI
// on the other side: a CLI replay opens in the viewer with the same final hash, and the
// browser's replay verifies in the CLI. Run `npx vite build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const OUT = 'test-results';
const CLI_REPLAY = `${OUT}/cli.replay.json`;
let cliTurns = 0;
let cliHash = '';

function tsx(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['tsx', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `replay verify FILE`: exit code and the `ok: N turns, final hash H` line. */
function cliVerify(file: string): { code: number; turns: number; hash: string; out: string } {
  const r = tsx(['src/cli/replay.ts', 'verify', file]);
  const m = /^ok: (\d+) turns, final hash ([0-9a-f]{16})$/.exec(r.stdout.trim());
  return { code: r.code, turns: m ? Number(m[1]) : -1, hash: m ? m[2] : '', out: `${r.stdout}${r.stderr}` };
}

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--level', 'levels/tutorial.json', '--seed', '3', '--save-replay', CLI_REPLAY], { stdio: 'ignore', timeout: 120_000 });
  const v = cliVerify(CLI_REPLAY);
  expect(v.code, v.out).toBe(0);
  cliTurns = v.turns;
  cliHash = v.hash;
});

/** The screen is up, and the bots are done (the hook is idle). */
async function ready(page: Page, screen: string): Promise<void> {
  await page.waitForFunction((s) => window.__corridor?.screen === s && window.__corridor.mapReady, screen);
  await page.evaluate(() => window.__corridor.idle());
}

/** Plays `steps` human moves through the test hook (answers no, ends diplomacy, empty orders), waiting for the bots after each; all when steps is 0. */
async function play(page: Page, steps = 0): Promise<void> {
  const error = await page.evaluate(async (max) => {
    const c = window.__corridor;
    await c.idle();
    for (let n = 0, guard = 0; guard < 2000 && c.screen === 'game' && c.phase !== 'ended' && (max === 0 || n < max); guard++) {
      if (c.curtain) { c.confirmCurtain(); await c.idle(); continue; }
      const v = c.view();
      const me = c.seat;
      if (!v || !me) break;
      n++;
      let r: { ok: boolean; error?: string };
      if (v.phase === 'diplomacy') {
        const p = v.proposals.find((x) => x.status === 'open' && x.responses[me] === 'pending');
        if (p) r = c.dispatch({ type: 'respond', player: me, proposal: p.id, accept: false });
        else r = c.dispatch({ type: 'endDiplomacy', player: me });
      } else {
        r = c.dispatch({ type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 0, intel: null } });
      }
      if (!r.ok) return r.error ?? 'refused';
      await c.idle();
    }
    return null;
  }, steps);
  expect(error, 'playing through the test hook').toBeNull();
}

/** The game's hash, position and save slot, once the bots are done. */
const snapshot = (page: Page) =>
  page.evaluate(async () => {
    await window.__corridor.idle();
    return { hash: window.__corridor.hash, turn: window.__corridor.turn, phase: window.__corridor.phase, actions: window.__corridor.actions().length, id: window.__corridor.gameId };
  });

async function openReplayFile(page: Page, name: string, text: string): Promise<void> {
  await page.setInputFiles('[data-testid="replay-file"]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a reload mid-game resumes the same state hash, and so does a closed tab', async ({ page, context }) => {
  await page.goto('./?level=tutorial&seed=e2e-reload&seats=kazakhstan:human');
  await ready(page, 'game');
  await play(page, 7);
  const before = await snapshot(page);
  expect(before.actions).toBeGreaterThan(0);
  expect(before.phase).not.toBe('ended');

  await page.reload();
  // It says it resumed the saved game (the screen alone looks like a fresh turn); looked for
  // at once, as the notice goes after 3 s.
  await expect(page.getByTestId('toast').filter({ hasText: 'Your saved game is resumed at turn' })).toBeVisible({ timeout: 15_000 });
  await ready(page, 'game');
  expect(await snapshot(page)).toEqual(before);

  // A new tab has no session: the start screen offers Resume.
  await page.close();
  const tab = await context.newPage();
  await tab.goto('./');
  await expect(tab.getByTestId('resume-game')).toBeVisible();
  await expect(tab.getByTestId(`save-${before.id}`)).toContainText('Tutorial');
  await tab.getByTestId('resume-game').click();
  await ready(tab, 'game');
  expect(await snapshot(tab)).toEqual(before);
});

test('a save made on another version of a level says so, and continues on this version', async ({ page }) => {
  await page.goto('./?level=tutorial&seed=e2e-version&seats=kazakhstan:human');
  await ready(page, 'game');
  await play(page, 7);
  const before = await snapshot(page);
  const slot = before.id ?? '';
  expect(slot, 'the game has a save').not.toBe('');
  /** Edits this game's save as if it came from a release whose tutorial had other figures. */
  const edit = (id: string, tamper: boolean) =>
    page.evaluate(([id, tamper]) => {
      const key = `corridor.save.${id}`;
      const r = JSON.parse(localStorage.getItem(key)!);
      r.level.hash = '0123456789abcdef';
      // ...and whose rules refuse the last move (orders investing in a segment it lacks).
      if (tamper) r.actions[r.actions.length - 1].action = { type: 'submitOrders', player: 'kazakhstan', orders: { invest: [{ segment: 'gone', amount: 1 }], fees: {}, security: 0, intel: null } };
      localStorage.setItem(key, JSON.stringify(r));
      const index = JSON.parse(localStorage.getItem('corridor.saves')!) as { id: string; levelHash?: string }[];
      for (const m of index) if (m.id === id) m.levelHash = '0123456789abcdef';
      localStorage.setItem('corridor.saves', JSON.stringify(index));
      return r.actions.length as number;
    }, [id, tamper] as const);

  // Every move stands: the game takes the save's own slot.
  await edit(slot, false);
  await page.goto('./'); // this tab's game resumes (no link to start instead)
  await expect(page.getByTestId('replay-error')).toContainText('It was made with another version of “Tutorial: across the Caspian”');
  await expect(page.getByTestId('replay-error')).toContainText('(Level hash 0123456789abcdef in the save');
  expect(await page.evaluate(() => window.__corridor.screen)).toBe('start');
  await expect(page.getByTestId(`save-version-${slot}`), 'the saves list says so too').toContainText('Made with another version of this level');
  await page.getByTestId('replay-error-action').click();
  await ready(page, 'game');
  await expect(page.getByTestId('replay-note')).toContainText(`all ${before.actions} recorded moves replayed`);
  // The same moves on the same rules (only the recorded hash was changed): the same game.
  expect(await snapshot(page)).toEqual(before);
  const hash = await page.evaluate((id) => JSON.parse(localStorage.getItem(`corridor.save.${id}`)!).level.hash, before.id);
  expect(hash, 'the slot holds the game on this version now').not.toBe('0123456789abcdef');

  // A move this version refuses: the moves before it are replayed, in a new save; the old one stays.
  const moves = await edit(slot, true);
  await page.goto('./');
  await page.getByTestId('replay-error-action').click();
  await ready(page, 'game');
  await expect(page.getByTestId('replay-note')).toContainText(`${moves - 1} of the ${moves} recorded moves replayed. Kazakhstan's recorded move in turn`);
  await expect(page.getByTestId('replay-note')).toContainText('does not fit this version (');
  const after = await snapshot(page);
  expect(after.id).not.toBe(before.id);
  expect(after.actions).toBeGreaterThanOrEqual(moves - 1);
  expect(await page.evaluate((id) => localStorage.getItem(`corridor.save.${id}`) !== null, before.id), 'the old save is kept').toBe(true);
});

test('a resumed hot-seat game comes back behind the curtain', async ({ page }) => {
  await page.goto('./?level=tutorial&seed=e2e-hotseat&seats=kazakhstan:human,azerbaijan:human');
  await ready(page, 'game');
  await page.waitForFunction(() => window.__corridor?.curtain === true);
  await page.getByTestId('curtain-ready').click();
  await expect(page.getByTestId('agenda')).toBeVisible();
  const r = await page.evaluate(() => window.__corridor.dispatch({ type: 'propose', player: 'kazakhstan', terms: { kind: 'securityPact', members: ['kazakhstan', 'azerbaijan'], contribution: 5, duration: 2 } }));
  expect(r.ok).toBe(true);
  const before = await snapshot(page);

  await page.reload();
  await ready(page, 'game');
  await expect(page.getByTestId('curtain')).toBeVisible();
  expect(await page.evaluate(() => window.__corridor.curtain)).toBe(true);
  await expect(page.getByTestId('agenda')).toHaveCount(0);
  expect(await page.locator('#sidebar').evaluate((el) => el.childElementCount)).toBe(0);
  expect(await snapshot(page)).toEqual(before);
  await page.getByTestId('curtain-ready').click();
  expect(await page.evaluate(() => window.__corridor.seat)).toBe('kazakhstan');
});

test('undo takes back an unanswered proposal (button and Ctrl+Z) and is refused once a bot has answered', async ({ page }) => {
  await page.goto('./?level=tutorial&seed=e2e-undo&seats=kazakhstan:human,azerbaijan:human');
  await ready(page, 'game');
  await page.waitForFunction(() => window.__corridor?.curtain === true);
  await page.getByTestId('curtain-ready').click();
  await ready(page, 'game');
  const start = await snapshot(page);
  await expect(page.getByTestId('undo')).toBeDisabled();

  const propose = (to: string) =>
    page.evaluate(async (other) => {
      const r = window.__corridor.dispatch({ type: 'propose', player: 'kazakhstan', terms: { kind: 'securityPact', members: ['kazakhstan', other], contribution: 5, duration: 2 } });
      await window.__corridor.idle();
      return r;
    }, to);
  expect((await propose('azerbaijan')).ok).toBe(true);
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('undo')).toBeDisabled();
  expect(await snapshot(page)).toEqual(start);

  expect((await propose('azerbaijan')).ok).toBe(true);
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.locator('body').click({ position: { x: 5, y: 700 } }); // focus off any field
  await page.keyboard.press('Control+z');
  await expect.poll(() => snapshot(page)).toEqual(start);

  expect((await propose('georgia')).ok).toBe(true); // Georgia is a bot: it answers at once
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Georgia has acted since/);
  expect(await page.evaluate(async () => { await window.__corridor.idle(); return window.__corridor.undo(); })).toEqual({ ok: false, error: 'cannot undo: Georgia has acted since' });
});

test('a replay saved by the CLI opens in the viewer with the same final hash; play, step, jump, speed', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await openReplayFile(page, 'cli.replay.json', readFileSync(CLI_REPLAY, 'utf8'));
  await ready(page, 'replay');
  const info = () => page.evaluate(() => window.__corridor.replay!);
  expect(await info()).toMatchObject({ turn: 0, turns: cliTurns, finalHash: cliHash, perspective: 'public', levelId: 'tutorial', seed: '3', ended: true });

  await page.getByTestId('replay-last').click();
  expect((await info()).hash).toBe(cliHash);
  // At the end of a finished game the Overview offers the debrief files, as the end screen does.
  await page.getByTestId('replay-tab-overview').click();
  await expect(page.getByTestId('replay-overview-about')).toHaveText('What a projector in the room would show. The game is over, so its secret agendas and animosities are shown too.');
  const [animosityFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('debrief-animosity').click()]);
  expect(animosityFile.suggestedFilename()).toBe('corridor-tutorial-3-animosity.csv');
  expect(readFileSync(await animosityFile.path(), 'utf8')).toMatch(/^\ufeffturn,from,towards,change,new value,cause,deal\r\n1,/);
  const [pairsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('debrief-pairs').click()]);
  expect(pairsFile.suggestedFilename()).toBe('corridor-tutorial-3-animosity-pairs.csv');
  const pairs = readFileSync(await pairsFile.path(), 'utf8').trimEnd().split('\r\n');
  expect(pairs[0]).toBe('\ufefffrom,towards,as drawn,at the end,change,of it by drift,changes,largest other change,in turn,its cause');
  expect(pairs.length, 'a row for each ordered pair of the 3 states').toBe(1 + 3 * 2);
  await page.getByTestId('replay-prev').click();
  expect((await info()).turn).toBe(cliTurns - 1);
  await expect(page.getByTestId('debrief-animosity'), 'not before the end').toHaveCount(0);
  await page.getByTestId('replay-tab-turns').click();
  await page.getByTestId('replay-next').click();
  expect((await info()).turn).toBe(cliTurns);
  const slider = page.getByTestId('replay-slider');
  await slider.focus();
  await page.keyboard.press('ArrowLeft'); // the slider's own keys, not also the viewer's
  expect((await info()).turn).toBe(cliTurns - 1);
  await slider.evaluate((el: HTMLInputElement) => {
    el.value = '2';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect((await info()).turn).toBe(2);
  await expect(slider).toHaveValue('2');
  await page.getByTestId('replay-turn-5').click();
  expect((await info()).turn).toBe(5);
  await expect(page.getByTestId('replay-turn-label')).toContainText('After turn 5');
  await page.keyboard.press('Home');
  expect((await info()).turn).toBe(0);

  await page.getByTestId('replay-speed').selectOption('4');
  await page.getByTestId('replay-play').click();
  expect((await info()).playing).toBe(true);
  await expect.poll(async () => (await info()).turn, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
  await page.getByTestId('replay-play').click();
  expect((await info()).playing).toBe(false);
  expect((await info()).speed).toBe(4);

  // The same file dropped on the page opens the same way.
  await page.getByTestId('replay-close').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'dropped.replay.json', { type: 'application/json' }));
    return d;
  }, readFileSync(CLI_REPLAY, 'utf8'));
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await ready(page, 'replay');
  expect((await info()).finalHash).toBe(cliHash);
});

test('a replay of a level that is not shipped carries the level and opens on its own', async ({ page }) => {
  const file = `${OUT}/cli-mod.replay.json`;
  execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--level', 'tests/levels-modding/tutorial-from-docs.json', '--seed', 'mod', '--save-replay', file], { stdio: 'ignore', timeout: 120_000 });
  const v = cliVerify(file);
  expect(v.code, v.out).toBe(0);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).level.data).toBeTruthy();
  await page.goto('./');
  await openReplayFile(page, 'cli-mod.replay.json', text);
  await ready(page, 'replay');
  expect(await page.evaluate(() => window.__corridor.replay)).toMatchObject({ finalHash: v.hash, turns: v.turns });
  await page.getByTestId('replay-tab-turns').click();
  await expect(page.getByTestId('replay-turn-list')).toBeVisible();
  await expect(page.locator('#replay-tabpanel')).toContainText('level from the file');
});

test('the omniscient view asks for confirmation first', async ({ page }) => {
  await page.goto('./');
  await openReplayFile(page, 'cli.replay.json', readFileSync(CLI_REPLAY, 'utf8'));
  await ready(page, 'replay');
  await page.getByTestId('replay-turn-2').click();
  await page.getByTestId('replay-tab-overview').click();
  await expect(page.getByTestId('replay-agendas')).toHaveCount(0);
  await expect(page.getByTestId('replay-overview-about')).toHaveText('What a projector in the room would show: no secret agendas, no hidden animosities.');

  await page.getByTestId('replay-perspective').selectOption('facilitator');
  await expect(page.getByTestId('spoiler-dialog')).toBeVisible();
  // The game is finished: its end already showed the secrets, and the question says so.
  await expect(page.getByTestId('spoiler-text')).toHaveText('This game is over, and its secret agendas and animosities were shown at the end. This view shows every hidden value at every turn, with every cause. Show it?');
  await page.getByTestId('spoiler-cancel').click();
  await expect(page.getByTestId('spoiler-dialog')).toHaveCount(0);
  expect(await page.evaluate(() => window.__corridor.replay!.perspective)).toBe('public');
  await expect(page.getByTestId('replay-perspective')).toHaveValue('public');
  await expect(page.getByTestId('replay-agendas')).toHaveCount(0);

  await page.getByTestId('replay-perspective').selectOption('facilitator');
  await page.getByTestId('spoiler-confirm').click();
  expect(await page.evaluate(() => window.__corridor.replay!.perspective)).toBe('facilitator');
  await expect(page.getByTestId('replay-agendas')).toBeVisible();
  await expect(page.locator('.map-country.own'), 'no state is "you" in the omniscient view').toHaveCount(0);

  // A state's own view needs no confirmation: it shows that state's agenda only.
  await page.getByTestId('replay-perspective').selectOption('georgia');
  await expect(page.getByTestId('spoiler-dialog')).toHaveCount(0);
  expect(await page.evaluate(() => window.__corridor.replay!.perspective)).toBe('georgia');
  await expect(page.getByTestId('agenda')).toBeVisible();
  // The map marks the perspective's own state, and the mark follows the perspective.
  await expect(page.locator('.map-country.own')).toHaveText('Georgia · you');
});

test("a state's view of an unfinished game asks first too: it shows that seat's secrets", async ({ page }) => {
  // The CLI's game cut after turn 2, as a save of a game still in play is.
  const whole = JSON.parse(readFileSync(CLI_REPLAY, 'utf8')) as { actions: { turn: number }[]; checkpoints: { turn: number }[] };
  const cut = { ...whole, actions: whole.actions.filter((a) => a.turn <= 2), checkpoints: whole.checkpoints.filter((c) => c.turn <= 2) };
  await page.goto('./');
  await openReplayFile(page, 'unfinished.replay.json', JSON.stringify(cut));
  await ready(page, 'replay');
  expect(await page.evaluate(() => window.__corridor.replay!.ended)).toBe(false);
  await page.getByTestId('replay-perspective').selectOption('facilitator');
  await expect(page.getByTestId('spoiler-text')).toHaveText('This shows every hidden value: animosities, secret agendas, every cause. Show it?');
  await page.getByTestId('spoiler-cancel').click();
  await expect(page.getByTestId('spoiler-dialog')).toHaveCount(0);
  await expect(page.getByTestId('replay-perspective')).toHaveValue('public');
  await page.getByTestId('replay-perspective').selectOption('georgia');
  await expect(page.getByTestId('spoiler-dialog')).toContainText("Show Georgia's view?");
  await expect(page.getByTestId('spoiler-text')).toHaveText("This game is not finished. Georgia's view shows its secret agenda, exactly how it feels about the others, and the orders it has given. Show it?");
  await page.getByTestId('spoiler-cancel').click();
  await expect(page.getByTestId('spoiler-dialog')).toHaveCount(0);
  expect(await page.evaluate(() => window.__corridor.replay!.perspective)).toBe('public');
  await expect(page.getByTestId('replay-perspective')).toHaveValue('public');
  await page.getByTestId('replay-perspective').selectOption('georgia');
  await page.getByTestId('spoiler-confirm').click();
  expect(await page.evaluate(() => window.__corridor.replay!.perspective)).toBe('georgia');
  await expect(page.locator('.map-country.own')).toHaveText('Georgia · you');
});

test('a replay that fails shows the exact message and changes nothing', async ({ page }) => {
  await page.goto('./');
  const good = JSON.parse(readFileSync(CLI_REPLAY, 'utf8'));
  const tampered = structuredClone(good);
  tampered.checkpoints[3].hash = '0123456789abcdef';
  await openReplayFile(page, 'tampered.replay.json', JSON.stringify(tampered));
  await expect(page.getByTestId('replay-error')).toContainText(/tampered\.replay\.json: This replay does not play out as it was recorded: the file was changed, or it was made by a different version of the game \(diverged at turn 3: expected 0123456789abcdef, got [0-9a-f]{16}\)/);
  expect(await page.evaluate(() => window.__corridor.screen)).toBe('start');

  const newer = good.version + 1;
  await openReplayFile(page, 'newer.replay.json', JSON.stringify({ ...good, version: newer }));
  await expect(page.getByTestId('replay-error')).toContainText(`replay format version ${newer} is newer than this game understands (${good.version})`);

  const bad = structuredClone(good);
  bad.actions[2].turn = 'two';
  await openReplayFile(page, 'bad.replay.json', JSON.stringify(bad, null, 1));
  await expect(page.getByTestId('replay-error')).toContainText('$.actions[2].turn');
  expect(await page.evaluate(() => window.__corridor.screen)).toBe('start');

  // Recorded on another version of the level: refused, with the way to play its moves on.
  await openReplayFile(page, 'old.replay.json', JSON.stringify({ ...good, level: { ...good.level, hash: '0123456789abcdef' } }));
  await expect(page.getByTestId('replay-error')).toContainText('old.replay.json: $.level.hash: recorded on a different version of "tutorial" (hash 0123456789abcdef');
  await expect(page.getByTestId('replay-error')).toContainText('To play its moves on this version of “Tutorial: across the Caspian”, use Import a save… on the start screen.');

  // A game in progress is untouched by a failed open.
  await page.goto('./?level=tutorial&seed=e2e-fail&seats=kazakhstan:human');
  await ready(page, 'game');
  const before = await snapshot(page);
  const r = await page.evaluate((t) => window.__corridor.openReplay(t), JSON.stringify(tampered));
  expect(r.ok).toBe(false);
  expect(await snapshot(page)).toEqual(before);
  expect(await page.evaluate(() => window.__corridor.screen)).toBe('game');
});

test('the browser downloads replays that verify in the CLI (mid-game and at the end)', async ({ page }) => {
  await page.goto('./?level=tutorial&seed=e2e-download&seats=azerbaijan:human');
  await ready(page, 'game');
  await play(page, 5);
  const mid = await snapshot(page);
  await page.getByTestId('menu-button').click();
  const [midDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('menu-download-replay').click()]);
  expect(midDownload.suggestedFilename()).toBe('corridor-tutorial-e2e-download.replay.json');
  await midDownload.saveAs(`${OUT}/browser-mid.replay.json`);
  const vm = cliVerify(`${OUT}/browser-mid.replay.json`);
  expect(vm.code, vm.out).toBe(0);
  expect(vm.hash).toBe(mid.hash);

  await play(page);
  await expect(page.getByTestId('end-screen')).toBeVisible();
  const end = await snapshot(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-replay').click()]);
  await download.saveAs(`${OUT}/browser.replay.json`);
  const v = cliVerify(`${OUT}/browser.replay.json`);
  expect(v.code, v.out).toBe(0);
  expect(v.hash).toBe(end.hash);
  expect(v.turns).toBe(end.turn);

  // And the ended game opens in the viewer at its last turn with the same hash.
  await page.getByTestId('watch-replay').click();
  await ready(page, 'replay');
  expect(await page.evaluate(() => window.__corridor.replay)).toMatchObject({ turn: end.turn, hash: end.hash, finalHash: end.hash, ended: true });
});

test('a share link (#r=) reproduces the game in another browser profile', async ({ page, browser }) => {
  await page.goto('./?level=tutorial&seed=e2e-share&seats=georgia:human');
  await ready(page, 'game');
  await play(page);
  await expect(page.getByTestId('end-screen')).toBeVisible();
  const hash = (await snapshot(page)).hash;
  const link = await page.evaluate(() => window.__corridor.shareLink());
  expect(link).toMatch(/#r=[A-Za-z0-9+\-$]+$/);
  expect(link!.length).toBeLessThan(8000);
  await page.getByTestId('share-replay').click();
  await expect(page.getByTestId('share-link-text')).toHaveValue(link!);
  // It opens at the link's start (selecting it had scrolled the box to the end).
  expect(await page.getByTestId('share-link-text').evaluate((t) => t.scrollTop)).toBe(0);
  const other = await browser.newContext();
  try {
    const p2 = await other.newPage();
    await p2.goto(link!);
    await ready(p2, 'replay');
    expect(await p2.evaluate(() => window.__corridor.replay)).toMatchObject({ finalHash: hash, levelId: 'tutorial', seed: 'e2e-share', perspective: 'public' });
    expect(await p2.evaluate(() => window.__corridor.saves().length)).toBe(0); // nothing from the first profile
    // A damaged link says so and opens nothing.
    const p3 = await other.newPage();
    await p3.goto(`${link!.slice(0, link!.length - 200)}`);
    await p3.waitForFunction(() => window.__corridor?.screen === 'start', null, { timeout: 30_000 });
    await expect(p3.getByTestId('replay-error')).toContainText('The replay in this link could not be opened');
  } finally {
    await other.close();
  }
});

test('"Continue from here" forks a new game with the history up to that turn and the chosen seats', async ({ page }) => {
  await page.goto('./');
  await openReplayFile(page, 'cli.replay.json', readFileSync(CLI_REPLAY, 'utf8'));
  await ready(page, 'replay');
  await page.getByTestId('replay-turn-2').click();
  await page.getByTestId('replay-fork').click();
  await expect(page.getByTestId('fork-dialog')).toBeVisible();
  await page.getByTestId('fork-seat-kazakhstan').selectOption('human');
  await page.getByTestId('fork-seat-georgia').selectOption('human');
  await page.getByTestId('fork-start').click();
  await ready(page, 'game'); // the bots move on from the fork point first
  expect(await page.evaluate(() => window.__corridor.curtain)).toBe(true); // hot-seat: the curtain first
  const rec = await page.evaluate(() => window.__corridor.record()!);
  const cli = JSON.parse(readFileSync(CLI_REPLAY, 'utf8'));
  const kept = cli.actions.filter((a: { turn: number }) => a.turn <= 2);
  expect(rec.actions.slice(0, kept.length)).toEqual(kept);
  expect(rec.seats).toMatchObject({ kazakhstan: 'human', georgia: 'human', azerbaijan: 'bot' });
  expect(await page.evaluate(() => window.__corridor.turn)).toBe(3);
  writeFileSync(`${OUT}/fork.replay.json`, JSON.stringify(rec));
  const v = cliVerify(`${OUT}/fork.replay.json`);
  expect(v.code, v.out).toBe(0);
  expect(v.hash).toBe(await page.evaluate(() => window.__corridor.hash));
});

test('a full storage is reported and the game goes on', async ({ page }) => {
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, key, value);
    };
  });
  await page.goto('./?level=tutorial&seed=e2e-quota&seats=kazakhstan:human');
  await ready(page, 'game');
  await expect(page.getByTestId('save-error')).toContainText('QuotaExceededError');
  expect(await page.evaluate(() => window.__corridor.saveError)).toMatch(/full/);
  const before = await snapshot(page);
  await play(page, 2);
  const after = await snapshot(page);
  expect(after.actions).toBeGreaterThan(before.actions);
});

test('the projector window shows the public view of the game and follows it as turns resolve', async ({ page, context }) => {
  await page.goto('./?level=tutorial&seed=projector-1&seats=georgia:human');
  await ready(page, 'game');
  await page.getByRole('button', { name: 'Menu' }).click();
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('menu-projector').click()]);
  await ready(projector, 'replay');
  const info = () => projector.evaluate(() => window.__corridor.replay!);
  // At the turn being played: the bots have made their first moves.
  expect(await info()).toMatchObject({ turn: 1, turns: 0, live: true, perspective: 'public', levelId: 'tutorial', seed: 'projector-1', ended: false });
  await expect(projector.getByTestId('replay-badge')).toHaveText('Projector · live');
  await expect(projector.getByTestId('replay-fork'), 'playing on is the other window’s job').toHaveCount(0);
  // The file and the link would carry the seed of a game still being played (every secret).
  await expect(projector.getByTestId('replay-download')).toHaveCount(0);
  await expect(projector.getByTestId('replay-copy-link')).toHaveCount(0);
  // Nor the seed, which gives the same agendas and animosities to anyone who starts it.
  await expect(projector.getByTestId('replay-about')).toContainText('played so far');
  await expect(projector.getByTestId('replay-about')).not.toContainText('projector-1');

  // A move within the turn shows the turn being played, in the public view: who the game
  // waits for and the deals agreed, not the proposals being negotiated.
  await play(page, 1);
  await expect.poll(async () => (await info()).live).toBe(true);
  expect(await info()).toMatchObject({ turn: 1, turns: 0, perspective: 'public' });
  expect((await info()).hash).toBe(await page.evaluate(() => window.__corridor.hash));
  await expect(projector.getByTestId('replay-turn-label')).toContainText('Turn 1 of');
  await expect(projector.getByTestId('replay-so-far')).toContainText('Turn 1 so far');
  await expect(projector.getByTestId('replay-so-far')).toContainText('Deals agreed this turn');
  await expect(projector.locator('ul.reasons'), 'no bot reasons on the projector').toHaveCount(0);
  await expect(projector.getByTestId('replay-waiting')).toContainText(/Waiting for .+|Every state has finished/);
  // Orders stay sealed: in the orders phase the projector names who it waits for, no orders.
  while ((await page.evaluate(() => window.__corridor.phase)) === 'diplomacy') await play(page, 1);
  await expect(projector.getByTestId('replay-waiting')).toContainText('to submit orders');
  await expect(projector.getByTestId('replay-so-far-orders')).toHaveCount(0);
  // A resolved turn is shown at once.
  const playing = await page.evaluate(() => window.__corridor.turn);
  while ((await page.evaluate(() => window.__corridor.turn)) === playing) await play(page, 1);
  await expect.poll(async () => (await info()).turns).toBe(1);
  await expect(projector.getByText('Turn 1 has resolved.')).toBeVisible();
  // It shows the resolved turn, and stays there as the next turn's moves come in (End shows them).
  expect(await info()).toMatchObject({ turn: 1, live: false, perspective: 'public' });
  await play(page, 1);
  await projector.waitForTimeout(300);
  expect(await info()).toMatchObject({ turn: 1, live: false });
  expect((await info()).hash).toBe(await page.evaluate(() => (window.__corridor.checkpoints()[1] as { hash: string }).hash));

  // Kept on an earlier turn (a class discussing it), it stays there and says what is new.
  await projector.getByTestId('replay-first').click();
  const now = await page.evaluate(() => window.__corridor.turn);
  while ((await page.evaluate(() => window.__corridor.turn)) === now) await play(page, 1);
  await expect.poll(async () => (await info()).turns).toBe(2);
  expect((await info()).turn).toBe(0);
  await expect(projector.getByText('Turn 2 has resolved: press End to see it.')).toBeVisible();

  // The save deleted in the playing window: the projector says so and keeps what it showed.
  const id = new URL(projector.url()).searchParams.get('watch');
  await page.evaluate((key) => localStorage.removeItem(key), `corridor.save.${id}`);
  await expect(projector.getByTestId('projector-gone')).toContainText('This game’s save is gone');
  expect((await info()).turns).toBe(2);

  // A projector link to a game that is not saved here says so, on the start screen.
  await projector.goto('./?watch=no-such-game');
  await expect(projector.getByTestId('start-screen')).toBeVisible();
  await expect(projector.getByText(/follows a game saved in this browser, and that game is no longer here/)).toBeVisible();
});

test('the facilitator window shows every hidden value of the game, follows it, and the pause leaves it uncovered', async ({ page, context }) => {
  await page.goto('./?level=tutorial&seed=facilitator-window-1&seats=georgia:human');
  await ready(page, 'game');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByTestId('menu-facilitator').click();
  const [teacher] = await Promise.all([context.waitForEvent('page'), page.getByTestId('facilitator-window').click()]);
  await ready(teacher, 'replay');
  expect(new URL(teacher.url()).searchParams.get('as')).toBe('facilitator');
  const info = () => teacher.evaluate(() => window.__corridor.replay!);
  // Straight into the facilitator's view: the teacher asked for it, so no spoiler question.
  expect(await info()).toMatchObject({ turn: 1, turns: 0, live: true, perspective: 'facilitator', seed: 'facilitator-window-1', ended: false });
  await expect(teacher.getByTestId('replay-badge')).toHaveText('Facilitator · live');
  await expect(teacher.getByTestId('replay-fork')).toHaveCount(0);
  await teacher.getByRole('tab', { name: /Relations/ }).click();
  await expect(teacher.locator('table.matrix')).toBeVisible();
  await expect(teacher.getByText('All animosities (the facilitator’s view: the players do not see them)')).toBeVisible();

  // The turn being played, with every proposal made so far and every answer.
  await page.bringToFront();
  await play(page, 1);
  await expect.poll(async () => (await info()).live).toBe(true);
  const proposed = await page.evaluate(() => (window.__corridor.actions() as { turn: number; action: { type: string } }[]).filter((a) => a.turn === 1 && a.action.type === 'propose').length);
  await teacher.getByRole('tab', { name: 'Turns' }).click();
  await expect(teacher.getByTestId('replay-so-far')).toContainText('Proposals this turn');
  expect(proposed, 'the bots propose in this turn').toBeGreaterThan(0);
  await expect(teacher.getByTestId('replay-so-far').locator('li.proposal')).toHaveCount(proposed);
  // With the bots' real reasons (kept beside the save by the playing window): each proposal
  // says at least why it was made.
  await expect(teacher.getByTestId('replay-so-far').locator('ul.reasons')).toHaveCount(proposed);
  expect(await info()).toMatchObject({ turn: 1, turns: 0, perspective: 'facilitator' });

  // In the orders phase, the orders submitted so far (the bots', before Georgia's), which
  // every player sees only of its own until the turn resolves.
  while ((await page.evaluate(() => window.__corridor.phase)) === 'diplomacy') await play(page, 1);
  const submitted = await page.evaluate(() => (window.__corridor.actions() as { turn: number; action: { type: string; player: string } }[]).filter((a) => a.turn === 1 && a.action.type === 'submitOrders').map((a) => a.action.player));
  expect(submitted.length, 'the bots have given their orders').toBeGreaterThan(0);
  expect(submitted).not.toContain('georgia');
  const orders = teacher.getByTestId('replay-so-far-orders');
  await expect(orders).toContainText('Orders submitted so far');
  for (const id of submitted) await expect(orders.getByTestId(`so-far-orders-${id}`)).toContainText(/Security: |No security spending/);
  await expect(orders.getByTestId('so-far-orders-georgia')).toHaveCount(0);

  // A resolved turn is shown at once, still in the facilitator's view.
  const playing = await page.evaluate(() => window.__corridor.turn);
  while ((await page.evaluate(() => window.__corridor.turn)) === playing) await play(page, 1);
  await expect.poll(async () => (await info()).turns).toBe(1);
  expect(await info()).toMatchObject({ perspective: 'facilitator' });

  // A pause covers the projector, not the teacher's own window.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByTestId('menu-facilitator').click();
  // The open dialog's button: a closed one may linger a moment in a page behind another window.
  await page.locator('dialog[open]').getByTestId('facilitator-pause').click();
  await expect(page.getByTestId('pause')).toBeVisible();
  expect(await page.evaluate(() => window.__corridor.paused)).toBe(true);
  await teacher.waitForTimeout(300);
  await expect(teacher.getByTestId('projector-paused')).toHaveCount(0);
});
