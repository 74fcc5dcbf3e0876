// Screenshots of every screen at 1280x720 in headless Chromium, written to shots/
// (gitignored). Builds nothing: run `npx vite build` first; this starts `vite preview`.
//   npx tsx scripts/screenshots.ts [level-id] [solo-state] [hot-seat-states,comma-separated]
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { botsIdle, launchChromium, playToEnd, startPreview, waitForServer } from './shot-kit';

const PORT = 4179;
const BASE = `http://localhost:${PORT}/`;
const LEVEL = process.argv[2] ?? 'middle-corridor';
const SOLO = process.argv[3] ?? 'azerbaijan';
const HOTSEAT = (process.argv[4] ?? 'azerbaijan,armenia').split(',');
const OUT = 'shots';

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350);
  await page.screenshot({ path: `${OUT}/${LEVEL}-${name}.png` });
  console.log(`${OUT}/${LEVEL}-${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = startPreview(PORT);
  const errors: string[] = [];
  try {
    await waitForServer(BASE);
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));

    await page.goto(BASE);
    await page.waitForSelector('[data-testid="start-screen"]');
    await shot(page, '01-start');

    // Solo game from a link.
    await page.goto(`${BASE}?level=${LEVEL}&seed=shots-1&seats=${SOLO}:human`);
    await page.waitForFunction(() => window.__corridor?.mapReady);
    await shot(page, '02-map-you');
    await page.mouse.move(640, 360);
    await page.click('[data-testid="tab-diplomacy"]');
    await shot(page, '03-diplomacy');
    await page.click('[data-testid="kind-securityPact"]');
    await shot(page, '04-builder-pact');
    await page.click('[data-testid="end-turn"]');
    await botsIdle(page);
    // Answer whatever the bots proposed, through the buttons.
    await page.click('[data-testid="tab-diplomacy"]');
    for (let i = 0; i < 20; i++) {
      const btn = page.locator('[data-testid^="reject-"]').first();
      if (!(await btn.count())) break;
      await btn.click();
      await botsIdle(page);
    }
    await page.click('[data-testid="tab-orders"]');
    await shot(page, '05-orders');
    await page.click('[data-testid="end-turn"]');
    await botsIdle(page);
    await shot(page, '06-news-report');
    await page.click('[data-testid="tab-relations"]');
    await shot(page, '07-relations');
    await page.click('[data-testid="tab-network"]');
    await shot(page, '08-network');
    // A segment's citation opens the sources list at that source.
    await page.locator('[data-testid="network"] .citations button').first().click();
    await shot(page, '08b-sources');
    // Hover something on the map for a tooltip: the first segment row's focus highlights it.
    const box = await page.locator('#map-root').boundingBox();
    if (box) {
      for (let i = 0; i < 60; i++) {
        await page.mouse.move(box.x + 100 + ((i * 37) % (box.width - 200)), box.y + 120 + ((i * 53) % (box.height - 240)));
        if (await page.locator('#map-tooltip:not([hidden])').count()) break;
      }
    }
    await shot(page, '09-tooltip');
    await page.click('[data-testid="zoom-in"]');
    await page.click('[data-testid="zoom-in"]');
    await shot(page, '10-zoomed');
    await playToEnd(page);
    await page.waitForSelector('[data-testid="end-screen"]');
    await shot(page, '11-end');
    await page.locator('svg.chart').scrollIntoViewIfNeeded();
    await shot(page, '11b-end-chart');

    // Hot-seat: the curtain.
    await page.goto(`${BASE}?level=${LEVEL}&seed=shots-2&seats=${HOTSEAT.map((id) => `${id}:human`).join(',')}`);
    await page.waitForSelector('[data-testid="curtain"]:not([hidden])');
    await shot(page, '12-curtain');
    await page.keyboard.press('Enter');
    await shot(page, '13-after-curtain');

    // A tablet (touch: bigger targets) on the Orders tab.
    const tablet = await browser.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    await tablet.goto(`${BASE}?level=${LEVEL}&seed=shots-3&seats=${SOLO}:human`);
    await tablet.waitForFunction(() => window.__corridor?.mapReady);
    await tablet.click('[data-testid="tab-diplomacy"]');
    await tablet.evaluate(async () => {
      // The panel re-renders as the bots move, so click through the DOM, one answer at a time.
      for (let i = 0; i < 20; i++) {
        const b = document.querySelector<HTMLButtonElement>('[data-testid^="reject-"]');
        if (!b) break;
        b.click();
        await window.__corridor.idle();
      }
    });
    await tablet.click('[data-testid="end-turn"]'); // finish diplomacy
    await botsIdle(tablet);
    await tablet.click('[data-testid="tab-orders"]');
    // Every control but inline text links: the smallest, with what it says.
    const target = await tablet.evaluate(() => {
      const sizes = [...document.querySelectorAll<HTMLElement>('button:not(.link), select, input, [role="tab"]')]
        .map((b) => ({ h: b.getBoundingClientRect().height, w: b.getBoundingClientRect().width, text: (b.textContent || b.getAttribute('aria-label') || b.tagName).trim().slice(0, 30) }))
        .filter((x) => x.h > 0);
      return sizes.sort((a, b) => Math.min(a.h, a.w) - Math.min(b.h, b.w))[0];
    });
    console.log(`smallest control on a touch screen: ${target.w.toFixed(0)}x${target.h.toFixed(0)} px ("${target.text}")`);
    await shot(tablet, '15-tablet-orders');
    await tablet.close();

    // A broken level file on the start screen (a fresh tab: this one would resume its game).
    const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await fresh.goto(BASE);
    await fresh.waitForSelector('[data-testid="start-screen"]');
    await fresh.setInputFiles('[data-testid="level-file"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"formatVersion":1,"id":"Bad Id","turns":0}') });
    await fresh.waitForSelector('[data-testid="level-findings"]');
    await shot(fresh, '14-bad-level');
    await browser.close();
  } finally {
    server.kill();
  }
  if (errors.length) {
    console.log(`console errors (${errors.length}):`);
    for (const e of errors) console.log(`  ${e}`);
    process.exitCode = 1;
  } else console.log('no console errors');
}

void main();
