// Time from navigation to the first interactive map, and the longest frame while a turn
// resolves, in headless Chromium against the built game (vite preview on a free port).
import { chromium } from '@playwright/test';
import { preview } from 'vite';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-gl=angle', '--use-angle=swiftshader'];

export async function firstMapTime(executablePath: string): Promise<string[]> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const times: number[] = [];
    let worstFrame = 0;
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx names functions with a __name helper; the functions we evaluate in the page need it too.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(`${url}?level=middle-corridor&seed=bench&seats=azerbaijan:human`);
      await page.waitForFunction(() => (window as unknown as { __corridor?: { mapReady?: boolean } }).__corridor?.mapReady === true, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __corridor: { mapReadyAt: number } }).__corridor.mapReadyAt));
      if (i === 0) await page.waitForFunction(() => (window as unknown as { __corridor: { curtain: boolean; seat: string | null } }).__corridor.seat !== null);
      if (i === 0) worstFrame = await longestFrameDuringTurn(page);
      await page.close();
    }
    times.sort((a, b) => a - b);
    return [
      `first interactive map: median ${times[1].toFixed(0)} ms from navigation (3 loads, 1280x720, headless Chromium)`,
      worstFrame >= 0 ? `longest frame while a turn resolves: ${worstFrame.toFixed(0)} ms` : 'longest frame while a turn resolves: not measured (no end-turn hook)',
    ];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/** Ends the human's turn through the test hook while sampling frame gaps with requestAnimationFrame. */
async function longestFrameDuringTurn(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(async () => {
    type Hook = { seat: string | null; dispatch(a: unknown): { ok: boolean; error?: string } };
    const hook = (window as unknown as { __corridor: Hook }).__corridor;
    const player = hook.seat;
    if (!player) return -1;
    let worst = 0;
    let last = performance.now();
    let running = true;
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const frames = (n: number) => new Promise<void>((r) => { let k = 0; const f = () => (++k >= n ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); });
    await frames(10);
    worst = 0;
    // The bots answer and resolve synchronously inside dispatch: that is the frame we measure.
    hook.dispatch({ type: 'endDiplomacy', player });
    await frames(3);
    hook.dispatch({ type: 'submitOrders', player, orders: { invest: [], fees: {}, security: 0, intel: null } });
    await frames(30);
    running = false;
    return worst;
  });
}
