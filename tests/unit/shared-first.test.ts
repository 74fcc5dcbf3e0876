// States tied on the highest final score share first place: the sim names them all
// (winnersOf, the view's `winners`), the end screen says so, the debrief files mark each,
// and `sim --seeds` counts a shared first as shared, not as a win for the state listed first.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { formatBatch, summarise, type BatchGame } from '../../src/cli/batch';
import { viewFor, winnerOf, winnersOf } from '../../src/sim/index';
import { debriefJson, scoresCsv } from '../../src/ui/debrief';
import { winnerText } from '../../src/ui/screens/end';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');
const ended = (seed: string) => autoplay(tutorial, { seed }).state;

describe('a tie for first place', () => {
  // Bot games on the tutorial: seed corridor-10 ends Kazakhstan 97, Georgia 97, Azerbaijan 96;
  // corridor-1 ends all three on 97; corridor-8 has one winner.
  const two = ended('corridor-10');
  const three = ended('corridor-1');

  it('is shared by every state on the highest score, in level order', () => {
    expect(winnersOf(tutorial, two)).toEqual(['kazakhstan', 'georgia']);
    expect(winnersOf(tutorial, three)).toEqual(['kazakhstan', 'azerbaijan', 'georgia']);
    expect(winnerOf(tutorial, three)).toBe('kazakhstan'); // kept: the first of the winners
    const v = viewFor(tutorial, three, 'public');
    expect(v.winners).toEqual(['kazakhstan', 'azerbaijan', 'georgia']);
  });

  it('reads as a shared first place on the end screen, not as a win for the state listed first', () => {
    expect(winnerText(viewFor(tutorial, three, 'public'))).toBe(`Kazakhstan, Azerbaijan and Georgia share first place (${three.scores.georgia} points each)`);
    expect(winnerText(viewFor(tutorial, two, 'georgia'))).toBe(`Kazakhstan and Georgia share first place (${two.scores.georgia} points each)`);
    const alone = autoplay(tutorial, { seed: 'corridor-8' }).state;
    const w = winnersOf(tutorial, alone);
    expect(w.length).toBe(1);
    expect(winnerText(viewFor(tutorial, alone, 'public'))).toBe(`${tutorial.states.find((s) => s.id === w[0])!.name} wins`);
  });

  it('marks every state sharing first as a winner in the debrief files', () => {
    const v = viewFor(tutorial, two, 'facilitator');
    const rows = scoresCsv(v).slice(1).split('\r\n').filter(Boolean).map((r) => r.split(','));
    expect(rows.filter((r) => r[3] === 'true').map((r) => r[1]).sort()).toEqual(['Georgia', 'Kazakhstan']);
    const doc = JSON.parse(debriefJson(tutorial, v)) as { winner: string; winners: string[] };
    expect(doc.winners).toEqual(['kazakhstan', 'georgia']);
    expect(doc.winner).toBe('kazakhstan');
  });

  it('counts in a batch as shared: outright wins, shared firsts, a fractional win share and the number of tied games', () => {
    const g = (seed: string, winners: string[]): BatchGame => ({ seed, finalHash: '', winner: winners[0], winners, scores: { kazakhstan: 1, azerbaijan: 1, georgia: 1 }, agendaMet: { kazakhstan: false, azerbaijan: false, georgia: false }, throughput: 0, powerLine: false, peace: 'none' });
    const games = [g('a', ['kazakhstan', 'azerbaijan', 'georgia']), g('b', ['azerbaijan', 'georgia']), g('c', ['georgia']), g('d', ['georgia'])];
    const sum = summarise(tutorial, games);
    expect(sum.wins).toEqual({ kazakhstan: 0, azerbaijan: 0, georgia: 2 });
    expect(sum.sharedFirst).toEqual({ kazakhstan: 1, azerbaijan: 2, georgia: 2 });
    expect(sum.winShare).toEqual({ kazakhstan: 0.33, azerbaijan: 0.83, georgia: 2.83 });
    expect(sum.sharedGames).toEqual({ 2: 1, 3: 1 });
    const text = formatBatch(tutorial, ['a', 'd'], 8, sum, 1);
    expect(text).toMatch(/^State +wins +shared 1st +win share/m);
    expect(text).toMatch(/^Kazakhstan +0 +1 +8\.3% /m);
    expect(text).toMatch(/^Georgia +2 +2 +70\.8% /m);
    expect(text).toContain('2 of 4 game(s) ended with first place shared (1 two-way, 1 three-way).');
  });
});
