// Keyboard-only play: from the start screen to the second turn with Tab, arrows, Enter,
// Space and the game's shortcuts (2 opens Diplomacy, E ends the phase, ? opens help).
// The page counts pointer events: any mouse or touch input fails the test.
import type { Page } from '@playwright/test';
import { actedOrRefused, errorCount, expect, tabTo, test, uiState, waitForBoot } from './helpers';


const SEED = 'keys-only-5';

async function answerPendingByKeyboard(page: Page): Promise<void> {
  for (let guard = 0; guard < 10; guard++) {
    const s = await uiState(page);
    if (!s.pending.length) return;
    await tabTo(page, `[data-testid="accept-${s.pending[0]}"]`);
    const errors = await errorCount(page);
    await page.keyboard.press('Enter');
    if (!(await actedOrRefused(page, s.actionCount, errors))) {
      // The sim refused the acceptance (the error is shown): reject it instead.
      await tabTo(page, `[data-testid="reject-${s.pending[0]}"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => window.__corridor.actions().length > k, s.actionCount);
    }
  }
}

test('one turn played with the keyboard alone', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __pointerEvents: string[] };
    w.__pointerEvents = [];
    window.__corridorBotSliceMs = 0; // the bots pause after every one of them: the focus must survive that
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'wheel']) {
      addEventListener(type, () => w.__pointerEvents.push(type), { capture: true });
    }
  });
  await page.goto('./');
  await waitForBoot(page);
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('start-game'), 'the start button has the focus').toBeFocused();
  await expect(page.locator('input[name="level"][value="middle-corridor"]'), 'the default level is chosen first').toBeChecked();

  // The tutorial is next in the list: the level radios move with the arrow keys too.
  await tabTo(page, 'input[name="level"]:checked');
  for (let i = 0; i < 5 && !(await page.locator('input[name="level"][value="tutorial"]').isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'input[name="level"]:checked');
  }
  await expect(page.locator('input[name="level"][value="tutorial"]')).toBeChecked();

  // Play Georgia: the state radios move with the arrow keys.
  await tabTo(page, 'input[name="solo-state"]:checked');
  for (let i = 0; i < 5 && !(await page.getByTestId('play-georgia').isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'input[name="solo-state"]:checked'); // the screen re-renders on change
  }
  await expect(page.getByTestId('play-georgia')).toBeChecked();
  await tabTo(page, '[data-testid="seed-input"]');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(SEED);
  await tabTo(page, '#start-game');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__corridor.screen === 'game' && window.__corridor.mapReady);
  expect(await uiState(page)).toMatchObject({ seed: SEED, seat: 'georgia', turn: 1, phase: 'diplomacy' });

  // "?" opens the help with the keys; Escape closes it.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await expect(page.getByTestId('help-dialog')).toContainText('finish diplomacy / submit orders');
  // It opens at its title (focused), with the glossary further down.
  await expect(page.locator('#help-h')).toBeFocused();
  expect(await page.getByTestId('help-dialog').evaluate((d) => d.scrollTop)).toBe(0);
  await expect(page.getByTestId('glossary')).toContainText('Mt/yr');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help-dialog')).toHaveCount(0);

  // "2" opens Diplomacy. Answer what is waiting, then propose a summit with Azerbaijan.
  await page.keyboard.press('2');
  await expect(page.getByTestId('tab-diplomacy')).toBeFocused();
  await expect(page.getByTestId('diplomacy')).toBeVisible();
  await answerPendingByKeyboard(page);
  await tabTo(page, '[data-testid="kind-summit"]');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('kind-summit')).toHaveAttribute('aria-checked', 'true');
  await tabTo(page, '[data-testid="summit-attendee-azerbaijan"]');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('summit-attendee-azerbaijan')).toBeChecked();
  await tabTo(page, '[data-testid="send-proposal"]');
  expect(
    await page.evaluate(() => {
      const el = document.activeElement!;
      return el.matches(':focus-visible') && getComputedStyle(el).outlineStyle !== 'none';
    }),
    'the focused button shows a focus ring',
  ).toBe(true);
  const beforeSend = (await uiState(page)).actionCount;
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => window.__corridor.actions().length > k, beforeSend);
  await expect(page.getByTestId('outbox')).toContainText('Summit', { ignoreCase: true });

  // "E" finishes diplomacy (answering anything that arrived meanwhile).
  for (let guard = 0; guard < 5; guard++) {
    const s = await uiState(page);
    if (s.phase !== 'diplomacy') break;
    if (s.pending.length) await answerPendingByKeyboard(page);
    else {
      await page.keyboard.press('Escape'); // keep the focus off form fields, where E is a letter
      await tabTo(page, '#end-turn');
      await page.keyboard.press('e');
      await page.waitForFunction((k) => window.__corridor.actions().length > k, s.actionCount);
    }
  }
  expect((await uiState(page)).phase).toBe('orders');
  await expect(page.getByTestId('tab-orders')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#end-turn'), 'the focus stays on the action button while the bots move and after').toBeFocused();

  // Orders: type an investment, leave the field, and press E to submit.
  await tabTo(page, '[data-testid="invest-anaklia-port"]');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('30');
  await expect(page.getByTestId('orders-total')).toHaveText('$30M');
  await page.keyboard.press('Tab');
  await page.keyboard.press('E');
  await page.waitForFunction(() => window.__corridor.turn === 2 && window.__corridor.phase === 'diplomacy');
  await expect(page.getByTestId('turn-info')).toContainText('Turn 2 of 8');

  const mine = ((await page.evaluate(() => window.__corridor.actions())) as { turn: number; action: { type: string; player: string; terms?: { kind: string; attendees?: string[] }; orders?: { invest: unknown[] } } }[])
    .filter((a) => a.action.player === 'georgia');
  expect(mine.map((a) => a.action.type)).toEqual(expect.arrayContaining(['propose', 'endDiplomacy', 'submitOrders']));
  expect(mine.find((a) => a.action.type === 'propose')?.action.terms).toMatchObject({ kind: 'summit', attendees: expect.arrayContaining(['georgia', 'azerbaijan']) });
  expect(mine.find((a) => a.action.type === 'submitOrders')?.action.orders?.invest).toEqual([{ segment: 'anaklia-port', amount: 30 }]);
  expect(await page.evaluate(() => (window as unknown as { __pointerEvents: string[] }).__pointerEvents), 'no mouse or touch input').toEqual([]);
});
