// The report's causes stand on their own under their entry: a "because" put before every
// one read "because owners: …", "because reputation -2".
import { clickAction, expect, finishDiplomacyViaUi, startFromLink, submitOrdersViaUi, test } from './helpers';

test('the turn report lists causes as they are written, with no "because" before them', async ({ page }) => {
  await startFromLink(page, { level: 'tutorial', seed: 'causes-1', humans: ['georgia'] });
  // A summit: its attendees read why its mood went as it did (or why it failed at home).
  await page.getByTestId('tab-diplomacy').click();
  await page.getByTestId('kind-summit').click();
  await page.getByTestId('summit-attendee-azerbaijan').check();
  await clickAction(page, page.getByTestId('send-proposal'));
  await finishDiplomacyViaUi(page);
  await submitOrdersViaUi(page);
  await page.waitForFunction(() => window.__corridor.turn === 2);
  await page.getByTestId('tab-news').click();
  const causes = page.getByTestId('news').locator('.causes li');
  await expect(causes.first()).toBeVisible();
  for (const text of await causes.allTextContents()) expect(text).not.toMatch(/^because/);
  await expect(page.getByTestId('news').locator('.because')).toHaveCount(0);
});
