// Shared helpers for the game's browser tests: a page fixture that fails the test on any
// console error, page error or failed request; starting games from links; reading the test
// hook window.__corridor; and driving a turn through the visible controls.
// The bots move in slices after a human action (the hook is `busy` until they are done and
// the screen shows the result): every read here waits for `__corridor.idle()` first.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** Collects everything that should never happen on a healthy page. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'unknown'})`));
  return problems;
}

/** `test` with a `page` that fails the test, after it ran, on any collected problem. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = collectProblems(page);
    await use(page);
    expect(problems, 'console errors, page errors or failed requests').toEqual([]);
  },
});

export interface HookState {
  screen: string;
  turn: number | null;
  phase: string | null;
  hash: string | null;
  seed: string | null;
  levelId: string | null;
  seat: string | null;
  awaiting: string | null;
  curtain: boolean;
  mapReady: boolean;
  busy: boolean;
  actionCount: number;
}

export interface LinkGame { level: string; seed: string; humans: string[] }

/** A teacher's link: `?level=ID&seed=S&seats=a:human,b:human` (unlisted seats are bots). */
export function gameLink(g: LinkGame): string {
  const q = new URLSearchParams({ level: g.level, seed: g.seed });
  return `./?${q.toString()}&seats=${g.humans.map((id) => `${encodeURIComponent(id)}:human`).join(',')}`;
}

/** Waits until the page has booted (the loading bar is gone). */
export async function waitForBoot(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__corridor !== undefined && window.__corridor.screen !== 'loading');
}

/** Waits until the bots are done and the screen shows where they left the game. */
export async function idle(page: Page): Promise<void> {
  await page.evaluate(() => window.__corridor.idle());
}

/** Opens a game link and waits for the game screen (or curtain) with the map ready and the bots done. */
export async function startFromLink(page: Page, g: LinkGame): Promise<void> {
  await page.goto(gameLink(g));
  await waitForBoot(page);
  await page.waitForFunction(() => window.__corridor.screen === 'game' && window.__corridor.mapReady);
  await idle(page);
}

/** Clicks a control that sends one action, and waits until the game has recorded it and settled. */
export async function clickAction(page: Page, control: Locator, known?: number): Promise<void> {
  const n = known ?? (await uiState(page)).actionCount;
  await control.click();
  await page.waitForFunction((k) => window.__corridor.actions().length > k && !window.__corridor.busy, n);
}

export interface UiState extends HookState {
  /** Ids of open proposals still waiting for the shown player's answer. */
  pending: string[];
  /** The action bar's button text ("Finish diplomacy", "Submit orders", "Waiting…"). */
  endTurn: string;
}

/** The hook plus what the visible screen offers, in one round trip (each costs a frame), once the game is idle. */
export async function uiState(page: Page): Promise<UiState> {
  return page.evaluate(async () => {
    const c = window.__corridor;
    await c.idle();
    const v = c.seat ? c.view() : null;
    const me = c.seat;
    return {
      screen: c.screen,
      turn: c.turn,
      phase: c.phase,
      hash: c.hash,
      seed: c.seed,
      levelId: c.levelId,
      seat: c.seat,
      awaiting: c.awaiting,
      curtain: c.curtain,
      mapReady: c.mapReady,
      busy: c.busy,
      actionCount: c.actions().length,
      pending: v && me ? v.proposals.filter((p) => p.status === 'open' && p.responses[me] === 'pending').map((p) => p.id) : [],
      endTurn: document.getElementById('end-turn')?.textContent ?? '',
    };
  });
}

const ERRORS = '[data-testid="toast-error"], [data-testid="proposal-error"], [data-testid="action-error"], [data-testid="orders-error"]';

/** How many refusal messages are on the page (to tell a new one from an old one). */
export async function errorCount(page: Page): Promise<number> {
  return page.evaluate((sel) => document.querySelectorAll(sel).length, ERRORS);
}

/** After an action was sent: true once the game recorded it (and settled), false if a new refusal appeared. */
export async function actedOrRefused(page: Page, known: number, errorsBefore: number): Promise<boolean> {
  const h = await page.waitForFunction(
    ([k, e, sel]) => {
      if (window.__corridor.actions().length > k) return window.__corridor.busy ? false : 'acted';
      return document.querySelectorAll(sel).length > e ? 'refused' : false;
    },
    [known, errorsBefore, ERRORS] as const,
  );
  return (await h.jsonValue()) === 'acted';
}

/**
 * Answers every proposal waiting for the shown player with the Accept/Reject buttons of
 * the Diplomacy tab: accept when `accept(id)` says so (default: always), and reject when
 * the sim refuses the acceptance (e.g. not enough money).
 */
export async function answerPendingViaUi(page: Page, accept: (id: string) => boolean = () => true): Promise<number> {
  let s = await uiState(page);
  if (!s.pending.length) return 0;
  await page.getByTestId('tab-diplomacy').click();
  let answered = 0;
  for (let guard = 0; guard < 20 && s.pending.length; guard++) {
    const id = s.pending[0];
    let moved = false;
    if (accept(id)) {
      const errors = await errorCount(page);
      await page.getByTestId(`accept-${id}`).click();
      moved = await actedOrRefused(page, s.actionCount, errors);
    }
    if (!moved) await clickAction(page, page.getByTestId(`reject-${id}`), s.actionCount);
    answered++;
    s = await uiState(page);
  }
  return answered;
}

/** The test hook's scalar fields (and the screen's offers), read in one round trip. */
export const hook = uiState;

function movedOn(a: HookState, b: HookState): boolean {
  return b.turn !== a.turn || b.phase !== a.phase || b.curtain !== a.curtain || b.seat !== a.seat || b.screen !== a.screen;
}

/**
 * Ends the shown player's diplomacy with the visible buttons: answers what is pending,
 * presses "Finish diplomacy", and answers anything still open until the phase moves on.
 */
export async function finishDiplomacyViaUi(page: Page): Promise<UiState> {
  const start = await uiState(page);
  expect(start.phase).toBe('diplomacy');
  const endTurn = page.getByTestId('end-turn');
  let s = start;
  for (let guard = 0; guard < 10; guard++) {
    if (s.pending.length) {
      await answerPendingViaUi(page);
      s = await uiState(page);
    }
    if (movedOn(start, s)) return s;
    if (/Finish diplomacy/.test(s.endTurn)) {
      await clickAction(page, endTurn, s.actionCount);
    } else if (/Answer/.test(s.endTurn)) {
      await endTurn.click(); // opens the Diplomacy tab
    } else {
      throw new Error(`diplomacy is stuck: the button says "${s.endTurn}"`);
    }
    s = await uiState(page);
    if (movedOn(start, s)) return s;
  }
  throw new Error('diplomacy did not end');
}

/** Submits the orders drafted in the Orders tab with the action bar's button. */
export async function submitOrdersViaUi(page: Page): Promise<UiState> {
  const s = await uiState(page);
  expect(s.phase).toBe('orders');
  expect(s.endTurn).toContain('Submit orders');
  await clickAction(page, page.getByTestId('end-turn'), s.actionCount);
  return uiState(page);
}

/** Presses Tab until the focused element matches `selector` (keyboard only). */
export async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Every piece of visible text that is drawn smaller than `min` px, with where it is. */
export async function smallText(page: Page, min = 14): Promise<string[]> {
  return page.evaluate((minPx) => {
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      if (el.closest('.visually-hidden, [aria-hidden="true"], script, style, option')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < minPx - 0.05) {
        const where = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
        out.add(`${where} ${px.toFixed(1)}px "${text.slice(0, 40)}"`);
      }
    }
    return [...out];
  }, min);
}

export interface DispatchPlan {
  /** Terms the shown player proposes once, in the first diplomacy phase it gets. */
  propose?: Record<string, unknown>;
  /** Invest this much in this segment whenever the sim allows it. */
  invest?: { segment: string; amount: number };
}

/**
 * Plays every human seat through the test hook (not the UI): accepts what is proposed
 * (rejects if the sim refuses), ends diplomacy, submits simple orders, confirms curtains.
 */
export async function playByDispatch(page: Page, plan: DispatchPlan = {}): Promise<void> {
  const error = await page.evaluate(async (p) => {
    const c = window.__corridor;
    const tick = () => c.idle();
    const proposed = new Set<string>();
    await tick();
    for (let guard = 0; guard < 3000; guard++) {
      if (c.phase === null || c.phase === 'ended') return null;
      if (c.curtain) {
        c.confirmCurtain();
        await tick();
        continue;
      }
      const me = c.seat;
      const v = c.view();
      if (!me || !v) return 'no seat is shown';
      const st = v.states.find((s) => s.id === me)!;
      let r: { ok: boolean; error?: string } = { ok: true };
      if (v.phase === 'diplomacy') {
        const pending = v.proposals.find((x) => x.status === 'open' && x.responses[me] === 'pending');
        if (pending) {
          r = c.dispatch({ type: 'respond', player: me, proposal: pending.id, accept: true });
          if (!r.ok) r = c.dispatch({ type: 'respond', player: me, proposal: pending.id, accept: false });
        } else if (p.propose && !proposed.has(me) && !st.diplomacyDone) {
          proposed.add(me);
          r = c.dispatch({ type: 'propose', player: me, terms: p.propose } as unknown as Parameters<typeof c.dispatch>[0]);
        } else if (!st.diplomacyDone) {
          r = c.dispatch({ type: 'endDiplomacy', player: me });
        } else return `diplomacy is stuck for ${me}`;
      } else if (v.phase === 'orders') {
        const plain = { invest: [] as { segment: string; amount: number }[], fees: {}, security: 5, intel: null };
        if (p.invest) r = c.dispatch({ type: 'submitOrders', player: me, orders: { ...plain, invest: [p.invest] } });
        if (!p.invest || !r.ok) r = c.dispatch({ type: 'submitOrders', player: me, orders: plain });
      }
      if (!r.ok) return `${me}: ${r.error}`;
      await tick();
    }
    return 'the game did not end';
  }, plan);
  expect(error, 'playing through the test hook').toBeNull();
}
