// The class's games side by side (src/ui/compare.ts): one row a game from its replay, in the
// public view, grouped by level, and the same as CSV.
import { describe, expect, it } from 'vitest';
import { compareCsv, compareGames } from '../../src/ui/compare';
import type { LevelEntry } from '../../src/ui/levels';
import { openReplayText, replayText } from '../../src/ui/replay-io';
import { botReplay, levelFile } from './fixtures';
import { runBots } from '../../src/ai/driver';
import { loadLevelData, newGame, type Action } from '../../src/sim/index';
import { readFileSync } from 'node:fs';
import { Controller } from '../../src/ui/controller';

const tutorial = levelFile('levels/tutorial.json');
const main = levelFile('levels/middle-corridor.json');
const levels: LevelEntry[] = [tutorial, main].map((level) => ({ id: level.id, file: `${level.id}.json`, source: 'shipped', level, findings: [] }));
const open = (text: string) => {
  const o = openReplayText(text, levels);
  if (!o.ok) throw new Error(o.error);
  return o.opened;
};

describe('comparing games', () => {
  const a = botReplay(tutorial, 'cmp-a');
  const b = botReplay(tutorial, 'cmp-b');
  const half = botReplay(tutorial, 'cmp-c', { turns: 3 });
  const other = botReplay(main, 'cmp-d', { turns: 2 });
  const tables = compareGames([
    { file: 'group-a.json', opened: open(replayText(a.replay)) },
    { file: 'group-b.json', opened: open(replayText(b.replay)) },
    { file: 'group-c.json', opened: open(replayText(half.replay)) },
    { file: 'other.json', opened: open(replayText(other.replay)) },
  ]);

  it('groups the games by level, in the order given, one row a game', () => {
    expect(tables.map((t) => [t.level.id, t.rows.map((r) => r.file)])).toEqual([
      ['tutorial', ['group-a.json', 'group-b.json', 'group-c.json']],
      ['middle-corridor', ['other.json']],
    ]);
    expect(tables[0].states.map((s) => s.id)).toEqual(tutorial.states.map((s) => s.id));
  });

  it('gives an ended game its final scores, winners and agendas, as the game has them', () => {
    const row = tables[0].rows[0];
    const end = a.game.state;
    expect(row.ended).toBe(true);
    expect(row.played).toBe(`${tutorial.turns} of ${tutorial.turns}`);
    expect(row.scores).toEqual(Object.fromEntries(tutorial.states.map((s) => [s.id, end.scores[s.id]])));
    const best = Math.max(...Object.values(end.scores));
    expect(row.winnerIds).toEqual(tutorial.states.map((s) => s.id).filter((id) => end.scores[id] === best));
    expect(Object.values(row.agendaMet).every((m) => typeof m === 'boolean')).toBe(true);
    expect(row.seed).toBe('cmp-a');
  });

  it('keeps an unfinished game’s secrets: running scores, no winner, no agenda', () => {
    const row = tables[0].rows[2];
    expect(row.ended).toBe(false);
    expect(row.played).toBe(`3 of ${tutorial.turns} (not finished)`);
    expect(row.winners).toEqual([]);
    expect(Object.values(row.agendaMet).every((m) => m === null)).toBe(true);
    expect(row.scores).toEqual(Object.fromEntries(tutorial.states.map((s) => [s.id, half.game.state.scores[s.id]])));
  });

  it('writes a table as CSV, one line a game', () => {
    const text = compareCsv(tables[0]);
    const lines = text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain(`${tutorial.states[0].name} score`);
    expect(lines[1].startsWith('group-a.json,cmp-a,')).toBe(true);
    expect(lines[3]).toContain('(not finished)');
  });

  it('says a game the facilitator ended early was, and counts first places among finished games only', () => {
    // Bots in every seat to turn 2, the early end, then the bots to the end (the Controller).
    const seats = Object.fromEntries(tutorial.states.map((d) => [d.id, 'bot' as const]));
    const actions: { turn: number; action: Action }[] = [];
    runBots(tutorial, newGame(tutorial, { seed: 'cmp-early', seats }), { onAction: (e) => actions.push({ turn: e.turn, action: e.action }), stopWhen: (x) => x.turn >= 2 });
    actions.push({ turn: 2, action: { type: 'endEarly', player: 'facilitator' } });
    const c = new Controller({ level: tutorial, seed: 'cmp-early', seats }, { history: actions });
    expect(c.ended).toBe(true);
    const [t] = compareGames([
      { file: 'early.json', opened: open(replayText(c.record())) },
      { file: 'half.json', opened: open(replayText(half.replay)) },
    ]);
    expect(t.rows[0].played).toBe(`2 of ${tutorial.turns} (ended early)`);
    expect(t.rows[0].ended).toBe(true);
    expect(t.rows[1].ended).toBe(false);
  });

  it('puts two versions of one level in two tables, each named apart', () => {
    // The tutorial with one more turn: the same id, another content hash.
    const data = JSON.parse(readFileSync('levels/tutorial.json', 'utf8')) as { turns: number };
    data.turns += 1;
    const r = loadLevelData(data);
    if (!r.ok) throw new Error('the modified tutorial does not load');
    const modified = r.level;
    expect(modified.hash).not.toBe(tutorial.hash);
    const both: LevelEntry[] = [...levels, { id: 'tutorial', file: 'tutorial-longer.json', source: 'file', level: modified, findings: [] }];
    const openIn = (text: string) => {
      const o = openReplayText(text, both);
      if (!o.ok) throw new Error(o.error);
      return o.opened;
    };
    const tables = compareGames([
      { file: 'a.json', opened: openIn(replayText(a.replay)) },
      { file: 'longer.json', opened: openIn(replayText(botReplay(modified, 'cmp-e', { turns: 1 }).replay)) },
    ]);
    expect(tables.map((t) => [t.key, t.modified, t.rows.length])).toEqual([
      [`tutorial-${tutorial.hash}`, true, 1],
      [`tutorial-${modified.hash}`, true, 1],
    ]);
    // Alone, a level's table has its id only.
    expect(compareGames([{ file: 'a.json', opened: open(replayText(a.replay)) }])[0]).toMatchObject({ key: 'tutorial', modified: false });
  });
});
