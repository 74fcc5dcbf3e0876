// The proposal builder's lists of states (pact members, pledgers, summit attendees): every
// state ticked is a party. Each tick used to replace the one before, so a summit "with
// Armenia and Georgia" went out with Georgia alone and nothing said so.
import { clickAction, expect, startFromLink, test } from './helpers';

interface Sent { action: { type: string; player: string; terms?: Record<string, unknown> } }

test('a summit, a security pact and a power pledge go out with every state ticked', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'parties-1', humans: ['azerbaijan'] });
  await page.getByTestId('tab-diplomacy').click();
  const sent = async () => ((await page.evaluate(() => window.__corridor.actions())) as Sent[])
    .filter((a) => a.action.type === 'propose' && a.action.player === 'azerbaijan')
    .map((a) => a.action.terms!);

  await page.getByTestId('kind-summit').click();
  await page.getByTestId('summit-attendee-armenia').check();
  await page.getByTestId('summit-attendee-georgia').check();
  await page.getByTestId('summit-attendee-turkiye').check();
  await page.getByTestId('summit-attendee-turkiye').uncheck(); // and a change of mind
  await expect(page.getByTestId('summit-attendee-armenia')).toBeChecked();
  await clickAction(page, page.getByTestId('send-proposal'));
  expect((await sent()).at(-1)).toMatchObject({ kind: 'summit' });
  expect([...((await sent()).at(-1)!.attendees as string[])].sort()).toEqual(['armenia', 'azerbaijan', 'georgia']);

  await page.getByTestId('kind-securityPact').click();
  await page.getByTestId('pact-member-georgia').check();
  await page.getByTestId('pact-member-turkiye').check();
  await clickAction(page, page.getByTestId('send-proposal'));
  expect((await sent()).at(-1)).toMatchObject({ kind: 'securityPact', members: ['azerbaijan', 'georgia', 'turkiye'] });

  await page.getByTestId('kind-powerPledge').click();
  await page.getByTestId('pledger-kazakhstan').check();
  await page.getByTestId('pledger-turkmenistan').check();
  await clickAction(page, page.getByTestId('send-proposal'));
  const pledge = (await sent()).at(-1)!;
  expect(pledge).toMatchObject({ kind: 'powerPledge' });
  expect([...(pledge.pledgers as string[])].sort()).toEqual(['azerbaijan', 'kazakhstan', 'turkmenistan']);
});
