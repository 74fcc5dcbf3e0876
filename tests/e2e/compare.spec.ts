// The class's games side by side: several replay files chosen at once on the start screen,
// one row a game, the files that are not replays named with why, the table as CSV.
import { readFileSync } from 'node:fs';
import { expect, test, waitForBoot } from './helpers';

test('a teacher compares the groups’ games from their replay files', async ({ page }) => {
  await page.goto('./');
  await waitForBoot(page);
  await expect(page.getByTestId('compare-files-button')).toHaveText('Compare games…');
  const file = (name: string) => ({ name, mimeType: 'application/json', buffer: readFileSync(`tests/golden/${name}`) });
  await page.getByTestId('compare-files').setInputFiles([
    file('tutorial-golden-1.replay.json'),
    file('tutorial-golden-2.replay.json'),
    file('no-peace-golden-1.replay.json'),
    { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') },
  ]);
  const d = page.getByTestId('compare-dialog');
  await expect(d).toBeVisible();
  // One table a level, one row a game.
  await expect(d.getByTestId('compare-tutorial').getByTestId('compare-row')).toHaveCount(2);
  await expect(d.getByTestId('compare-no-peace').getByTestId('compare-row')).toHaveCount(1);
  await expect(d.getByTestId('compare-tutorial')).toContainText('tutorial-golden-1.replay.json');
  await expect(d.getByTestId('compare-tutorial')).toContainText('seed golden-2');
  // Golden games are played to the end: agendas are public, first places are counted.
  await expect(d.getByTestId('compare-tutorial')).toContainText(/(\d|place\))(met|missed)/);
  const firsts = await d.getByTestId('compare-tutorial').locator('[data-testid^="compare-wins-"]').allTextContents();
  expect(firsts.reduce((n, t) => n + Number(t.split(' ')[0]), 0)).toBeGreaterThanOrEqual(2);
  // The file that is not a replay, named with why; the others were compared all the same.
  await expect(d.getByTestId('compare-failed')).toContainText('notes.json:');
  const [csv] = await Promise.all([page.waitForEvent('download'), d.getByTestId('compare-csv-tutorial').click()]);
  expect(csv.suggestedFilename()).toBe('compare-tutorial.csv');
  const text = readFileSync((await csv.path())!, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect(text).toHaveLength(3);
  expect(text[1]).toMatch(/^tutorial-golden-1\.replay\.json,golden-1,8 of 8,/);
  await d.getByTestId('compare-close').click();
  await expect(d).toHaveCount(0);
});

test('replay files dropped on the page together are compared', async ({ page }) => {
  await page.goto('./');
  await waitForBoot(page);
  const texts = ['tutorial-golden-1.replay.json', 'tutorial-golden-2.replay.json'].map((n) => [n, readFileSync(`tests/golden/${n}`, 'utf8')]);
  const dt = await page.evaluateHandle((files) => {
    const d = new DataTransfer();
    for (const [name, text] of files) d.items.add(new File([text], name, { type: 'application/json' }));
    return d;
  }, texts);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('compare-tutorial').getByTestId('compare-row')).toHaveCount(2);
});
