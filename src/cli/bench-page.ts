// Time from navigation to the first interactive map, and the longest frame while a turn
// resolves, in headless Chromium against the built game (vite preview on a free port).
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-swiftshader', '--use-gl=angle', '--use-angle=swiftshader'];
/** Turns whose end is measured on each page (the first one with a cold JIT). */
const TURNS = 4;

interface TurnEnd { click: 'Finish diplomacy' | 'Submit orders'; turn: number; worst: number; toInteractive: number; frames: number }

export async function firstMapTime(executablePath: string): Promise<string[]> {
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  const browser = await chromium.launch({ executablePath, args: ARGS });
  try {
    const times: number[] = [];
    const ends: TurnEnd[] = [];
    const idle: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      // tsx names functions with a __name helper; the functions we evaluate in the page need it too.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(`${url}?level=middle-corridor&seed=bench-${i}&seats=azerbaijan:human`);
      await page.waitForFunction(() => (window as unknown as { __corridor?: { mapReady?: boolean } }).__corridor?.mapReady === true, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __corridor: { mapReadyAt: number } }).__corridor.mapReadyAt));
      await page.waitForTimeout(1500); // past the first bots' moves and the first renders
      idle.push(await longestIdleFrame(page, 3000));
      for (let t = 0; t < TURNS; t++) ends.push(...(await endTurn(page)));
      await page.close();
    }
    times.sort((a, b) => a - b);
    const orders = ends.filter((e) => e.click === 'Submit orders');
    const diplomacy = ends.filter((e) => e.click === 'Finish diplomacy');
    const worst = (xs: TurnEnd[]) => Math.max(...xs.map((e) => e.worst));
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return [
      `first interactive map: median ${times[1].toFixed(0)} ms from navigation (3 loads, 1280x720, headless Chromium)`,
      `longest frame while a turn resolves: ${worst(orders).toFixed(0)} ms (worst of ${orders.length} "Submit orders" clicks, turns 1-${TURNS} on 3 pages, click to next turn interactive; median of the per-turn worst ${med(orders.map((e) => e.worst)).toFixed(0)} ms; click to interactive median ${med(orders.map((e) => e.toInteractive)).toFixed(0)} ms)`,
      `longest frame while diplomacy closes: ${worst(diplomacy).toFixed(0)} ms (worst of ${diplomacy.length} "Finish diplomacy" clicks, median ${med(diplomacy.map((e) => e.worst)).toFixed(0)} ms)`,
      `longest frame of an idle game screen: ${Math.max(...idle).toFixed(0)} ms (3 s on each of 3 pages; the map animates)`,
    ];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

interface Hook {
  seat: string | null;
  phase: string | null;
  turn: number | null;
  busy?: boolean;
  /** Absent in builds whose bots move inside the click (the figure's "before"). */
  idle?(): Promise<void>;
  view(): { proposals: { id: string; status: string; responses: Record<string, string> }[] } | null;
  dispatch(a: unknown): { ok: boolean; error?: string };
}

/** The longest gap between animation frames over `ms` of an idle game screen. */
async function longestIdleFrame(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (span) => {
    await (window as unknown as { __corridor: Hook }).__corridor.idle?.();
    let worst = 0;
    let last = performance.now();
    const end = last + span;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        if (now < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    return worst;
  }, ms);
}

/**
 * Plays one turn of the human seat: answers what is pending through the test hook (not
 * measured), then presses the action bar's button twice, "Finish diplomacy" and "Submit
 * orders", each measured from the click until the game is interactive again (the bots are
 * done and the screen shows where they left the game), plus the frame that paints it.
 */
async function endTurn(page: Page): Promise<TurnEnd[]> {
  return page.evaluate(async () => {
    const hook = (window as unknown as { __corridor: Hook }).__corridor;
    const frames = (n: number) => new Promise<void>((r) => { let k = 0; const f = () => (++k >= n ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); });
    const out: TurnEnd[] = [];
    const answerPending = async () => {
      await hook.idle?.();
      for (let guard = 0; guard < 20 && hook.phase === 'diplomacy'; guard++) {
        const me = hook.seat!;
        const p = hook.view()!.proposals.find((x) => x.status === 'open' && x.responses[me] === 'pending');
        if (!p) return;
        hook.dispatch({ type: 'respond', player: me, proposal: p.id, accept: false });
        await hook.idle?.();
      }
    };
    for (const click of ['Finish diplomacy', 'Submit orders'] as const) {
      await answerPending(); // bots may propose after the human finished diplomacy
      const button = document.getElementById('end-turn') as HTMLButtonElement | null;
      if (!button || !button.textContent?.includes(click) || button.disabled) throw new Error(`expected "${click}", the button says "${button?.textContent ?? 'nothing'}"`);
      const turn = hook.turn ?? 0;
      await frames(10); // settle into the idle rhythm first
      let worst = 0;
      let count = 0;
      let last = performance.now();
      let running = true;
      const tick = () => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        count++;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await frames(1);
      // Click from a task of its own, as a real click is: not inside the frame callback. The
      // gap counted first runs from the last frame before the click.
      await new Promise((r) => setTimeout(r, 0));
      worst = 0;
      count = 0;
      const t0 = performance.now();
      button.click();
      await hook.idle?.();
      const toInteractive = performance.now() - t0;
      await frames(2); // the frame that paints the new screen ends in the next one
      running = false;
      out.push({ click, turn, worst, toInteractive, frames: count });
    }
    return out;
  });
}
