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

  // A new clock for the orders phase, then stopped by hand.
  await (await facilitator()).getByTestId('facilitator-clock-5').click();
  await expect(clock).toHaveText(/^Orders: (5:00|4:5\d) left$/);
  await (await facilitator()).getByTestId('facilitator-clock-stop').click();
  await expect(clock).toBeHidden();
});
