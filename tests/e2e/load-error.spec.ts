// A page whose files fail to load says so plainly and offers a reload (it used to fill the
// progress bar to 100% with grey text underneath, which looked like success).
import { expect, test } from '@playwright/test';

test('a failed load shows an error with a Reload button, and the reload recovers', async ({ page }) => {
  let fail = true;
  await page.route('**/basemap*.json', (route) => (fail ? route.abort() : route.continue()));
  await page.goto('./');
  const box = page.locator('#loading');
  await expect(box).toHaveClass(/failed/);
  await expect(box).toHaveAttribute('role', 'alert');
  await expect(page.locator('#loading-text')).toContainText('Corridor could not load its files');
  const reload = page.getByTestId('reload');
  await expect(reload).toBeFocused();
  fail = false;
  await reload.click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
});
