// Tablets and phones in portrait: the map on top, the panels under it, and nothing wider
// than the screen (it would be cut off: the page does not scroll sideways).
import { expect, startFromLink, test, waitForBoot } from './helpers';
import type { Page } from '@playwright/test';

/** Elements that reach past the right edge of the screen (fixed overlays aside). */
const pastTheEdge = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.right > innerWidth + 1 && getComputedStyle(e).position !== 'fixed';
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );

// They kept the desktop column's width, and half the screen beside them stayed empty.
test('on a tablet in portrait the panels take the whole width under the map', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await startFromLink(page, { level: 'middle-corridor', seed: 'small-1', humans: ['georgia'] });
  const map = (await page.locator('#map-root').boundingBox())!;
  const side = (await page.locator('.sidebar').boundingBox())!;
  expect(side.y, 'under the map').toBeGreaterThanOrEqual(map.y + map.height - 1);
  expect(side.x).toBeLessThanOrEqual(1);
  expect(side.width).toBeGreaterThanOrEqual(767);
  expect(await pastTheEdge(page)).toEqual([]);
});

// The start screen's cards were as wide as their widest content (the seed row), and the
// Random button was cut off at the right.
test('on a phone the start screen fits the width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForBoot(page);
  await expect(page.getByTestId('seed-random')).toBeVisible();
  expect(await pastTheEdge(page)).toEqual([]);
});

// On a phone the panel between the tabs and the action bar was about a fifth of the screen
// (a three-row top bar, the map at 42%): a proposal did not fit in it.
test('on a phone the game screen leaves the panel a third of the height', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await startFromLink(page, { level: 'tutorial', seed: 'small-2', humans: ['georgia'] });
  const top = (await page.locator('.topbar').boundingBox())!;
  expect(top.height, 'the top bar in two rows').toBeLessThanOrEqual(100);
  // Still there: the turn, the phase, who you are, and the buttons.
  await expect(page.getByTestId('turn-info')).toBeVisible();
  await expect(page.getByTestId('me')).toHaveText('You are Georgia');
  await expect(page.getByTestId('menu-button')).toBeVisible();
  const panel = (await page.locator('.sidebar [role="tabpanel"]').first().boundingBox())!;
  expect(panel.height).toBeGreaterThanOrEqual(844 / 3);
  expect(await pastTheEdge(page)).toEqual([]);
});

// On a small phone (360x640) the map is short: its zoom buttons ran past its foot, under the
// tabs, and the alternative routes' boxes covered most of it.
test('on a small phone the map keeps its buttons and drops the route boxes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await startFromLink(page, { level: 'tutorial', seed: 'small-3', humans: ['georgia'] });
  const map = (await page.locator('#map-root').boundingBox())!;
  const reset = (await page.getByTestId('zoom-reset').boundingBox())!;
  expect(reset.y + reset.height).toBeLessThanOrEqual(map.y + map.height);
  await expect(page.locator('.map-alt-label:visible')).toHaveCount(0);
  // On a larger screen the boxes are there.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('.map-alt-label:visible').first()).toBeVisible();
});
