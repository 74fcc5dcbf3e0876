// Your own state's map label: over the state where it fits, else boxed beside it with a line
// to it. Over a small Caucasus state at the whole map's zoom it covered node markers and
// pushed the names of Baku and Batumi off the map. Other states' labels: over the state, else
// boxed near it where there is room (at the whole map's zoom five of eight were hidden).
import { expect, startFromLink, test } from './helpers';

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

for (const [width, height] of [[1280, 720], [1024, 640]] as const) {
  for (const seat of ['armenia', 'georgia', 'azerbaijan']) {
    test(`${seat}'s label at ${width}x${height} leaves the node names shown and points at the state`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await startFromLink(page, { level: 'middle-corridor', seed: 'labels-1', humans: [seat] });
      const own = page.locator('.map-country.own');
      await expect(own).toBeVisible();
      await expect(own, 'no room over the state at this zoom: boxed beside it').toHaveClass(/callout/);
      const box = (await own.boundingBox())!;
      const names = await page.locator('.map-label:visible').evaluateAll((els) => els.map((e) => ({ name: e.textContent ?? '', ...e.getBoundingClientRect().toJSON() as Box })));
      expect(names.filter((n) => overlaps(box, n)).map((n) => n.name), 'node names under the label').toEqual([]);
      expect(names.map((n) => n.name), 'the nodes around the Caspian keep their names').toEqual(expect.arrayContaining(['Baku', 'Poti']));

      // A line from the state's centre, outside the box, to the box's edge.
      const leader = page.locator('.map-leader.own');
      await expect(leader).toBeVisible();
      const ends = await leader.evaluate((el) => {
        const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) rotate\(([-\d.e]+)rad\)/.exec(el.style.transform)!;
        const [x, y, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const len = parseFloat(el.style.width);
        const host = el.parentElement!.getBoundingClientRect();
        return { from: { x: host.x + x, y: host.y + y }, to: { x: host.x + x + Math.cos(a) * len, y: host.y + y + Math.sin(a) * len } };
      });
      const edge = (p: { x: number; y: number }) => Math.min(Math.abs(p.x - box.x), Math.abs(p.x - box.x - box.width), Math.abs(p.y - box.y), Math.abs(p.y - box.y - box.height));
      expect(edge(ends.to), 'the line ends at the box').toBeLessThan(2.5);
      expect(overlaps(box, { ...ends.from, width: 0.1, height: 0.1 }), 'the line starts outside the box').toBe(false);

    });
  }
}

test('a large state keeps its label over itself, with no line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await startFromLink(page, { level: 'middle-corridor', seed: 'labels-1', humans: ['kazakhstan'] });
  await expect(page.locator('.map-country.own')).toHaveText('Kazakhstan · you');
  await expect(page.locator('.map-country.own')).not.toHaveClass(/callout/);
  await expect(page.locator('.map-leader.own')).toHaveCount(0);
});

for (const [width, height] of [[1280, 720], [1024, 640]] as const) test(`at the whole map's zoom every state is named at ${width}x${height}, on the map, clear of the node names and of each other`, async ({ page }) => {
  await page.setViewportSize({ width, height });
  await startFromLink(page, { level: 'middle-corridor', seed: 'labels-1', humans: ['kazakhstan'] });
  const map = (await page.locator('#map-root').boundingBox())!;
  const countries = await page.locator('.map-country:visible').evaluateAll((els) => els.map((e) => ({ name: (e.textContent ?? '').replace(' · you', ''), boxed: e.classList.contains('callout'), ...e.getBoundingClientRect().toJSON() as Box })));
  expect(countries.map((c) => c.name).sort()).toEqual(['Armenia', 'Azerbaijan', 'Georgia', 'Kazakhstan', 'Kyrgyzstan', 'Türkiye', 'Turkmenistan', 'Uzbekistan'].sort());
  expect(countries.filter((c) => c.boxed).length, 'the small Caucasus states are boxed beside themselves').toBeGreaterThan(0);
  const names = await page.locator('.map-label:visible').evaluateAll((els) => els.map((e) => ({ name: e.textContent ?? '', ...e.getBoundingClientRect().toJSON() as Box })));
  for (const c of countries) {
    expect(c.x >= map.x && c.y >= map.y && c.x + c.width <= map.x + map.width && c.y + c.height <= map.y + map.height, `${c.name}'s label is on the map`).toBe(true);
    expect(names.filter((n) => overlaps(c, n)).map((n) => n.name), `node names under ${c.name}'s label`).toEqual([]);
    expect(countries.filter((o) => o !== c && overlaps(c, o)).map((o) => o.name), `labels over ${c.name}'s`).toEqual([]);
  }
  // Each boxed label has its own line, and none is drawn for a label over its state.
  await expect(page.locator('.map-leader:visible')).toHaveCount(countries.filter((c) => c.boxed).length);
});
