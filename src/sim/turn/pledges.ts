// Step 4: power-line pledges are paid or withheld, then stages advance. A pledge to a
// stage whose hosts the pledger resents may be withheld: a broken pledge.
import type { LoadedLevel } from '../level';
import { indexOf } from '../lookup';
import { animosityOf, changeAnimosity } from '../animosity';
import { cause, forFacilitator, logEntry } from '../log';
import { money, nameOf, pct } from '../util';
import type { GameState, Pledge } from '../types';
import type { Rng } from '../rng';
import { clampBp } from './math';
import { RULES } from './rules';

const STEP = 'pledges';

/** The pledger's strongest grudge against the stage's hosts (other than itself). */
function grudge(s: GameState, pledger: string, hosts: readonly string[]): { host: string | null; value: number } {
  let best: { host: string | null; value: number } = { host: null, value: 0 };
  for (const h of hosts) {
    if (h === pledger) continue;
    const v = animosityOf(s, pledger, h);
    if (best.host === null || v > best.value) best = { host: h, value: v };
  }
  return best;
}

export function withholdChance(level: LoadedLevel, s: GameState, pl: Pledge): number {
  const def = indexOf(level).stages.get(pl.stage);
  if (!def) return 0;
  const g = grudge(s, pl.state, def.hosts);
  return clampBp(level.params.pledgeWithholdPerAnimosityBp * Math.max(0, g.value - RULES.pledgeWithholdThreshold), RULES.chanceCapBp);
}

export function payPledges(level: LoadedLevel, s: GameState, rng: Rng): void {
  const idx = indexOf(level);
  for (let i = 0; i < s.pledges.length; i++) {
    if (s.pledges[i].turnsLeft <= 0) continue;
    // The list's entries are shared with earlier states (cow.ts): a pledge still running is
    // replaced by a copy that this turn changes; a finished one stays as it is.
    const pl = Object.isFrozen(s.pledges[i]) ? { ...s.pledges[i] } : s.pledges[i];
    s.pledges[i] = pl;
    const def = idx.stages.get(pl.stage);
    const stage = s.power[pl.stage];
    if (!def || !stage) {
      pl.turnsLeft = 0;
      continue;
    }
    const need = Math.max(0, def.cost - stage.funded);
    if (need === 0) {
      pl.turnsLeft = 0;
      logEntry(s, STEP, `${def.name} is fully funded: your pledge ends early.`, [pl.state]);
      continue;
    }
    pl.turnsLeft -= 1;
    const bp = withholdChance(level, s, pl);
    const payer = s.players[pl.state];
    if (rng.chance(bp)) {
      pl.withheld += pl.perTurn;
      payer.reputation = Math.max(0, payer.reputation + RULES.pledgeBrokenReputation);
      const g = grudge(s, pl.state, def.hosts);
      for (const h of def.hosts) {
        if (h !== pl.state) changeAnimosity(s, h, pl.state, RULES.pledgeBrokenAnimosity, s.turn, `${nameOf(level, pl.state)} withheld a pledge to ${def.name}`);
      }
      logEntry(s, STEP, `${nameOf(level, pl.state)} withheld its ${money(pl.perTurn)} pledge to ${def.name}.`, 'all', [
        cause(`a broken pledge: reputation ${RULES.pledgeBrokenReputation}; the hosts trust it less`, [pl.state, ...def.hosts.filter((h) => idx.states.has(h))]),
        cause('opinion at home turned against paying for a project that benefits a state it distrusts', [pl.state]),
        forFacilitator(`withhold chance ${pct(bp)} = ${pct(level.params.pledgeWithholdPerAnimosityBp)} x (animosity ${pl.state}->${g.host} ${g.value} - ${RULES.pledgeWithholdThreshold})`),
      ]);
      continue;
    }
    const due = Math.min(pl.perTurn, need);
    const pay = Math.max(0, Math.min(due, payer.treasury));
    payer.treasury -= pay;
    stage.funded += pay;
    stage.contributions[pl.state] = (stage.contributions[pl.state] ?? 0) + pay;
    pl.paid += pay;
    if (pay < due) {
      pl.withheld += due - pay;
      payer.reputation = Math.max(0, payer.reputation + RULES.pledgeShortReputation);
      logEntry(s, STEP, `${nameOf(level, pl.state)} paid ${money(pay)} of its ${money(due)} pledge to ${def.name}.`, 'all', [cause(`the treasury could not cover it: reputation ${RULES.pledgeShortReputation}`, [pl.state])]);
    } else {
      logEntry(s, STEP, `${nameOf(level, pl.state)} paid ${money(pay)} into ${def.name}.`, [pl.state]);
    }
  }

  for (const def of level.powerLine?.stages ?? []) {
    const st = s.power[def.id];
    if (!st) continue;
    if (st.status === 'planned' && st.funded >= def.cost) {
      st.status = 'building';
      st.progress = 0;
      logEntry(s, STEP, `Works begin on ${def.name}.`, 'all');
    }
    if (st.status === 'building') {
      st.progress += 1;
      if (st.progress >= def.buildTurns) {
        st.status = 'done';
        logEntry(s, STEP, `${def.name} is complete.`, 'all');
      }
    }
  }
  const stages = level.powerLine?.stages ?? [];
  if (s.powerEnergisedTurn === null && stages.length > 0 && stages.every((d) => s.power[d.id]?.status === 'done')) {
    s.powerEnergisedTurn = s.turn;
    logEntry(s, STEP, `The ${level.powerLine!.name} is energised: power flows west.`, 'all');
  }
}
