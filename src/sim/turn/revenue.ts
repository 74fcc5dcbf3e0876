// Step 9: revenue. Each state collects its income, transit fees on the usable segments
// it owns (flow x transit cost x fee, half a year, split among owners), its share of
// power-line revenue once energised, and any EU grant; stability reacts.
import { compareStrings } from '../hash';
import type { LoadedLevel } from '../level';
import { indexOf } from '../lookup';
import { meanStance, networkIndex, segmentTable, type SegmentTable } from '../network';
import { logEntry } from '../log';
import { clamp, money } from '../util';
import type { GameState, StateId } from '../types';
import { mulDiv } from './math';
import { RULES } from './rules';

const STEP = 'revenue';

/** $M per half-year an owner earns on a segment: kt/yr -> Mt (/1000), half a year (/2), split by owners. */
export function transitIncome(flowKt: number, transitCost: number, feeBp: number, owners: number): number {
  return mulDiv(flowKt, transitCost * feeBp, 10000 * 1000 * 2 * Math.max(1, owners));
}

/** Power revenue by contribution over all stages; the remainder goes to the largest contributor (ties by id). */
export function powerShares(level: LoadedLevel, s: GameState): Record<StateId, number> {
  const out: Record<StateId, number> = {};
  if (s.powerEnergisedTurn === null) return out;
  const ids = indexOf(level).stateIds;
  const contributed: Record<StateId, number> = {};
  let total = 0;
  for (const id of ids) {
    let c = 0;
    for (const st of level.powerLine?.stages ?? []) c += s.power[st.id]?.contributions[id] ?? 0;
    contributed[id] = c;
    total += c;
  }
  if (total <= 0) return out;
  const pot = level.params.powerRevenuePerTurn;
  let given = 0;
  let largest: StateId | null = null;
  for (const id of ids) {
    if (contributed[id] <= 0) continue;
    out[id] = mulDiv(pot, contributed[id], total);
    given += out[id];
    if (largest === null || contributed[id] > contributed[largest] || (contributed[id] === contributed[largest] && compareStrings(id, largest) < 0)) largest = id;
  }
  if (largest !== null) out[largest] += pot - given;
  return out;
}

/** The EU grant per turn to each state with a usable corridor segment: grows with the market forces' stance above 40. */
export function euGrant(level: LoadedLevel, s: GameState): number {
  const forces = networkIndex(level).marketForces;
  if (!forces.length) return 0;
  return Math.floor(Math.max(0, meanStance(s, forces) - RULES.euGrantAbove) / RULES.euGrantDivisor);
}

/** `table`: the segments as this turn's cargo allocation priced them (flows set since, nothing else). */
export function collectRevenue(level: LoadedLevel, s: GameState, table: SegmentTable = segmentTable(level, s)): void {
  const idx = indexOf(level);
  const net = networkIndex(level);
  const transit: Record<StateId, number> = {};
  const hasCorridor: Record<StateId, boolean> = {};
  for (const id of idx.stateIds) {
    transit[id] = 0;
    hasCorridor[id] = false;
  }
  // Indexed loops: for-of over the level's frozen arrays is slow in V8.
  for (let i = 0; i < level.segments.length; i++) {
    const def = level.segments[i];
    if (!table.usable[i]) continue;
    const st = s.segments[def.id];
    const owners = def.owners;
    if (net.corridor.has(def.id)) for (let j = 0; j < owners.length; j++) if (owners[j] in hasCorridor) hasCorridor[owners[j]] = true;
    if (st.flow <= 0) continue;
    const each = transitIncome(st.flow, def.transitCost, table.feeBp[i], owners.length);
    for (let j = 0; j < owners.length; j++) if (owners[j] in transit) transit[owners[j]] += each;
  }
  const power = powerShares(level, s);
  const grant = euGrant(level, s);
  for (const id of idx.stateIds) {
    const p = s.players[id];
    const pw = power[id] ?? 0;
    const g = hasCorridor[id] ? grant : 0;
    const revenue = transit[id] + pw;
    p.treasury += p.income + revenue + g;
    if (revenue > p.revenueLast) p.stability = clamp(p.stability + RULES.revenueRoseStability, 0, 100);
    if (p.treasury < 0) p.stability = clamp(p.stability + RULES.debtStability, 0, 100);
    p.revenueLast = revenue;
    p.revenueTotal += revenue;
    if (s.silent) continue;
    const parts = [`income ${money(p.income)}`, `transit ${money(transit[id])}`];
    if (pw) parts.push(`power ${money(pw)}`);
    if (g) parts.push(`EU grant ${money(g)}`);
    logEntry(s, STEP, `Revenue: ${parts.join(', ')}; treasury ${money(p.treasury)}.`, [id]);
  }
}
