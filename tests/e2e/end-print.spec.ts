// The end screen's print layout is a handout: on paper it must say which level the game was.
import { expect, playByDispatch, startFromLink, test } from './helpers';

test('the printed end screen names the level', async ({ page }) => {
  await startFromLink(page, { level: 'tutorial', seed: 'print-1', humans: ['georgia'] });
  await playByDispatch(page);
  await expect(page.getByTestId('end-screen')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('end-screen').locator('.kicker')).toBeVisible();
  await expect(page.getByTestId('end-screen').locator('.kicker')).toContainText('Tutorial: across the Caspian');
});
