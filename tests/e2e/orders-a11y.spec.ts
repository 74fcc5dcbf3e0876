// The Orders tab's quick-add buttons are named for a screen reader: "+10" alone says neither
// what it adds nor to which segment.
import { expect, finishDiplomacyViaUi, startFromLink, test } from './helpers';

test('the +10 and +50 investment buttons say what they add and where', async ({ page }) => {
  await startFromLink(page, { level: 'tutorial', seed: 'orders-a11y-1', humans: ['georgia'] });
  await finishDiplomacyViaUi(page);
  await page.getByTestId('tab-orders').click();
  const name = await page.evaluate(() => window.__corridor.view()!.segments.find((s) => s.id === 'anaklia-port')!.name);
  for (const more of [10, 50]) {
    const add = page.getByRole('button', { name: `+${more}: invest $${more}M more in ${name}`, exact: true });
    await expect(add).toBeVisible();
    await add.click();
  }
  await expect(page.getByTestId('invest-anaklia-port')).toHaveValue('60');
  const rows = page.locator('.invest-row:not(.disabled)');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    const seg = (await row.locator('.invest-name label').textContent())!;
    for (const more of [10, 50]) await expect(row.locator('button', { hasText: new RegExp(`^\\+${more}$`) })).toHaveAccessibleName(`+${more}: invest $${more}M more in ${seg}`);
  }
});
