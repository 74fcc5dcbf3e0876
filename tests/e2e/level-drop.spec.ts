// Modding in the browser: a level file dropped on the start screen is checked like the
// CLI checks it; with errors it replaces nothing, once valid it can be chosen and played.
import { readFileSync } from 'node:fs';
import { expect, test, waitForBoot } from './helpers';

async function drop(page: import('@playwright/test').Page, name: string, text: string): Promise<void> {
  const dt = await page.evaluateHandle(([n, t]) => {
    const d = new DataTransfer();
    d.items.add(new File([t], n, { type: 'application/json' }));
    return d;
  }, [name, text] as const);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

test('a dropped level with a mistake shows the finding; a fixed one becomes playable', async ({ page }) => {
  await page.goto('./');
  await waitForBoot(page);
  const broken = readFileSync('tests/levels-broken/agenda-unknown-stage.json', 'utf8');
  await drop(page, 'mine.json', broken);
  const findings = page.getByTestId('level-findings');
  await expect(findings).toContainText('mine.json');
  // The very line `npm run -s validate -- mine.json` prints.
  await expect(findings.locator('li')).toHaveText(['mine.json: $.states[3].agendas[0].stage: unknown peace stage "signed" (line 118, column 20)']);
  await expect(findings).toContainText('the level chosen before stays selected');
  await expect(page.getByTestId('copy-link'), 'a shipped level has a game link').toBeVisible();
  await expect(page.locator('input[name="level"][value="middle-corridor"]'), 'nothing was replaced').toBeChecked();

  const fixed = readFileSync('tests/levels-modding/tutorial-from-docs.json', 'utf8');
  const id = JSON.parse(fixed).id as string;
  await drop(page, 'mine.json', fixed);
  await expect(page.locator(`input[name="level"][value="${id}"]`)).toBeChecked();
  // A game link could not find a level from a file: no such link is offered, and the hint says what to send.
  await expect(page.getByTestId('copy-link')).toHaveCount(0);
  await expect(page.getByTestId('file-level-link')).toContainText('has no game link');
  await page.getByTestId('start-game').click();
  await page.waitForFunction(() => window.__corridor.screen === 'game' && window.__corridor.turn === 1);
  expect(await page.evaluate(() => window.__corridor.levelId)).toBe(id);
});
