// The class's games side by side: a teacher who ran several groups collects their replay
// files (each group's Download, or the end screen's) and sees one row a game: who won, each
// state's score, and the shared goals. Built from each game's last state in the public view
// (an unfinished game's secrets stay hidden; an ended game's agendas are public by then).
import { csv } from './debrief';
import { mt, mtValue, viewFor, type LoadedLevel } from './sim';
import type { OpenedReplay } from './replay-io';

export interface CompareGame { file: string; opened: OpenedReplay }

export interface CompareRow {
  file: string;
  seed: string;
  /** "16 of 16", or "6 of 16 (not finished)". */
  played: string;
  ended: boolean;
  humans: string[];
  /** Names, and ids, of the states in first place (several when shared); none before the end. */
  winners: string[];
  winnerIds: string[];
  /** By state id, in level order: the final score, or the running one of an unfinished game. */
  scores: Record<string, number>;
  /** By state id: its secret agenda met (true/false) once the game has ended, else null. */
  agendaMet: Record<string, boolean | null>;
  cargo: string;
  /** The same in Mt/yr, a number (for the CSV). */
  cargoMt: number;
  cargoShare: number;
  powerLine: boolean;
  peace: string;
}

/** One level's games: the states are its columns. `key`: the level's id, with its content
 * hash when games of another version of it are compared too (two tables, two CSV files);
 * `modified`: that is so. */
export interface CompareTable { level: LoadedLevel; key: string; modified: boolean; states: { id: string; name: string }[]; rows: CompareRow[] }

/** The games grouped by level (in the order first met), one row a game in the order given. */
export function compareGames(games: CompareGame[]): CompareTable[] {
  const tables: CompareTable[] = [];
  for (const { file, opened } of games) {
    const level = opened.level;
    let table = tables.find((t) => t.level.id === level.id && t.level.hash === level.hash);
    if (!table) tables.push((table = { level, key: level.id, modified: false, states: level.states.map((s) => ({ id: s.id, name: s.name })), rows: [] }));
    const last = opened.live ?? opened.states[opened.states.length - 1];
    const v = viewFor(level, last, 'public');
    const ended = v.phase === 'ended';
    const resolved = opened.states.length - 1;
    table.rows.push({
      file,
      seed: opened.replay.seed,
      // Of the level's turns: a game the facilitator ended early says so.
      played: `${resolved} of ${level.turns}${!ended ? ' (not finished)' : v.endsEarly ? ' (ended early)' : ''}`,
      ended,
      humans: level.states.filter((s) => opened.replay.seats[s.id] === 'human').map((s) => s.name),
      winners: v.winners.map((id) => level.states.find((s) => s.id === id)?.name ?? id),
      winnerIds: [...v.winners],
      scores: Object.fromEntries(v.states.map((s) => [s.id, s.score])),
      agendaMet: Object.fromEntries(v.states.map((s) => [s.id, ended && s.agenda ? s.agenda.met : null])),
      cargo: mt(v.collective.throughput),
      cargoMt: mtValue(v.collective.throughput),
      cargoShare: v.collective.target > 0 ? Math.round((100 * v.collective.throughput) / v.collective.target) : 0,
      powerLine: v.collective.powerLine,
      peace: v.collective.peace,
    });
  }
  // One level id, several versions: each table says which, and its CSV is named apart.
  for (const t of tables) {
    if (tables.filter((u) => u.level.id === t.level.id).length > 1) {
      t.key = `${t.level.id}-${t.level.hash}`;
      t.modified = true;
    }
  }
  return tables;
}

/** The finished games of a table (first places are counted among them). */
export function finishedOf(t: CompareTable): CompareRow[] {
  return t.rows.filter((r) => r.ended);
}

/** A table as CSV, one row a game (for a spreadsheet); an unfinished game's scores are running ones (`ended` false). */
export function compareCsv(t: CompareTable): string {
  return csv(
    ['file', 'seed', 'turns played', 'ended', 'human seats', 'winners', ...t.states.map((s) => `${s.name} score`), ...t.states.map((s) => `${s.name} agenda met`), 'corridor cargo Mt/yr', 'cargo % of target', 'power line', 'peace stage'],
    t.rows.map((r) => [r.file, r.seed, r.played, r.ended, r.humans.join('; '), r.winners.join('; '), ...t.states.map((s) => r.scores[s.id] ?? null), ...t.states.map((s) => r.agendaMet[s.id] ?? null), r.cargoMt, r.cargoShare, r.powerLine, r.peace]),
  );
}
