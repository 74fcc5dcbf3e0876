// A readable text summary of one resolved turn, from a view (so it shows only what that
// viewer may know). Used by `sim` and `replay show`.
import { audienceLabel, mt, periodOf, type LoadedLevel, type PlayerView } from '../sim/index';

export function turnSummary(level: LoadedLevel, view: PlayerView, turn: number): string {
  const lines: string[] = [];
  lines.push('', `== Turn ${turn} of ${view.turns} (${periodOf(level, turn)}) ==`);
  const entries = view.log[turn] ?? [];
  for (const e of entries) {
    const label = audienceLabel(level, e.to, view.viewer);
    lines.push(`  [${e.step}] ${label ? `${label}: ` : ''}${e.text}`);
    for (const c of e.causes) lines.push(`      because: ${c.text}`);
  }
  const deals = view.proposals.filter((p) => p.turn === turn);
  if (deals.length) {
    lines.push('  Diplomacy:');
    for (const p of deals) lines.push(`    ${p.summary} — ${p.status}`);
  }
  const record = view.history.find((h) => h.turn === turn);
  // Cargo through mt(), rounded down as the game and the news lines round it.
  if (record) {
    const flows = Object.entries(record.routeFlows)
      .filter(([, f]) => f > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    lines.push(`  Cargo: demand ${mt(record.demand)}, middle corridor ${mt(record.throughput)} (target ${mt(level.targetThroughput)})`);
    for (const [route, f] of flows.slice(0, 8)) lines.push(`    ${route}: ${mt(f)}`);
    // The last turn of a finished game: its final scores (agendas counted), as the news above
    // says; before that, the running scores, which leave the secret agendas out.
    const final = view.phase === 'ended' && turn === view.history[view.history.length - 1]?.turn;
    const scores = level.states.map((s) => `${s.name} ${final ? view.states.find((v) => v.id === s.id)?.score : record.scores[s.id]}`);
    lines.push(final ? `  Final scores (secret agendas counted): ${scores.join(', ')}` : `  Running scores (secret agendas are added at the end): ${scores.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
