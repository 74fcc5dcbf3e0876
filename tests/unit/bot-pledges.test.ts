// The baseline bot's power-line pledges: where a stage it hosts can still be funded and built
// before the game ends, it asks for what the stage needs, shared with the stage's other hosts,
// each within what that state accepts; where it cannot, a token pledge. Before, every pledge
// was a fortieth of the proposer's treasury a turn, and no bot game ever energised the line.
import { describe, expect, it } from 'vitest';
import { diplomacyChoices } from '../../src/ai/bot';
import { autoplay } from '../../src/ai/autoplay';
import { loadLevelData, newGame, viewFor, type LoadedLevel } from '../../src/sim/index';
import { readFileSync } from 'node:fs';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');

function pledgeOf(level: LoadedLevel, seed: string, who: 'kazakhstan') {
  const v = viewFor(level, newGame(level, { seed }), who);
  const c = diplomacyChoices(v, level.params.maxProposalsPerTurn).find((x) => x.action.type === 'propose' && x.action.terms.kind === 'powerPledge');
  if (!c || c.action.type !== 'propose' || c.action.terms.kind !== 'powerPledge') throw new Error('no pledge proposed');
  return c.action.terms;
}

describe('power-line pledges', () => {
  it('ask for what a stage still needs, from its hosts, in time to build it', () => {
    const t = pledgeOf(tutorial, 'pledge-1', 'kazakhstan');
    const stage = tutorial.powerLine!.stages.find((s) => s.id === t.stage)!;
    expect(t.stage).toBe('pl-caspian');
    expect([...t.pledgers].sort()).toEqual([...stage.hosts].sort());
    expect(t.perTurn * t.turns * t.pledgers.length).toBeGreaterThanOrEqual(stage.cost);
    // Paid on turns 1..turns; a stage builds from the turn it is funded, so it is done by then + buildTurns - 1.
    expect(t.turns + stage.buildTurns - 1).toBeLessThanOrEqual(tutorial.turns);
  });

  it('are a token where the stage cannot be built before the game ends', () => {
    const data = JSON.parse(readFileSync('levels/tutorial.json', 'utf8'));
    data.powerLine.stages[0].buildTurns = 9; // funded on turn 1 at the earliest, it would be done on turn 9, after the last
    const r = loadLevelData(data);
    if (!r.ok) throw new Error('edited tutorial does not load');
    const t = pledgeOf(r.level, 'pledge-1', 'kazakhstan');
    expect(t.perTurn).toBe(Math.floor(800 / 40)); // Kazakhstan's treasury / 40, as before
    expect(t.turns).toBe(3);
  });

  it('never ask a keen state for more than it has left to spend this turn', () => {
    const data = JSON.parse(readFileSync('levels/tutorial.json', 'utf8'));
    data.states.find((s: { id: string }) => s.id === 'azerbaijan').treasury = 0; // its 60% of income is $60M
    const r = loadLevelData(data);
    if (!r.ok) throw new Error('edited tutorial does not load');
    const level = r.level;
    for (const seed of ['pledge-1', 'pledge-2', 'pledge-3']) {
      const s = newGame(level, { seed });
      const az = viewFor(level, s, 'kazakhstan').states.find((x) => x.id === 'azerbaijan')!; // after turn 1's news
      const t = pledgeOf(level, seed, 'kazakhstan');
      if (t.pledgers.includes('azerbaijan')) expect(t.perTurn, seed).toBeLessThanOrEqual(az.treasury);
    }
  });

  it('energise the tutorial\'s line in some bot games, with no move refused', () => {
    let energised = 0;
    for (let i = 0; i < 20; i++) {
      const g = autoplay(tutorial, { seed: `line-${i}` });
      if (g.state.powerEnergisedTurn !== null) energised += 1;
      expect(g.refused).toEqual([]);
    }
    expect(energised).toBeGreaterThanOrEqual(5);
  });
});
