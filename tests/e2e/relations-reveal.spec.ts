// The Relations tab after the facilitator's reveal: the exact values, marked "revealed", in
// place of the player's estimates. Both at once read as two answers to one question.
import { expect, startFromLink, test } from './helpers';

test('after a reveal the Relations tab shows how others feel exactly, and no estimates', async ({ page }) => {
  await startFromLink(page, { level: 'tutorial', seed: 'relations-1', humans: ['georgia'] });
  await page.getByRole('tab', { name: /Relations/ }).click();
  const others = await page.evaluate(() => Object.keys(window.__corridor.view()!.perceived!));
  expect(others.length).toBeGreaterThan(1);
  await expect(page.getByTestId('perceived').locator('li')).toHaveCount(others.length);
  await expect(page.getByTestId('revealed-towards-you')).toHaveCount(0);

  await page.getByTestId('menu-button').click();
  await page.getByTestId('menu-facilitator').click();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('facilitator-dialog').getByTestId('facilitator-reveal').click();
  await expect(page.getByText(/Every animosity is revealed/)).toBeVisible();
  await page.getByRole('tab', { name: /Relations/ }).click();

  const m = await page.evaluate(() => window.__corridor.view()!.animosity!);
  await expect(page.getByTestId('perceived'), 'no estimates beside the exact values').toHaveCount(0);
  await expect(page.getByText('How others feel about you — revealed')).toBeVisible();
  const rows = page.getByTestId('revealed-towards-you').locator('li');
  // Each state and force towards Georgia, most hostile first, to the point.
  const exact = others.map((id) => m[id].georgia).sort((a, b) => b - a).map(String);
  await expect(rows.locator('.rel-label')).toHaveText(exact);
  await expect(rows.filter({ hasText: 'Kazakhstan' }).locator('.rel-label')).toHaveText(String(m.kazakhstan.georgia));
  await expect(page.getByText('All animosities (revealed)')).toBeVisible();
});
