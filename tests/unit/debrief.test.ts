// The debrief files of the end screen: CSV a spreadsheet reads as written (quoting, UTF-8,
// no formulas from level text), one row per state / turn / animosity change, and the same
// figures as the end-of-game view.
import { describe, expect, it } from 'vitest';
import { autoplay } from '../../src/ai/autoplay';
import { viewFor, type GameState } from '../../src/sim/index';
import { animosityAtStart, animosityCsv, animosityPairsCsv, csv, csvField, debriefFiles, debriefJson, scoresCsv, turnsCsv } from '../../src/ui/debrief';
import { levelFile } from './fixtures';

const main = levelFile('levels/middle-corridor.json');

/** A small RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.slice(1);
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  expect(field, 'the text ends with a line end').toBe('');
  return rows;
}

describe('debrief files', () => {
  it('quote what needs quoting and keep level text from running as a formula', () => {
    expect(csvField('Türkiye')).toBe('Türkiye');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-3 stability')).toBe("'-3 stability");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(parseCsv(csv(['x', 'y'], [['a,b', '"q"'], [1, null]]))).toEqual([['x', 'y'], ['a,b', '"q"'], ['1', '']]);
  });

  const g = autoplay(main, { seed: 'debrief-1' });
  const end = viewFor(main, g.state, main.states[0].id);

  it('give the end view’s figures: one row per state, per state and turn, per animosity change', () => {
    const scores = parseCsv(scoresCsv(end));
    expect(scores.length).toBe(1 + main.states.length);
    const winnerRow = scores.find((r) => r[3] === 'true')!;
    expect(winnerRow[1]).toBe(end.states.find((s) => s.id === end.winner)!.name);
    for (const r of scores.slice(1)) {
      const st = end.states.find((s) => s.name === r[1])!;
      expect(Number(r[4])).toBe(st.score);
      // The parts add up to the score, as on the end screen.
      expect(r.slice(5, 10).reduce((a, b) => a + Number(b), 0)).toBe(st.score);
      expect(r[15]).toBe(String(st.agenda!.met));
    }

    const turns = parseCsv(turnsCsv(main, end));
    expect(turns.length).toBe(1 + main.turns * main.states.length);
    // The last column is one figure for all pairs, repeated on each state's row: it says so.
    expect(turns[0].at(-1)).toBe('mean animosity, all pairs');
    expect(Number(turns.find((r) => r[0] === '3' && r[2] === end.states[0].name)![12])).toBe(end.history[2].meanAnimosity);
    const last = end.history[end.history.length - 1];
    const row = turns.find((r) => r[0] === String(last.turn) && r[2] === end.states[0].name)!;
    expect(row[1]).toBe('2033 H2');
    expect(Number(row[4])).toBe(last.treasury[end.states[0].id]);
    expect(Number(row[8])).toBe(Math.floor(last.throughput / 100) / 10);
    expect([Number(row[6]), Number(row[7])]).toEqual([last.security![end.states[0].id], last.reputation![end.states[0].id]]);

    const changes = parseCsv(animosityCsv(end));
    expect(end.animosityLog!.length).toBeGreaterThan(0);
    expect(changes.length).toBe(1 + end.animosityLog!.length);
    expect(changes[1][5]).toBe(end.animosityLog![0].cause);
    expect(changes[0]).toEqual(['turn', 'from', 'towards', 'change', 'new value', 'cause', 'deal']);
    // A cause that names a deal by id has the deal's terms beside it.
    const kept = changes.find((r) => /\(p\d+-\d+\)/.test(r[5]))!;
    const id = /\((p\d+-\d+)\)/.exec(kept[5])![1];
    expect(kept[6]).toBe(end.proposals.find((p) => p.id === id)!.summary);
  });

  it('give each state’s security and reputation as each turn’s resolution left them', () => {
    // The tutorial's news never changes either, so a state after a turn (next turn's news
    // dealt) holds them as the resolution left them; on the default level only the last turn's does.
    const tutorial = levelFile('levels/tutorial.json');
    const states: GameState[] = [];
    const game = autoplay(tutorial, { seed: 'debrief-2', onCheckpoint: (t, st) => (states[t] = st) });
    const last = viewFor(tutorial, game.state, 'public');
    const turns = parseCsv(turnsCsv(tutorial, last));
    expect(turns[0].slice(5, 8)).toEqual(['stability', 'security', 'reputation']);
    const seen = new Set<string>();
    for (let t = 1; t <= tutorial.turns; t++) {
      for (const p of tutorial.states) {
        const row = turns.find((r) => r[0] === String(t) && r[2] === p.name)!;
        const player = states[t].players[p.id];
        expect([Number(row[6]), Number(row[7])]).toEqual([player.security, player.reputation]);
        seen.add(`${row[6]}/${row[7]}`);
      }
    }
    expect(seen.size, 'the figures differ between states and turns').toBeGreaterThan(3);
    const mainRows = parseCsv(turnsCsv(main, end));
    for (const p of main.states) {
      const row = mainRows.find((r) => r[0] === String(main.turns) && r[2] === p.name)!;
      expect([Number(row[6]), Number(row[7])]).toEqual([g.state.players[p.id].security, g.state.players[p.id].reputation]);
    }
    const doc = JSON.parse(debriefJson(main, end)) as { history: { turn: number; security: Record<string, number>; reputation: Record<string, number> }[] };
    expect(doc.history[main.turns - 1].reputation[main.states[2].id]).toBe(g.state.players[main.states[2].id].reputation);
    expect(doc.history.every((r, i) => r.security[main.states[0].id] === end.history[i].security![main.states[0].id])).toBe(true);
    // They are narration: out of the checkpoint hash, and absent from a game run without it.
    const quiet = autoplay(main, { seed: 'debrief-1', narrate: false });
    expect(quiet.checkpoints.at(-1)).toEqual(g.checkpoints.at(-1));
    expect(viewFor(main, quiet.state, 'public').history[0].security).toBeNull();
  });

  it('give each pair’s animosity as the game drew it and as it ended, with its largest change', () => {
    // The matrix right after setup, read from the state (a test may): the view works it back from the log.
    const drawn = autoplay(main, { seed: 'debrief-1', turns: 0 }).state.animosity;
    expect(animosityAtStart(end)).toEqual(drawn);
    expect(animosityAtStart(end)).not.toEqual(end.animosity);
    const rows = parseCsv(animosityPairsCsv(end));
    expect(rows[0]).toEqual(['from', 'towards', 'as drawn', 'at the end', 'change', 'of it by drift', 'changes', 'largest other change', 'in turn', 'its cause']);
    const n = main.states.length;
    expect(rows.length).toBe(1 + n * (n - 1));
    const [a, b] = [end.states[0], end.states[1]];
    const row = rows.find((r) => r[0] === a.name && r[1] === b.name)!;
    const mine = end.animosityLog!.filter((c) => c.from === a.id && c.to === b.id);
    expect(Number(row[2])).toBe(drawn[a.id][b.id]);
    expect(Number(row[3])).toBe(end.animosity![a.id][b.id]);
    expect(Number(row[4])).toBe(mine.reduce((t, c) => t + c.delta, 0));
    expect(Number(row[5])).toBe(mine.filter((c) => c.cause === 'drift').reduce((t, c) => t + c.delta, 0));
    expect(Number(row[6])).toBe(mine.length);
    // The largest change of a cause other than drift, with its turn and cause, as logged.
    const others = end.animosityLog!.filter((c) => c.cause !== 'drift');
    const biggest = Math.max(...others.map((c) => Math.abs(c.delta)));
    const top = rows.find((r) => r[7] !== '' && Math.abs(Number(r[7])) === biggest)!;
    expect(others.some((c) => c.cause === top[9] && c.delta === Number(top[7]) && String(c.turn) === top[8])).toBe(true);
    expect(rows.slice(1).every((r) => r[9] !== 'drift')).toBe(true);
    // A viewer who may not see the matrix gets a table with no rows, not guesses.
    const mid = autoplay(main, { seed: 'debrief-1', turns: 3 });
    const player = viewFor(main, mid.state, main.states[0].id);
    expect(animosityAtStart(player)).toBeNull();
    expect(parseCsv(animosityPairsCsv(player)).length).toBe(1);
  });

  it('exist only for a finished game, and the JSON holds every hidden value', () => {
    const mid = autoplay(main, { seed: 'debrief-1', turns: 3 });
    expect(debriefFiles(main, viewFor(main, mid.state, 'facilitator'))).toBeNull();
    const files = debriefFiles(main, end)!;
    expect(files.scores.name).toBe('corridor-middle-corridor-debrief-1-scores.csv');
    const doc = JSON.parse(debriefJson(main, end));
    expect(doc.format).toBe('corridor-debrief');
    expect(doc.animosity).toEqual(end.animosity);
    expect(doc.animosityAtStart).toEqual(animosityAtStart(end));
    expect(files.pairs.name).toBe('corridor-middle-corridor-debrief-1-animosity-pairs.csv');
    expect(doc.animosityLog.length).toBe(end.animosityLog!.length);
    expect(doc.states.map((s: { id: string }) => s.id).sort()).toEqual(main.states.map((s) => s.id).sort());
    expect(doc.history.length).toBe(main.turns);
    expect(doc.deals.length).toBe(end.proposals.length);
  });
});
