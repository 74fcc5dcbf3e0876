// `sim --seeds N`: many games, each the very game `sim --seed` plays, and a summary that
// adds them up. The CLI is spawned once for its JSON and once for a refused flag.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { batchSeeds, formatBatch, playBatch, summarise, type BatchGame, type BatchSummary } from '../../src/cli/batch';
import { parseLevelText, type LoadedLevel } from '../../src/sim/index';
import { runTool } from '../harness/cli';

function load(file: string): LoadedLevel {
  const r = parseLevelText(readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load`);
  return r.level;
}
const tutorial = load('levels/tutorial.json');

const sim = (args: string[]) => runTool('sim', args);
const json = sim(['--seeds', '4', '--level', 'levels/tutorial.json', '--seed', 'b', '--json']);
const refused = sim(['--seeds', '4', '--view', 'public']);
// More games than processes and chunks, so that the children interleave.
const forked = sim(['--seeds', '20', '--jobs', '3', '--level', 'levels/tutorial.json', '--seed', 'f', '--json']);
const jobsAlone = sim(['--jobs', '2']);

describe('sim --seeds N', () => {
  const seeds = batchSeeds('t', 6);
  const games = playBatch(tutorial, seeds, tutorial.turns);

  it('plays seeds PREFIX-1 ... PREFIX-N, each the game a single run plays', () => {
    expect(seeds).toEqual(['t-1', 't-2', 't-3', 't-4', 't-5', 't-6']);
    for (const g of games) {
      const one = autoplay(tutorial, { seed: g.seed });
      expect(g.finalHash).toBe(one.checkpoints[one.checkpoints.length - 1].hash);
      expect(g.scores).toEqual(one.state.scores);
    }
  });

  it('adds them up: wins, mean scores, agendas met, the collective outcome', () => {
    const sum = summarise(tutorial, games);
    expect(sum.games).toBe(6);
    // A shared first place counts 1/k of a win in the win share, so the shares add up to the games.
    expect(Object.values(sum.winShare).reduce((a, b) => a + b, 0)).toBeCloseTo(6, 1);
    const alone = games.filter((g) => g.winners.length === 1).length;
    expect(Object.values(sum.wins).reduce((a, b) => a + b, 0)).toBe(alone);
    expect(Object.values(sum.sharedGames).reduce((a, b) => a + b, 0)).toBe(6 - alone);
    for (const st of tutorial.states) {
      expect(sum.meanScore[st.id]).toBe(Math.round(games.reduce((a, g) => a + g.scores[st.id], 0) / 6));
      expect(sum.agendaMet[st.id]).toBe(games.filter((g) => g.agendaMet[st.id]).length);
    }
    expect(sum.meanThroughput).toBe(Math.round(games.reduce((a, g) => a + g.throughput, 0) / 6));
    const text = formatBatch(tutorial, seeds, tutorial.turns, sum, 1.5);
    expect(text).toContain('6 game(s), seeds "t-1" … "t-6"');
    for (const st of tutorial.states) expect(text).toMatch(new RegExp(`^${st.name} +${sum.wins[st.id]} `, 'm'));
  });

  it('counts peace stages named like Object members ("__proto__", "constructor") as any other name', () => {
    const data = JSON.parse(readFileSync('levels/middle-corridor.json', 'utf8')) as { peaceTrack: { stages: { name: string }[] } };
    data.peaceTrack.stages[0].name = '__proto__';
    data.peaceTrack.stages[1].name = 'constructor';
    const r = parseLevelText(JSON.stringify(data));
    if (!r.ok) throw new Error('the renamed level does not load');
    const played = playBatch(r.level, batchSeeds('p', 3), 1);
    const text = formatBatch(r.level, batchSeeds('p', 3), 1, summarise(r.level, played), 1);
    const line = text.split('\n').find((l) => l.includes('ended at'))!;
    expect(line).not.toMatch(/NaN|object Object|native code/);
    const counted = [...line.matchAll(/" (\d+) \(/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counted).toBe(3);
  });

  it('prints the games and the summary as one JSON object', async () => {
    const r = await json;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { level: string; games: BatchGame[]; summary: BatchSummary };
    expect(out.level).toBe('tutorial');
    expect(out.games.map((g) => g.seed)).toEqual(['b-1', 'b-2', 'b-3', 'b-4']);
    expect(out.summary.games).toBe(4);
    expect(out.games[2].finalHash).toBe(playBatch(tutorial, ['b-3'], tutorial.turns)[0].finalHash);
  });

  it('refuses the one-game flags with a message and usage', async () => {
    const r = await refused;
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('--seeds plays many games: --view is for one game');
    expect(r.stderr).toContain('npm run -s sim -- --seeds N [--jobs J] [--level FILE]');
  });

  it('plays the same games in child processes (--jobs), in seed order', async () => {
    const r = await forked;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { games: BatchGame[]; summary: BatchSummary };
    const seeds = batchSeeds('f', 20);
    const here = playBatch(tutorial, seeds, tutorial.turns);
    expect(out.games).toEqual(here);
    expect(out.summary).toEqual(summarise(tutorial, here));
  });

  it('refuses --jobs without --seeds', async () => {
    const r = await jobsAlone;
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('--jobs is for --seeds (many games)');
  });
});
