// A readable text summary of one resolved turn, from a view (so it shows only what that
// viewer may know). Used by `sim` and `replay show`.
import { audienceLabel, money, mt, periodOf, type LoadedLevel, type PlayerView } from '../sim/index';

export function turnSummary(level: LoadedLevel, view: PlayerView, turn: number): string {
  const lines: string[] = [];
  lines.push('', `== Turn ${turn} of ${view.turns} (${periodOf(level, turn)}) ==`);
  const entries = view.log[turn] ?? [];
  for (const e of entries) {
    const label = audienceLabel(level, e.to, view.viewer);
    lines.push(`  [${e.step}] ${label ? `${label}: ` : ''}${e.text}`);
    for (const c of e.causes) lines.push(`      - ${c.text}`);
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

/** The state right after setup (turn 0), as one viewer may read it: each state's starting
 * figures and the secret agendas the viewer may read, the animosities as drawn (all of them
 * for the facilitator; a state's own and its estimates of the others' for a state; none for
 * the public), the forces' stances, the events queued, and the first turn's news. Used by
 * `replay show --turn 0`. */
export function setupSummary(level: LoadedLevel, view: PlayerView, seed: string): string {
  const name = (id: string) => view.states.find((s) => s.id === id)?.name ?? view.forces.find((f) => f.id === id)?.name ?? id;
  const lines: string[] = ['', `== Setup of ${level.name}, seed "${seed}" (${view.viewer}): before turn 1 of ${view.turns} (${periodOf(level, 1)}) ==`];
  lines.push('  States at the start (running score = head start):');
  for (const s of view.states) {
    lines.push(`    ${s.name} (${s.seat}): treasury ${money(s.treasury)}, income ${money(s.income)} a turn, stability ${s.stability}, security ${s.security}, reputation ${s.reputation}, score ${s.score}`);
    lines.push(`      objective: ${s.objective}`);
    if (s.agenda) lines.push(`      secret agenda: ${s.agenda.name}: ${s.agenda.text}`);
  }
  if (!view.states.some((s) => s.agenda)) lines.push('    (the secret agendas are hidden from this view)');
  if (view.animosity) {
    lines.push('  Animosities as drawn (how much each row distrusts each column):');
    const ids = Object.keys(view.animosity);
    for (const a of ids) lines.push(`    ${name(a)}: ${ids.filter((b) => b !== a).map((b) => `${name(b)} ${view.animosity![a][b]}`).join(', ')}`);
  } else if (view.ownAnimosity) {
    lines.push(`  Your animosities as drawn (how much ${name(String(view.viewer))} distrusts each): ${Object.entries(view.ownAnimosity).map(([b, v]) => `${name(b)} ${v}`).join(', ')}`);
    if (view.perceived) lines.push(`  Your estimates of how much each distrusts you: ${Object.entries(view.perceived).map(([b, e]) => `${name(b)} ${e.label} (${e.lo}–${e.hi})`).join(', ')}`);
  } else lines.push('  Animosities: hidden from this view');
  if (view.stances) lines.push(`  Stances of the outside forces (0 hostile … 100 friendly): ${Object.entries(view.stances).map(([f, v]) => `${name(f)} ${v}`).join(', ')}`);
  if (view.injected) lines.push(`  Events queued by the facilitator: ${view.injected.length ? view.injected.join(', ') : 'none'}`);
  if (view.peace) lines.push(`  ${view.peace.name}: stage "${view.peace.stageName}"`);
  const news = [...(view.log[0] ?? []), ...(view.log[1] ?? [])];
  lines.push(news.length ? `  First news (turn 1, ${periodOf(level, 1)}):` : '  First news: none');
  for (const e of news) {
    const label = audienceLabel(level, e.to, view.viewer);
    lines.push(`    [${e.step}] ${label ? `${label}: ` : ''}${e.text}`);
    for (const c of e.causes) lines.push(`        - ${c.text}`);
  }
  return `${lines.join('\n')}\n`;
}
