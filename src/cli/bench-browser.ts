// Browser figures for the bench: our own JS gzipped (without the Phaser chunk) from dist/,
// and, in headless Chromium (bench-page.ts), navigation-to-interactive-map time and the
// longest frames while turns resolve. Skipped with a reason when dist/ or Chromium is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export async function browserFigures(): Promise<string[]> {
  const out: string[] = [];
  const assets = 'dist/assets';
  if (!existsSync(assets)) return ['browser: skipped (no dist/: run npm run build first)'];
  let ours = 0;
  let phaser = 0;
  for (const f of readdirSync(assets)) {
    if (!f.endsWith('.js')) continue;
    const gz = gzipSync(readFileSync(`${assets}/${f}`), { level: 9 }).length;
    if (/phaser/i.test(f)) phaser += gz;
    else ours += gz;
  }
  out.push(`our JS: ${(ours / 1024).toFixed(1)} KB gzipped (Phaser chunk ${(phaser / 1024).toFixed(1)} KB gzipped, not counted)`);
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return [...out, `first interactive map: skipped (no Chromium at ${chromium})`];
  try {
    const { firstMapTime } = await import('./bench-page');
    out.push(...(await firstMapTime(chromium)));
  } catch (e) {
    out.push(`first interactive map: failed (${(e as Error).message})`);
  }
  return out;
}
