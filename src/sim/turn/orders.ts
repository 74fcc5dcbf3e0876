// Step 1: the submitted orders take effect, state by state in level order: security,
// intelligence, investments (in the order given), then fees. Spending is cut to what
// the treasury holds; every cut is reported to the state that gave the order.
import type { LoadedLevel } from '../level';
import { indexOf } from '../lookup';
import { feeAbove, fundingNeed, networkIndex } from '../network';
import { logEntry } from '../log';
import { bandWidth, money, nameOf } from '../util';
import type { GameState } from '../types';

export function applyOrders(level: LoadedLevel, s: GameState): void {
  const idx = indexOf(level);
  const net = networkIndex(level);
  const { securityCostPerPoint: perPoint, intelCostPerLevel: perLevel } = level.params;
  // Who has put money into each segment in this step so far: an order that finds its segment
  // funded says who got there first (a player otherwise sees its money "not invested" and
  // works begin on the same segment, with no reason given).
  const paidBy = new Map<string, string[]>();
  for (const def of level.states) {
    const id = def.id;
    const o = s.orders[id];
    const p = s.players[id];
    if (!o || !p) continue;
    const lines: string[] = [];
    const cuts: string[] = [];

    if (o.security > 0) {
      const wanted = Math.floor(o.security / perPoint);
      const points = Math.max(0, Math.min(wanted, 100 - p.security, Math.floor(Math.max(0, p.treasury) / perPoint)));
      const cost = points * perPoint;
      p.treasury -= cost;
      p.security += points;
      if (points > 0) lines.push(`security +${points} for ${money(cost)}`);
      if (points < wanted) cuts.push(`security: ${wanted - points} point(s) not bought (${100 - p.security <= 0 ? 'security is at 100' : 'not enough money'})`);
      if (o.security - wanted * perPoint > 0) cuts.push(`security: ${money(o.security - wanted * perPoint)} left unspent (a point costs ${money(perPoint)})`);
    }

    if (o.intel && o.intel.amount > 0 && o.intel.target !== id && s.players[o.intel.target]) {
      const target = o.intel.target;
      const have = p.intel[target] ?? 0;
      const wanted = Math.floor(o.intel.amount / perLevel);
      const levels = Math.max(0, Math.min(wanted, 100 - have, Math.floor(Math.max(0, p.treasury) / perLevel)));
      const cost = levels * perLevel;
      p.treasury -= cost;
      p.intel[target] = have + levels;
      // Say what the levels changed: the band narrows only every 3 or so levels, and a student
      // told "it narrows your estimate" saw the same band as before.
      const before = bandWidth(have);
      const after = bandWidth(have + levels);
      const band = after < before ? `your estimate of how they feel about you narrows from ${before} to ${after} points wide` : `your estimate of how they feel about you stays ${after} points wide: it narrows a point for about every 3 levels`;
      if (levels > 0) lines.push(`intelligence on ${nameOf(level, target)}: ${levels} level${levels === 1 ? '' : 's'} more, now ${have + levels} of 100 (${band}), for ${money(cost)}`);
      if (levels < wanted) cuts.push(`intelligence: ${wanted - levels} level(s) not bought (${have + levels >= 100 ? 'already complete' : 'not enough money'})`);
    }

    for (const inv of o.invest) {
      const seg = idx.segments.get(inv.segment);
      const st = s.segments[inv.segment];
      if (!seg || !st || inv.amount <= 0) continue;
      if (!seg.owners.includes(id) && !st.cofunders.includes(id)) {
        cuts.push(`investment in ${seg.name} refused: you neither own nor co-fund it`);
        continue;
      }
      const need = fundingNeed(level, s, seg.id);
      const pay = Math.max(0, Math.min(inv.amount, need, p.treasury));
      p.treasury -= pay;
      st.funded += pay;
      if (pay > 0) {
        lines.push(`${money(pay)} into ${seg.name}`);
        paidBy.set(seg.id, [...(paidBy.get(seg.id) ?? []), id]);
      }
      if (pay < inv.amount) {
        const first = (paidBy.get(seg.id) ?? []).filter((x) => x !== id);
        const why = need > pay ? 'not enough money' : first.length ? `${first.map((x) => nameOf(level, x)).join(' and ')} funded the rest first: orders are carried out in level order` : 'nothing more to fund';
        cuts.push(`${seg.name}: ${money(inv.amount - pay)} not invested (${why}); it stays in your treasury`);
      }
    }

    // Only the segments named, in level order (orders may be read through a draft: few reads).
    const named = Object.keys(o.fees).filter((segId) => net.segIndex.has(segId));
    named.sort((a, b) => net.segIndex.get(a)! - net.segIndex.get(b)!);
    for (const segId of named) {
      const seg = idx.segments.get(segId)!;
      const fee = o.fees[segId];
      if (!seg.owners.includes(id)) continue;
      const cap = s.segments[seg.id].feeCap;
      const set = cap && feeAbove(fee, cap) ? cap : fee;
      if (set !== fee) cuts.push(`${seg.name}: fee lowered to ${set}, the cap a deal set`);
      if (p.fees[seg.id] !== set) lines.push(`fee on ${seg.name}: ${set}`);
      p.fees[seg.id] = set;
    }

    if (lines.length || cuts.length) {
      const text = lines.length ? `Orders carried out: ${lines.join('; ')}.` : 'Orders carried out: nothing was spent.';
      logEntry(s, 'orders', text, [id], cuts.map((c) => ({ text: c, to: [id] })));
    }
  }
}
