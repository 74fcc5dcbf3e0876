// The proposal builder offers only what the sim would take from this player: no segment with
// nothing left to fund, no peace step from a state that is no party to the track (the sim
// refused both after the player had filled the form in).
import { expect, startFromLink, test } from './helpers';

test('Georgia is offered deals on segments that need money, and no peace step', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'offer-1', humans: ['georgia'] });
  await page.getByTestId('tab-diplomacy').click();
  await expect(page.getByTestId('kind-segmentDeal')).toBeVisible();
  await expect(page.getByTestId('kind-peaceStep'), 'Georgia is no party to the peace track').toHaveCount(0);
  const options = await page.getByTestId('deal-segment').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toContain('anaklia-port');
  expect(options).toContain('tbilisi-poti');
  for (const id of ['dostyk-moyinty', 'horadiz-aghband', 'kars-dilucu']) expect(options, `${id} has nothing left to fund`).not.toContain(id);
});
