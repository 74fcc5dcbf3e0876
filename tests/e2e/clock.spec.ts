// The facilitator's clock: minutes for the phase, shown in the playing window's top bar and
// the projector window's, stopped by a pause, gone when the phase ends.
import { expect, finishDiplomacyViaUi, startFromLink, test } from './helpers';

test('the facilitator gives the class minutes for a phase; every window counts them down', async ({ page, context }) => {
  await startFromLink(page, { level: 'tutorial', seed: 'clock-1', humans: ['georgia'] });
  const clock = page.getByTestId('clock');
  await expect(clock).toBeHidden();
  const facilitator = async () => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByTestId('menu-facilitator').click();
    return page.locator('dialog[open]');
  };
  // The projector window, opened first: it shows the clock once given.
  await page.getByRole('button', { name: 'Menu' }).click();
  const [projector] = await Promise.all([context.waitForEvent('page'), page.getByTestId('menu-projector').click()]);
  await projector.waitForFunction(() => window.__corridor?.screen === 'replay');
  await page.bringToFront();

  await (await facilitator()).getByTestId('facilitator-clock-3').click();
  await expect(clock).toHaveText(/^Diplomacy: (3:00|2:5\d) left$/);
  await expect(projector.getByTestId('clock')).toHaveText(/^Diplomacy: (3:00|2:5\d) left$/);

  // More minutes, from the same controls, which now say how much is left.
  const d = await facilitator();
  await expect(d.getByTestId('facilitator-clock')).toContainText('left');
  await d.getByTestId('facilitator-clock-add').click();
  await expect(clock).toHaveText(/^Diplomacy: (5:00|4:5\d) left$/);

  // A pause stops it, in both windows.
  await (await facilitator()).getByTestId('facilitator-pause').click();
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect(projector.getByTestId('clock')).toHaveText(/\(paused\)$/);
  const during = await projector.getByTestId('clock').textContent();
  await projector.waitForTimeout(1500);
  await expect(projector.getByTestId('clock')).toHaveText(during!);
  await page.getByTestId('pause-resume').click();
  await expect(clock).not.toHaveText(/paused/);

  // Run out (the clock moved on in storage, as time would move it): "time is up", marked.
  const id = await page.evaluate(() => window.__corridor.gameId);
  await page.evaluate((key) => {
    const c = JSON.parse(localStorage.getItem(key)!);
    localStorage.setItem(key, JSON.stringify({ ...c, endsAt: Date.now() - 1000 }));
  }, `corridor.clock.${id}`);
  await expect(clock).toHaveText('Diplomacy: time is up');
  await expect(clock).toHaveClass(/\bup\b/);
  await expect(projector.getByTestId('clock')).toHaveText('Diplomacy: time is up');

  // Nothing happens at zero but the words: the game goes on, and the clock ends with the phase.
  expect(await page.evaluate(() => window.__corridor.phase)).toBe('diplomacy');
  await finishDiplomacyViaUi(page);
  await expect(clock).toBeHidden();
  await expect(projector.getByTestId('clock')).toBeHidden();
  expect(await page.evaluate((key) => localStorage.getItem(key), `corridor.clock.${id}`)).toBeNull();

  // Controls opened in one phase and used in the next (the bots moved the game on meanwhile)
  // set no clock for a phase that is over: they say so.
  await page.goto('./?level=tutorial&seed=clock-2&seats=georgia:human');
  await page.waitForFunction(() => window.__corridor?.screen === 'game' && window.__corridor.mapReady);
  await page.evaluate(() => window.__corridor.idle());
  const stale = await facilitator();
  await page.evaluate(async () => {
    const c = window.__corridor;
    for (let g = 0; g < 20 && c.phase === 'diplomacy'; g++) {
      const v = c.view()!;
      const p = v.proposals.find((x) => x.status === 'open' && x.responses.georgia === 'pending');
      c.dispatch(p ? { type: 'respond', player: 'georgia', proposal: p.id, accept: false } : { type: 'endDiplomacy', player: 'georgia' });
      await c.idle();
    }
  });
  expect(await page.evaluate(() => window.__corridor.phase)).toBe('orders');
  await stale.getByTestId('facilitator-clock-3').click();
  await expect(page.getByText(/The game has moved on to turn 1’s orders: the clock is unchanged/)).toBeVisible();
  await expect(clock).toBeHidden();

  // A new clock for the orders phase, then stopped by hand.
  await (await facilitator()).getByTestId('facilitator-clock-5').click();
  await expect(clock).toHaveText(/^Orders: (5:00|4:5\d) left$/);
  await (await facilitator()).getByTestId('facilitator-clock-stop').click();
  await expect(clock).toBeHidden();
});
