// `sim --seeds N`: many bot games on one level, one seed each, and what they add up to:
// who wins how often, final scores, secret agendas met, and the collective outcome. For a
// teacher choosing seeds and for a modder checking a level's balance.
import { autoplay } from '../ai/autoplay';
import { mt, viewFor, winnerOf, winnersOf, type LoadedLevel, type StateId } from '../sim/index';
import { CliError } from './common';

export interface BatchGame {
  seed: string;
  finalHash: string;
  winner: StateId | null; // the first of `winners` in level order (kept for older readers)
  winners: StateId[]; // every state on the highest score: they share first place
  scores: Record<StateId, number>;
  agendaMet: Record<StateId, boolean>;
  throughput: number;
  powerLine: boolean;
  peace: string;
}

export interface BatchSummary {
  games: number;
  wins: Record<StateId, number>; // games the state won outright (alone on the highest score)
  sharedFirst: Record<StateId, number>; // games in which it shared first place with others
  /** Games won, a first place shared by k states counting 1/k (so they add up to `games`), to two decimals. */
  winShare: Record<StateId, number>;
  /** Games in which first place was shared, by how many shared it ({"2": 35, "3": 27}). */
  sharedGames: Record<string, number>;
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
      winners: winnersOf(level, r.state),
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
  const sharedFirst = zero();
  const share = zero();
  const sharedGames: Record<string, number> = {};
  const score = zero();
  const agendaMet = zero();
  // No prototype: a stage may be named "__proto__" or "constructor" (it printed NaN).
  const peace = Object.create(null) as Record<string, number>;
  let throughput = 0;
  let powerLine = 0;
  for (const g of games) {
    const k = g.winners.length;
    if (k === 1) wins[g.winners[0]] += 1;
    if (k > 1) sharedGames[String(k)] = (sharedGames[String(k)] ?? 0) + 1;
    for (const id of g.winners) {
      if (k > 1) sharedFirst[id] += 1;
      share[id] += 1 / k;
    }
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
  const winShare = zero();
  for (const id of ids) winShare[id] = Math.round(share[id] * 100) / 100;
  return { games: games.length, wins, sharedFirst, winShare, sharedGames, meanScore, agendaMet, meanThroughput: Math.round(throughput / n), target: level.targetThroughput, powerLine, peace };
}

const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(1)}%`;

/** How many games ended with first place shared; wins count outright wins, the win share counts a shared first as 1/k. */
function sharedLine(sum: BatchSummary): string {
  const ks = Object.keys(sum.sharedGames).map(Number).sort((a, b) => a - b);
  const tied = ks.reduce((a, k) => a + sum.sharedGames[String(k)], 0);
  const way = (k: number) => (k === 2 ? 'two' : k === 3 ? 'three' : k === 4 ? 'four' : String(k));
  const parts = ks.map((k) => `${sum.sharedGames[String(k)]} ${way(k)}-way`).join(', ');
  return `${tied} of ${sum.games} game(s) ended with first place shared${tied ? ` (${parts})` : ''}.\nwins: won alone; shared 1st: shared first place with others; win share: each win counts 1, a first place shared by k states 1/k.`;
}

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
    row(['State', 'wins', 'shared 1st', 'win share', 'mean score', 'agenda met']),
    ...level.states.map((s) => row([name(s.id), String(sum.wins[s.id]), String(sum.sharedFirst[s.id]), pct(sum.winShare[s.id], n), String(sum.meanScore[s.id]), pct(sum.agendaMet[s.id], n)])),
    sharedLine(sum),
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
