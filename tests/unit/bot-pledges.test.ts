// The baseline bot's power-line pledges: where a stage it hosts can still be funded and built
// before the game ends, it asks for what the stage needs, shared with the stage's other hosts,
// each within what that state accepts; where it cannot, a token pledge. Before, every pledge
// was a fortieth of the proposer's treasury a turn, and no bot game ever energised the line.
import { describe, expect, it } from 'vitest';
import { diplomacyChoices } from '../../src/ai/bot';
import { autoplay } from '../../src/ai/autoplay';
import { loadLevelData, newGame, viewFor, type GameState, type LoadedLevel } from '../../src/sim/index';
import { readFileSync } from 'node:fs';
import { levelFile } from './fixtures';

const tutorial = levelFile('levels/tutorial.json');

function pledgeOf(level: LoadedLevel, seed: string, who: 'kazakhstan', state: GameState = newGame(level, { seed })) {
  const v = viewFor(level, state, who);
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

  it('are a token where no stage can be built before the game ends', () => {
    const data = JSON.parse(readFileSync('levels/tutorial.json', 'utf8'));
    // Funded on turn 1 at the earliest, each would be done on turn 9, after the last.
    for (const st of data.powerLine.stages) st.buildTurns = 9;
    const r = loadLevelData(data);
    if (!r.ok) throw new Error('edited tutorial does not load');
    const t = pledgeOf(r.level, 'pledge-1', 'kazakhstan');
    expect(t.stage).toBe('pl-caspian'); // the first it is keen on
    expect(t.perTurn).toBe(Math.floor(800 / 40)); // Kazakhstan's treasury / 40, as before
    expect(t.turns).toBe(3);
  });

  it('fund a later stage in full rather than make a token pledge to one that cannot be built in time', () => {
    const data = JSON.parse(readFileSync('levels/tutorial.json', 'utf8'));
    data.powerLine.stages[0].buildTurns = 9;
    const r = loadLevelData(data);
    if (!r.ok) throw new Error('edited tutorial does not load');
    // On seed pledge-1 Kazakhstan's agenda is a green one, so it wants every stage built.
    const t = pledgeOf(r.level, 'pledge-1', 'kazakhstan');
    const stage = r.level.powerLine!.stages[1];
    expect(t.stage).toBe(stage.id);
    expect(t.perTurn * t.turns * t.pledgers.length).toBeGreaterThanOrEqual(stage.cost);
  });

  it('let a state that runs a token pledge to a stage propose the pledge that funds it', () => {
    const level = tutorial;
    let s = newGame(level, { seed: 'pledge-1' });
    const before = viewFor(level, s, 'kazakhstan');
    const stage = before.power.find((p) => p.id === 'pl-caspian')!;
    // A running token pledge of Kazakhstan's own, as another bot's token proposal leaves it.
    s = structuredClone(s);
    s.pledges.push({ id: 'test-token', state: 'kazakhstan', stage: stage.id, perTurn: 10, turnsLeft: 3, paid: 0, withheld: 0 });
    const t = pledgeOf(level, 'pledge-1', 'kazakhstan', s);
    expect(t.stage).toBe(stage.id);
    expect(t.perTurn * t.turns * t.pledgers.length + 30).toBeGreaterThanOrEqual(stage.cost);
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

  it('energise the default level\'s line in some bot games: the Black Sea stage has two hosts and an EU grant', () => {
    const level = levelFile('levels/middle-corridor.json');
    let energised = 0;
    for (let i = 0; i < 12; i++) {
      const g = autoplay(level, { seed: `line-${i}`, hashes: 'final', narrate: false });
      if (g.state.powerEnergisedTurn !== null) energised += 1;
      expect(g.refused).toEqual([]);
    }
    // 259 of 400 `sim --seeds` games; none before (Georgia alone could not fund that stage).
    expect(energised).toBeGreaterThanOrEqual(3);
  });
});
