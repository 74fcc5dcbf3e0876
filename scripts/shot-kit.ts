// Shared pieces of the screenshot scripts: serve dist/ with vite preview, launch Debian's
// Chromium as the browser tests do, and play a game to its end through the test hook.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';

export async function waitForServer(url: string, ms = 15000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

/** vite preview run with node itself (not through npx), so that kill() stops the server. */
export function startPreview(port: number): ChildProcess {
  return spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-gl=angle', '--use-angle=swiftshader'],
  });
}

/** Waits until the bots have stopped moving (they move in slices across frames after every action). */
export async function botsIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.__corridor.idle());
}

/** Plays on through the test hook until the game ends (the shown human accepts, orders empty). */
export async function playToEnd(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const c = window.__corridor;
    await c.idle(); // the bots move in slices across frames: wait for them after every action
    for (let guard = 0; guard < 2000 && c.screen === 'game' && c.phase !== 'ended'; guard++) {
      if (c.curtain) {
        c.confirmCurtain();
        await c.idle();
      }
      const v = c.view();
      const me = c.seat;
      if (!v || !me) break;
      if (v.phase === 'diplomacy') {
        const p = v.proposals.find((x) => x.status === 'open' && x.responses[me] === 'pending');
        if (p) c.dispatch({ type: 'respond', player: me, proposal: p.id, accept: true });
        else c.dispatch({ type: 'endDiplomacy', player: me });
      } else if (v.phase === 'orders') {
        c.dispatch({ type: 'submitOrders', player: me, orders: { invest: [], fees: {}, security: 0, intel: null } });
      }
      await c.idle();
    }
  });
}
