// Cross-engine determinism, Firefox half: Node and Chromium share V8, so Firefox ESR
// (SpiderMonkey) is the engine that can prove the simulation gives the same per-turn hashes
// everywhere. Driven by puppeteer-core over WebDriver BiDi (Playwright needs its own patched
// Firefox). Skipped, saying why, when Firefox is not installed.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHarness, goldenFiles, shippedLevelFiles } from '../harness/harness';
import { verifyReplays, type HarnessResult, type TextFile } from '../harness/verify-entry';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const present = existsSync(FIREFOX);
if (!present) console.warn(`firefox-determinism: skipped, no Firefox at ${FIREFOX} (install firefox-esr or set FIREFOX_PATH)`);

describe.skipIf(!present)(`golden replays in Firefox (${FIREFOX})`, () => {
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('give the same per-turn hashes as in Node', { timeout: 180_000 }, async () => {
    const code = await buildHarness();
    const replays = goldenFiles();
    const levels = shippedLevelFiles();
    expect(replays.length).toBeGreaterThan(0);
    const node = verifyReplays(replays, levels);

    // puppeteer makes a fresh profile per launch; that works as root here.
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: code });
    const engine = await page.evaluate(() => navigator.userAgent);
    expect(engine).toContain('Firefox');
    const inFirefox = await page.evaluate(
      (r: TextFile[], l: TextFile[]) => (globalThis as unknown as { verifyReplays: (r: TextFile[], l: TextFile[]) => HarnessResult[] }).verifyReplays(r, l),
      replays,
      levels,
    );
    expect(inFirefox.length).toBe(node.length);
    for (const [i, res] of inFirefox.entries()) {
      expect(res.message, res.file).toMatch(/^ok: /);
      const recorded = (JSON.parse(replays[i].text) as { checkpoints: { hash: string }[] }).checkpoints.map((c) => c.hash);
      expect(res.hashes, `${res.file}: per-turn hashes in Firefox`).toEqual(recorded);
      expect(res, `${res.file}: Firefox and Node agree`).toEqual(node[i]);
    }
  });
});
