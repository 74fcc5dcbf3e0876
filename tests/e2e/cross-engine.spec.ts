// Cross-engine determinism, Chromium half: every golden replay re-run in the browser gives
// the same per-turn hashes as in Node. The verifier is bundled on its own
// (tests/harness/verify-entry.ts) and loaded into a blank page, so this test does not depend
// on the app's UI. Firefox (a different engine) is tests/unit/firefox-determinism.test.ts.
import { expect, test } from '@playwright/test';
import { buildHarness, goldenFiles, shippedLevelFiles } from '../harness/harness';
import { verifyReplays, type HarnessResult, type TextFile } from '../harness/verify-entry';

test('golden replays give the same per-turn hashes in Chromium as in Node', async ({ page }) => {
  const code = await buildHarness();
  const replays = goldenFiles();
  const levels = shippedLevelFiles();
  expect(replays.length).toBeGreaterThan(0);
  const node = verifyReplays(replays, levels);

  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const inBrowser = await page.evaluate(
    ([r, l]) => (globalThis as unknown as { verifyReplays: (r: TextFile[], l: TextFile[]) => HarnessResult[] }).verifyReplays(r, l),
    [replays, levels] as const,
  );
  for (const [i, res] of inBrowser.entries()) {
    expect(res.message, res.file).toMatch(/^ok: /);
    const recorded = (JSON.parse(replays[i].text) as { checkpoints: { hash: string }[] }).checkpoints.map((c) => c.hash);
    expect(res.hashes, `${res.file}: per-turn hashes in Chromium`).toEqual(recorded);
    expect(res, `${res.file}: Chromium and Node agree`).toEqual(node[i]);
  }
});
