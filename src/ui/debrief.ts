// The debrief as files a teacher can open in a spreadsheet or keep: the final scores, every
// turn's figures, each pair's animosity from start to end, every animosity change with its
// cause (CSV), and all of it as JSON. Built from the end-of-game view only (which shows every
// hidden value), never from the state.
import type { LoadedLevel, PlayerView } from './sim';
import { mtValue, periodOf } from './sim';
import { nameIn, rankOf } from './format';
import { fileStem } from './replay-io';

/** The cause the sim gives the turn's drift towards a pair's base (RULES.md, animosity drift). */
const DRIFT = 'drift';

export interface DebriefFile { name: string; readonly text: string; type: string }

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first; level text is a modder's) is prefixed
 * with an apostrophe, the usual guard; numbers are written as they are.
 */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV table: a byte-order mark so that spreadsheets read the names (Türkiye) as UTF-8,
 * and CRLF line ends, as RFC 4180 has them. */
export function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function scoresCsv(view: PlayerView): string {
  const ranked = [...view.states].sort((a, b) => b.score - a.score);
  return csv(
    ['rank', 'state', 'seat', 'winner', 'score', 'head start', 'corridor', 'stability gained', 'reputation gained', 'agenda points', 'revenue $M', 'treasury $M', 'stability', 'reputation', 'secret agenda', 'agenda met'],
    ranked.map((s) => {
      const q = view.scoreParts?.[s.id];
      return [rankOf(view, s.id).rank, s.name, s.seat, view.winners.includes(s.id), s.score, q?.headStart ?? null, q?.prosperity ?? null, q?.stability ?? null, q?.reputation ?? null, q?.agenda ?? null, s.revenueTotal, s.treasury, s.stability, s.reputation, s.agenda?.name ?? null, s.agenda ? s.agenda.met : null];
    }),
  );
}

/** One row per state per turn (a long table, for pivot tables and charts), with the corridor's
 * figures of that turn. Security and reputation are empty for a game run without narration. */
export function turnsCsv(level: LoadedLevel, view: PlayerView): string {
  const peace = view.peace;
  const rows = view.history.flatMap((r) =>
    view.states.map((s) => [r.turn, periodOf(level, r.turn), s.name, r.scores[s.id] ?? null, r.treasury[s.id] ?? null, r.stability[s.id] ?? null, r.security?.[s.id] ?? null, r.reputation?.[s.id] ?? null, mtValue(r.throughput), mtValue(r.demand), peace ? peace.stages[r.peaceStage] ?? r.peaceStage : null, r.powerStagesDone, r.meanAnimosity]),
  );
  return csv(['turn', 'period', 'state', 'running score', 'treasury $M', 'stability', 'security', 'reputation', 'corridor cargo Mt/yr', 'east-west demand Mt/yr', 'peace stage', 'power stages done', 'mean animosity, all pairs'], rows);
}

/** Every change of a hidden animosity, in the order it happened, with its cause; a cause
 * that names a deal by its id ("kept a deal together (p1-1)") gets the deal's terms beside it,
 * since no other file lists the deals. */
export function animosityCsv(view: PlayerView): string {
  const log = view.animosityLog ?? [];
  const deals = new Map(view.proposals.map((p) => [p.id, p.summary]));
  const dealOf = (cause: string) => {
    const id = /\((p\d+-\d+)\)/.exec(cause)?.[1];
    return id ? deals.get(id) ?? null : null;
  };
  return csv(
    ['turn', 'from', 'towards', 'change', 'new value', 'cause', 'deal'],
    log.map((c) => [c.turn, nameIn(view, c.from), nameIn(view, c.to), c.delta, c.value, c.cause, dealOf(c.cause)]),
  );
}

/**
 * Each ordered pair's animosity as the game drew it, worked back from the end: every change
 * is in the log with the change actually made (after clamping), so a pair's first entry
 * minus its change is where it started, and a pair with no entry never moved. Null without
 * the matrix or the log (a view that may not see them).
 */
export function animosityAtStart(view: PlayerView): Record<string, Record<string, number>> | null {
  if (!view.animosity || !view.animosityLog) return null;
  const start: Record<string, Record<string, number>> = {};
  for (const [from, row] of Object.entries(view.animosity)) start[from] = { ...row };
  const seen = new Set<string>();
  for (const c of view.animosityLog) {
    const key = `${c.from}\u0000${c.to}`;
    if (seen.has(key) || start[c.from]?.[c.to] === undefined) continue;
    seen.add(key);
    start[c.from][c.to] = c.value - c.delta;
  }
  return start;
}

/** One row per ordered pair of states: where its animosity started and ended, how much of
 * the change was drift (the pull back towards the pair's base each turn) and the largest
 * change of any other cause (an event, a deal, an incident), for "who came to resent whom,
 * and why". */
export function animosityPairsCsv(view: PlayerView): string {
  const start = animosityAtStart(view);
  const end = view.animosity;
  const rows: (string | number | null)[][] = [];
  if (start && end) {
    const log = view.animosityLog ?? [];
    for (const a of view.states) {
      for (const b of view.states) {
        if (a.id === b.id || end[a.id]?.[b.id] === undefined) continue;
        const mine = log.filter((c) => c.from === a.id && c.to === b.id);
        const drift = mine.reduce((t, c) => (c.cause === DRIFT ? t + c.delta : t), 0);
        // The largest by size; the earliest of equal ones.
        const big = mine.reduce<(typeof mine)[number] | null>((m, c) => (c.cause !== DRIFT && (!m || Math.abs(c.delta) > Math.abs(m.delta)) ? c : m), null);
        rows.push([a.name, b.name, start[a.id][b.id], end[a.id][b.id], end[a.id][b.id] - start[a.id][b.id], drift, mine.length, big?.delta ?? null, big?.turn ?? null, big?.cause ?? null]);
      }
    }
  }
  return csv(['from', 'towards', 'as drawn', 'at the end', 'change', 'of it by drift', 'changes', 'largest other change', 'in turn', 'its cause'], rows);
}

/** Everything the debrief shows, as one JSON document (for a class's own tools). */
export function debriefJson(level: LoadedLevel, view: PlayerView): string {
  const doc = {
    format: 'corridor-debrief',
    level: { id: level.id, name: level.name, hash: view.levelHash },
    seed: view.seed,
    turns: view.turns,
    endedEarly: view.endsEarly, // the facilitator ended it after `turns`, before the level's last turn
    winner: view.winner, // the first of winners in level order (kept for older readers)
    winners: view.winners, // every state on the highest score: they share first place
    collective: view.collective,
    states: [...view.states].sort((a, b) => b.score - a.score).map((s) => ({
      id: s.id, name: s.name, seat: s.seat, rank: rankOf(view, s.id).rank, score: s.score, parts: view.scoreParts?.[s.id] ?? null,
      revenueTotal: s.revenueTotal, treasury: s.treasury, stability: s.stability, security: s.security, reputation: s.reputation, agenda: s.agenda,
    })),
    // Each turn's record, with each state's security and reputation after it (when narrated).
    history: view.history.map((r) => ({ ...r, period: periodOf(level, r.turn) })),
    // The deals the view shows (at the end: every one bound, ratified or failed, and the viewer's own).
    deals: view.proposals.map((p) => ({ id: p.id, turn: p.turn, from: p.from, parties: p.parties, summary: p.summary, status: p.status, responses: p.responses })),
    animosityAtStart: animosityAtStart(view),
    animosity: view.animosity,
    animosityLog: view.animosityLog,
    stances: view.stances,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

/** The four files of a finished game's debrief; null when the view is not of a finished game. */
export function debriefFiles(level: LoadedLevel, view: PlayerView): { scores: DebriefFile; turns: DebriefFile; pairs: DebriefFile; animosity: DebriefFile; json: DebriefFile } | null {
  if (view.phase !== 'ended') return null;
  const base = fileStem(view.levelId, view.seed ?? 'game');
  const type = 'text/csv;charset=utf-8';
  // Each text is made when it is read (a download), not at every render of the card.
  return {
    scores: { name: `${base}-scores.csv`, get text() { return scoresCsv(view); }, type },
    turns: { name: `${base}-turns.csv`, get text() { return turnsCsv(level, view); }, type },
    pairs: { name: `${base}-animosity-pairs.csv`, get text() { return animosityPairsCsv(view); }, type },
    animosity: { name: `${base}-animosity.csv`, get text() { return animosityCsv(view); }, type },
    json: { name: `${base}-debrief.json`, get text() { return debriefJson(level, view); }, type: 'application/json' },
  };
}
