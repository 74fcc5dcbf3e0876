// A readable text summary of one resolved turn, from a view (so it shows only what that
// viewer may know). Used by `sim` and `replay show`.
import { audienceLabel, periodOf, type LoadedLevel, type PlayerView } from '../sim/index';

const kt = (n: number) => `${(n / 1000).toFixed(1)} Mt/yr`;

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
  if (record) {
    const flows = Object.entries(record.routeFlows)
      .filter(([, f]) => f > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    lines.push(`  Cargo: demand ${kt(record.demand)}, middle corridor ${kt(record.throughput)} (target ${kt(level.targetThroughput)})`);
    for (const [route, f] of flows.slice(0, 8)) lines.push(`    ${route}: ${kt(f)}`);
    const scores = level.states.map((s) => `${s.name} ${record.scores[s.id]}`);
    lines.push(`  Scores: ${scores.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
