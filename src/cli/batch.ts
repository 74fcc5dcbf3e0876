// `sim --seeds N`: many bot games on one level, one seed each, and what they add up to:
// who wins how often, final scores, secret agendas met, and the collective outcome. For a
// teacher choosing seeds and for a modder checking a level's balance.
import { autoplay } from '../ai/autoplay';
import { mt, viewFor, winnerOf, type LoadedLevel, type StateId } from '../sim/index';
import { CliError } from './common';

export interface BatchGame {
  seed: string;
  finalHash: string;
  winner: StateId | null;
  scores: Record<StateId, number>;
  agendaMet: Record<StateId, boolean>;
  throughput: number;
  powerLine: boolean;
  peace: string;
}

export interface BatchSummary {
  games: number;
  wins: Record<StateId, number>;
  meanScore: Record<StateId, number>;
  agendaMet: Record<StateId, number>; // games in which the state's agenda was met at the end
  meanThroughput: number;
  target: number;
  powerLine: number; // games with the power line energised
  peace: Record<string, number>; // games ending at each peace stage
}

/** The seeds of a batch: PREFIX-1 ... PREFIX-N. */
export function batchSeeds(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);
}

export function playBatch(level: LoadedLevel, seeds: string[], turns: number, onProgress?: (done: number) => void): BatchGame[] {
  const games: BatchGame[] = [];
  for (const seed of seeds) {
    const r = autoplay(level, { seed, turns, hashes: 'final', narrate: false }); // the outcome only
    if (r.refused.length) throw new CliError(`seed "${seed}": a bot made an illegal move: ${r.refused[0].error}`, 3);
    const end = viewFor(level, r.state, 'facilitator', { brief: true });
    const agendaMet: Record<StateId, boolean> = {};
    for (const st of end.states) agendaMet[st.id] = st.agenda?.met ?? false;
    games.push({
      seed,
      finalHash: r.checkpoints[r.checkpoints.length - 1].hash,
      winner: winnerOf(level, r.state),
      scores: { ...r.state.scores },
      agendaMet,
      throughput: end.collective.throughput,
      powerLine: end.collective.powerLine,
      peace: end.collective.peace,
    });
    onProgress?.(games.length);
  }
  return games;
}

export function summarise(level: LoadedLevel, games: BatchGame[]): BatchSummary {
  const ids = level.states.map((s) => s.id);
  const zero = () => Object.fromEntries(ids.map((id) => [id, 0])) as Record<StateId, number>;
  const wins = zero();
  const score = zero();
  const agendaMet = zero();
  // No prototype: a stage may be named "__proto__" or "constructor" (it printed NaN).
  const peace = Object.create(null) as Record<string, number>;
  let throughput = 0;
  let powerLine = 0;
  for (const g of games) {
    if (g.winner) wins[g.winner] += 1;
    for (const id of ids) {
      score[id] += g.scores[id];
      if (g.agendaMet[id]) agendaMet[id] += 1;
    }
    throughput += g.throughput;
    if (g.powerLine) powerLine += 1;
    peace[g.peace] = (peace[g.peace] ?? 0) + 1;
  }
  const n = Math.max(1, games.length);
  const meanScore = zero();
  for (const id of ids) meanScore[id] = Math.round(score[id] / n);
  return { games: games.length, wins, meanScore, agendaMet, meanThroughput: Math.round(throughput / n), target: level.targetThroughput, powerLine, peace };
}

const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(1)}%`;

/** The plain-text report: a table per state, then the collective outcome. */
export function formatBatch(level: LoadedLevel, seeds: string[], turns: number, sum: BatchSummary, seconds: number, jobs = 1): string {
  const n = sum.games;
  const name = (id: StateId) => level.states.find((s) => s.id === id)?.name ?? id;
  const width = Math.max(5, ...level.states.map((s) => s.name.length));
  const row = (cells: string[]) => `${cells[0].padEnd(width)}  ${cells.slice(1).map((c) => c.padStart(10)).join('  ')}`;
  const lines = [
    `Corridor: ${level.name} — ${n} game(s), seeds "${seeds[0]}" … "${seeds[seeds.length - 1]}", ${turns} turn(s), bots in every seat`,
    `played in ${seconds.toFixed(1)} s (${(n / Math.max(seconds, 1e-9)).toFixed(0)} games/s${jobs > 1 ? `, ${jobs} processes` : ''})`,
    '',
    row(['State', 'wins', 'win share', 'mean score', 'agenda met']),
    ...level.states.map((s) => row([name(s.id), String(sum.wins[s.id]), pct(sum.wins[s.id], n), String(sum.meanScore[s.id]), pct(sum.agendaMet[s.id], n)])),
    '',
    `Together: the corridor carried ${mt(sum.meanThroughput)} on average, ${pct(sum.meanThroughput, sum.target)} of the ${mt(sum.target)} target.`,
    level.powerLine ? `The power line was energised in ${sum.powerLine} game(s) (${pct(sum.powerLine, n)}).` : 'This level has no power line.',
  ];
  if (level.peaceTrack) {
    // Stages sharing a name share a count (the validator warns about such names).
    const stages = [...new Set(level.peaceTrack.stages.map((st) => st.name))].filter((st) => Object.hasOwn(sum.peace, st));
    lines.push(`The ${level.peaceTrack.name} ended at: ${stages.map((st) => `"${st}" ${sum.peace[st]} (${pct(sum.peace[st], n)})`).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}
