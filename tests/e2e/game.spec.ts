// A whole solo game on the tutorial level played through the visible controls, from the
// start screen to the end screen and "play again"; plus the page-health guard itself and
// the 14 px text floor on every screen.
import { readFileSync } from 'node:fs';
import { answerPendingViaUi, clickAction, collectProblems, expect, finishDiplomacyViaUi, hook, playByDispatch, smallText, startFromLink, submitOrdersViaUi, test, waitForBoot } from './helpers';


const SEED = 'classroom-7';

test('a solo tutorial game played through the UI reaches the end screen, and "play again" keeps the seed', async ({ page }) => {
  await page.goto('./');
  await waitForBoot(page);
  await expect(page.getByTestId('start-screen')).toBeVisible();

  // Start screen: tutorial level, a typed seed, Georgia as the one human, solo.
  await page.getByTestId('level-tutorial').click();
  await page.getByTestId('mode-solo').check();
  await page.getByTestId('play-georgia').check();
  await expect(page.getByTestId('briefing')).toContainText('Georgia');
  await page.getByTestId('seed-input').fill(SEED);
  await page.getByTestId('start-game').click();
  await page.waitForFunction(() => window.__corridor.screen === 'game' && window.__corridor.mapReady);

  const first = await hook(page);
  expect(first).toMatchObject({ levelId: 'tutorial', seed: SEED, seat: 'georgia', turn: 1, phase: 'diplomacy', curtain: false });
  await expect(page.getByTestId('me')).toContainText('Georgia');
  await expect(page.getByTestId('turn-info')).toContainText('Turn 1 of 8');
  const setupHash = ((await page.evaluate(() => window.__corridor.checkpoints())) as { hash: string }[])[0].hash;

  // Turn 1, diplomacy: send a segment deal with the builder (co-fund the Anaklia port).
  await page.getByTestId('tab-diplomacy').click();
  await expect(page.getByTestId('proposal-builder')).toBeVisible();
  await page.getByTestId('kind-segmentDeal').click();
  await page.getByTestId('deal-segment').selectOption('anaklia-port');
  await page.getByTestId('share-georgia').fill('60');
  await page.getByTestId('share-kazakhstan').fill('40');
  await page.getByTestId('share-azerbaijan').fill('0'); // whatever the form suggested
  // Each share shows what it comes to, as it is typed.
  const port = await page.evaluate(() => window.__corridor.view()!.segments.find((x) => x.id === 'anaklia-port')!);
  const dollars = (pct: number) => `≈ $${Math.floor(((port.cost - port.funded) * pct) / 100).toLocaleString('en-US')}M`;
  await expect(page.getByTestId('share-amount-georgia')).toHaveText(dollars(60));
  await expect(page.getByTestId('share-amount-kazakhstan')).toHaveText(dollars(40));
  await page.getByTestId('deal-feecap').selectOption('standard');
  await clickAction(page, page.getByTestId('send-proposal'));
  const outbox = page.getByTestId('outbox');
  await expect(outbox).toContainText('Segment deal', { ignoreCase: true });
  await expect(outbox).toContainText('Anaklia');
  const sent = (await page.evaluate(() => window.__corridor.actions())) as { action: { type: string; player: string; terms?: { kind: string; shares?: Record<string, number> } } }[];
  const proposal = sent.find((a) => a.action.type === 'propose' && a.action.player === 'georgia');
  expect(proposal?.action.terms).toMatchObject({ kind: 'segmentDeal', shares: { georgia: 6000, kazakhstan: 4000 } });
  // Kazakhstan (a bot) answered at once, and says why (RULES.md: the bot gives its reasons).
  const answer = sent.find((a) => a.action.type === 'respond' && a.action.player === 'kazakhstan') as { action: { accept: boolean } } | undefined;
  expect(answer).toBeDefined();
  await expect(outbox.locator('.reason')).toContainText(`Kazakhstan ${answer!.action.accept ? 'accepted' : 'rejected'}: “`);

  let investedOnce = false;
  for (let turn = 1; turn <= 8; turn++) {
    await expect(page.getByTestId('turn-info')).toContainText(`Turn ${turn} of 8`);
    const afterDiplomacy = await finishDiplomacyViaUi(page);
    expect(afterDiplomacy).toMatchObject({ turn, phase: 'orders', seat: 'georgia' });

    // The orders phase opens the Orders tab; invest through it whenever the port can take money.
    await expect(page.getByTestId('tab-orders')).toHaveAttribute('aria-selected', 'true');
    const invest = page.getByTestId('invest-anaklia-port');
    if (!investedOnce && (await invest.count()) > 0 && (await invest.isEnabled())) {
      await invest.fill('40');
      await expect(page.getByTestId('orders-total')).toHaveText('$40M');
      investedOnce = true;
    }
    await submitOrdersViaUi(page);
    if (turn < 8) {
      await page.waitForFunction((t) => window.__corridor.turn === t + 1 && window.__corridor.phase === 'diplomacy', turn);
      await expect(page.getByTestId('turn-report')).toBeVisible(); // a new turn opens its report
    }
  }
  expect(investedOnce, 'the Orders panel offered an investment at least once').toBe(true);
  const orders = ((await page.evaluate(() => window.__corridor.actions())) as { action: { type: string; player: string; orders?: { invest: { segment: string; amount: number }[] } } }[])
    .filter((a) => a.action.type === 'submitOrders' && a.action.player === 'georgia');
  expect(orders).toHaveLength(8);
  expect(orders.flatMap((o) => o.action.orders!.invest)).toContainEqual({ segment: 'anaklia-port', amount: 40 });

  // End screen: scores, the winner, and the collective outcome.
  await expect(page.getByTestId('end-screen')).toBeVisible();
  expect((await hook(page)).screen).toBe('end');
  const final = await page.evaluate(() => window.__corridor.view()!);
  expect(final.phase).toBe('ended');
  const rows = page.getByTestId('scores').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  for (const s of final.states) await expect(page.getByTestId('scores')).toContainText(s.name);
  for (const s of final.states) await expect(page.getByTestId('scores')).toContainText(String(s.score));
  const winnerName = final.states.find((s) => s.id === final.winner)?.name;
  expect(winnerName).toBeTruthy();
  // States on the highest score share first place (no tie-break by level order).
  const best = Math.max(...final.states.map((s) => s.score));
  expect(final.winners).toEqual(final.states.filter((s) => s.score === best).map((s) => s.id));
  const names = final.winners.map((id) => final.states.find((s) => s.id === id)!.name);
  await expect(page.getByTestId('winner')).toHaveText(names.length === 1 ? `${winnerName} wins` : `${names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} share first place (${best} points each)`);
  await expect(rows.first()).toContainText(winnerName!);
  const endScreen = page.getByTestId('end-screen');
  await expect(endScreen).toContainText(/Together the corridor carried [\d.]+ Mt\/yr against a target of [\d.]+ Mt\/yr/);
  await expect(endScreen).toContainText(/The power line was (energised|not energised)/);
  await expect(endScreen).toContainText('The corridor — shared goals');
  await expect(endScreen).toContainText(SEED);
  // Each score is shown as its parts, which add up to it.
  for (const st of final.states) {
    const q = final.scoreParts![st.id];
    expect(q.headStart + q.prosperity + q.stability + q.reputation + q.agenda).toBe(st.score);
  }
  await expect(page.getByTestId(`score-parts-${final.states[0].id}`)).not.toBeEmpty();
  // The debrief downloads: the final scores as CSV (UTF-8 with a byte-order mark), a row a state.
  const [scoresFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('debrief-scores').click()]);
  expect(scoresFile.suggestedFilename()).toBe(`corridor-tutorial-${SEED}-scores.csv`);
  const scoresText = readFileSync(await scoresFile.path(), 'utf8');
  const scoreLines = scoresText.replace(/^\ufeff/, '').trimEnd().split('\r\n');
  expect(scoreLines[0]).toMatch(/^rank,state,seat,winner,score,/);
  expect(scoreLines).toHaveLength(1 + final.states.length);
  expect(scoreLines[1]).toContain(`${winnerName},`);
  const [turnsFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('debrief-turns').click()]);
  const turnLines = readFileSync(await turnsFile.path(), 'utf8').trimEnd().split('\r\n');
  expect(turnLines).toHaveLength(1 + 8 * final.states.length);
  // Security and reputation after each turn (the game re-run from its moves): filled in on every row.
  expect(turnLines[0]).toContain(',stability,security,reputation,');
  for (const line of turnLines.slice(1)) expect(line.split(',').slice(5, 8).every((f) => /^-?\d+$/.test(f))).toBe(true);
  await expect(page.getByTestId('debrief-print')).toBeVisible();
  // "Look at the final map" opens the last report, not the Orders tab of a finished game.
  await page.getByTestId('view-map').click();
  await expect(page.getByTestId('tab-news')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('end-turn')).toHaveText(/See the results/);
  await page.getByTestId('end-turn').click();
  await expect(endScreen).toBeVisible();

  // Play again with the same seed: a new game from turn 1 with the same setup.
  await page.getByTestId('play-again').click();
  await page.waitForFunction(() => window.__corridor.screen === 'game' && window.__corridor.turn === 1);
  const again = await hook(page);
  expect(again).toMatchObject({ seed: SEED, levelId: 'tutorial', seat: 'georgia', turn: 1, phase: 'diplomacy' });
  const againSetup = ((await page.evaluate(() => window.__corridor.checkpoints())) as { hash: string }[])[0].hash;
  expect(againSetup, 'the same seed gives the same starting state').toBe(setupHash);
  expect(page.url()).toContain(`seed=${SEED}`);
});

test('the page-health guard catches console errors, page errors and failed requests', async ({ browser }) => {
  // Its own page: the guarded `page` fixture would (rightly) fail this test.
  const page = await browser.newPage();
  const problems = collectProblems(page);
  await page.goto('./');
  await waitForBoot(page);
  expect(problems).toEqual([]);
  await page.evaluate(() => {
    console.error('deliberate');
    setTimeout(() => {
      throw new Error('deliberate throw');
    }, 0);
    void fetch('http://127.0.0.1:9/unreachable').catch(() => undefined);
  });
  await expect.poll(() => problems.length).toBeGreaterThanOrEqual(3);
  expect(problems.join('\n')).toContain('console.error: deliberate');
  expect(problems.join('\n')).toContain('page error: deliberate throw');
  expect(problems.join('\n')).toContain('request failed: http://127.0.0.1:9/unreachable');
  await page.close();
});

test('every screen draws its text at 14 px or more at 1280x720', async ({ page }) => {
  const found: string[] = [];
  const note = async (where: string) => {
    for (const s of await smallText(page)) found.push(`${where}: ${s}`);
  };
  await page.goto('./');
  await waitForBoot(page);
  await note('start');

  await startFromLink(page, { level: 'tutorial', seed: 'font-check', humans: ['georgia', 'kazakhstan'] });
  await expect(page.getByTestId('curtain')).toBeVisible();
  await note('curtain');
  await page.getByTestId('curtain-ready').click();
  for (const [i, tab] of ['you', 'diplomacy', 'orders', 'news', 'relations', 'network'].entries()) {
    await page.keyboard.press(String(i + 1)); // the tab shortcuts: cheaper than clicks
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await note(`tab ${tab}`);
  }
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await note('help');
  await page.keyboard.press('Escape');
  await answerPendingViaUi(page);
  await playByDispatch(page);
  await expect(page.getByTestId('end-screen')).toBeVisible();
  await note('end');
  expect(found, 'text smaller than 14 px').toEqual([]);
});

test('the Orders tab says what the turn will ask for promises made, and warns when orders leave too little', async ({ page }) => {
  // Georgia accepts the bots' offers in turn 1 (a pledge among them), so its orders come with promises to keep.
  await startFromLink(page, { level: 'middle-corridor', seed: 'owed-1', humans: ['georgia'] });
  await finishDiplomacyViaUi(page);
  const owed = await page.evaluate(() => window.__corridor.view()?.owed ?? 0);
  expect(owed).toBeGreaterThan(0);
  await page.getByTestId('tab-orders').click();
  const line = page.getByTestId('orders-owed');
  await expect(line).toHaveText(`Your deals, pledges, pacts and any summit you host will ask $${owed}M after your orders are carried out.`);
  await expect(line).toHaveClass('hint');
  await expect(page.getByTestId('waiting')).toContainText(`$${owed}M of it promised.`);
  const treasury = await page.evaluate(() => window.__corridor.view()!.states.find((s) => s.id === 'georgia')!.treasury);
  await page.getByTestId('security').fill(String(treasury - Math.floor(owed / 2)));
  await expect(line).toHaveClass('warn');
  await expect(line).toContainText(`spend at most $${treasury - owed}M to keep every promise`);
  // Spending more than the treasury is said beside the Submit button too, with what happens.
  const over = page.getByTestId('orders-over');
  await expect(over).toBeHidden();
  await page.getByTestId('security').fill(String(treasury + 100));
  await expect(over).toBeVisible();
  await expect(over).toContainText(`$100M more than your treasury: security is bought first`);
});

test('the Network tab lists the sources the level cites, and a citation opens the list at it', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'sources', humans: ['azerbaijan'] });
  await page.click('[data-testid="tab-network"]');
  const sources = page.getByTestId('sources');
  await expect(sources).toBeVisible();
  expect(await sources.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  const first = page.locator('[data-testid="network"] .citations button').first();
  const id = (await first.textContent())!.trim();
  await first.click();
  expect(await sources.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  await expect(page.locator(`[id="source-${id}"]`)).toBeFocused();
  // Every source of the shipped level is a web link, opened apart from the game.
  const links = await sources.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]));
  expect(links.length).toBeGreaterThan(50);
  for (const [href, target, rel] of links) {
    expect(href).toMatch(/^https?:\/\//);
    expect(target).toBe('_blank');
    expect(rel).toContain('noopener');
  }
});

test('the Network tab sets last turn\'s cargo against that turn\'s demand, as the debrief does, not against the demand grown since', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'demand', humans: ['azerbaijan'] });
  for (let turn = 1; turn <= 2; turn++) {
    await finishDiplomacyViaUi(page);
    await submitOrdersViaUi(page);
  }
  const v = await page.evaluate(() => window.__corridor.view()!);
  const last = v.history[v.history.length - 1];
  expect(v.demand).toBeGreaterThan(last.demand); // demand grew when turn 3 began
  const mt = (kt: number) => `${kt >= 100_000 ? Math.floor(kt / 1000) : (Math.floor(kt / 100) / 10).toFixed(1)} Mt/yr`; // as src/sim/util.ts writes it
  await page.click('[data-testid="tab-network"]');
  const hint = page.locator('[data-testid="network"] > p.hint').first();
  await expect(hint).toContainText(`of that turn’s ${mt(last.demand)} East–West demand; demand now ${mt(v.demand)}`);
});

test('a new segment deal suggests a partner on the segment or next to it, not simply the first state', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'partner', humans: ['azerbaijan'] });
  await page.getByTestId('tab-diplomacy').click();
  await page.getByTestId('kind-segmentDeal').click();
  const chosen = await page.getByTestId('deal-segment').inputValue();
  const shares = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLInputElement>('[data-testid^="share-"][type="number"]')].map((i) => [i.id.replace('share-', ''), Number(i.value)])));
  const partners = Object.entries(shares).filter(([id, v]) => v > 0 && id !== 'azerbaijan').map(([id]) => id);
  expect(partners).toHaveLength(1);
  const near = await page.evaluate(({ chosen, partner }) => {
    const v = window.__corridor.view()!;
    const seg = v.segments.find((s) => s.id === chosen)!;
    const coOwner = seg.owners.some((o) => o !== 'azerbaijan');
    const neighbours = v.states.map((st) => st.id).filter((id) => id !== 'azerbaijan' && v.segments.some((s) => s.id !== seg.id && s.owners.includes(id) && [s.from, s.to].some((n) => n === seg.from || n === seg.to)));
    // Without a co-owner, the neighbour the player resents least (its own, exact feelings).
    const feel = (id: string) => v.ownAnimosity![id] ?? 0;
    const best = Math.min(...neighbours.map(feel));
    return { ok: seg.owners.includes(partner) || neighbours.includes(partner), coOwner, least: coOwner || feel(partner) === best };
  }, { chosen, partner: partners[0] });
  expect(near.ok, `${partners[0]} owns ${chosen} or a segment that meets it`).toBe(true);
  expect(near.least, `${partners[0]} is the neighbour Azerbaijan resents least`).toBe(true);
});

test('finishing diplomacy with answers still owed says they are owed, not that diplomacy is over', async ({ page }) => {
  await startFromLink(page, { level: 'middle-corridor', seed: 'partner', humans: ['azerbaijan'] });
  const pending = await page.evaluate(() => window.__corridor.view()!.proposals.filter((p) => p.status === 'open' && p.responses.azerbaijan === 'pending').length);
  expect(pending, 'the bots proposed to Azerbaijan on turn 1').toBeGreaterThan(0);
  await clickAction(page, page.getByTestId('end-turn'));
  await expect(page.getByTestId('toast').filter({ hasText: `Done proposing. Answer the ${pending} open proposal` })).toBeVisible();
  await expect(page.getByTestId('end-turn')).toHaveText(new RegExp(`Answer ${pending} proposal`));
  // The inbox says how many of its cards still wait for an answer.
  await page.getByTestId('tab-diplomacy').click();
  await expect(page.locator('#inbox-h')).toContainText(`${pending} of `);
});
