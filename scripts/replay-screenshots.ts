// Screenshots of the replay, save and share screens at 1280x720 in headless Chromium,
// written to shots/ (gitignored). Run `npx vite build` first; this starts `vite preview`.
//   npx tsx scripts/replay-screenshots.ts [level-id] [solo-state]
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchChromium, playToEnd, startPreview, waitForServer } from './shot-kit';

const PORT = Number(process.env.SHOTS_PORT ?? 4193);
const BASE = `http://localhost:${PORT}/`;
const LEVEL = process.argv[2] ?? 'tutorial';
const SOLO = process.argv[3] ?? 'kazakhstan';
const OUT = 'shots';

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/replay-${LEVEL}-${name}.png` });
  console.log(`${OUT}/replay-${LEVEL}-${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = startPreview(PORT);
  const errors: string[] = [];
  try {
    await waitForServer(BASE);
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    let page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    // A game with one proposal made, then back to the start screen: Resume + the saves list.
    await page.goto(`${BASE}?level=${LEVEL}&seed=shots-replay&seats=${SOLO}:human`);
    await page.waitForFunction(() => window.__corridor?.mapReady);
    await page.evaluate(() => {
      const c = window.__corridor;
      const v = c.view()!;
      const p = v.proposals.find((x) => x.status === 'open' && x.responses[c.seat!] === 'pending');
      if (p) c.dispatch({ type: 'respond', player: c.seat!, proposal: p.id, accept: false });
    });
    await shot(page, '01-game-undo');
    // A new tab (its own session) opens on the start screen, which offers Resume.
    await page.close();
    const page2 = await context.newPage();
    page2.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page2.on('pageerror', (e) => errors.push(String(e)));
    page = page2;
    await page.goto(BASE);
    await page.waitForSelector('[data-testid="resume-game"]');
    await shot(page, '02-start-saves');
    await page.locator('[data-testid="saved-games"]').scrollIntoViewIfNeeded();
    await shot(page, '02b-saves-list');
    await page.evaluate(() => document.getElementById('screen-start')?.scrollTo(0, 0));

    // Play it to the end: the end screen's replay buttons.
    await page.click('[data-testid="resume-game"]');
    await page.waitForFunction(() => window.__corridor?.screen === 'game');
    await playToEnd(page);
    await page.waitForSelector('[data-testid="end-screen"]');
    await shot(page, '03-end');

    // The viewer.
    await page.click('[data-testid="watch-replay"]');
    await page.waitForSelector('[data-testid="replay-controls"]');
    await shot(page, '04-viewer-end');
    await page.click('[data-testid="replay-turn-2"]');
    await page.selectOption('[data-testid="replay-perspective"]', SOLO);
    await page.click('[data-testid="replay-tab-overview"]');
    await shot(page, '05-viewer-state');
    await page.click('[data-testid="replay-tab-news"]');
    await shot(page, '06-viewer-news');
    await page.selectOption('[data-testid="replay-perspective"]', 'facilitator');
    await page.waitForSelector('[data-testid="spoiler-dialog"]');
    await shot(page, '07-spoiler');
    await page.click('[data-testid="spoiler-confirm"]');
    await page.click('[data-testid="replay-tab-news"]');
    await page.evaluate(() => document.querySelector('[data-testid="turn-report"]')?.scrollIntoView());
    await shot(page, '07b-viewer-facilitator-report');
    await page.click('[data-testid="replay-tab-overview"]');
    await shot(page, '08-viewer-facilitator');
    await page.click('[data-testid="replay-tab-relations"]');
    await shot(page, '09-viewer-facilitator-relations');
    await page.click('[data-testid="replay-fork"]');
    await page.waitForSelector('[data-testid="fork-dialog"]');
    await shot(page, '10-fork');
    await page.click('[data-testid="fork-cancel"]');
    await page.click('[data-testid="replay-copy-link"]');
    await page.waitForSelector('[data-testid="share-dialog"]');
    await shot(page, '11-share');
    await page.click('[data-testid="share-close"]');

    // A broken replay: the exact message, nothing else changes.
    await page.evaluate(() => {
      const r = JSON.parse(JSON.stringify(window.__corridor.record())) as { checkpoints: { hash: string }[] };
      r.checkpoints[3].hash = '0123456789abcdef';
      window.__corridor.openReplay(JSON.stringify(r));
    });
    await shot(page, '12-replay-error');

    // Storage full: the autosave banner.
    const full = await context.newPage();
    await full.addInitScript(() => {
      Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    });
    await full.goto(`${BASE}?level=${LEVEL}&seed=shots-full&seats=${SOLO}:human`);
    await full.waitForFunction(() => window.__corridor?.mapReady);
    await full.waitForTimeout(400);
    await full.screenshot({ path: `${OUT}/replay-${LEVEL}-13-quota.png` });
    console.log(`${OUT}/replay-${LEVEL}-13-quota.png`);

    // Hot-seat after a reload: the curtain.
    const hs = await context.newPage();
    await hs.goto(`${BASE}?level=${LEVEL}&seed=shots-hs&seats=kazakhstan:human,azerbaijan:human`);
    await hs.waitForFunction(() => window.__corridor?.mapReady);
    await hs.evaluate(() => window.__corridor.confirmCurtain());
    await hs.reload();
    await hs.waitForFunction(() => window.__corridor?.screen === 'game');
    await hs.waitForTimeout(400);
    await hs.screenshot({ path: `${OUT}/replay-${LEVEL}-14-hotseat-reload.png` });
    console.log(`${OUT}/replay-${LEVEL}-14-hotseat-reload.png`);
    await browser.close();
  } finally {
    server.kill();
  }
  if (errors.length) {
    console.error(`console errors:\n${errors.join('\n')}`);
    process.exitCode = 1;
  }
}

void main();
