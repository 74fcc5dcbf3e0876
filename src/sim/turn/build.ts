// Step 3: construction. Funded segments start building; works advance a turn at a
// time unless resentful co-owners hold them up; damaged segments are repaired;
// funded upgrades are built while the segment stays open.
import type { LoadedLevel } from '../level';
import type { SegmentDef } from '../level-schema';
import { worstPair } from '../animosity';
import { openSegment, repairCost, requiresMet, upgradeAvailable } from '../network';
import { cause, forFacilitator, logEntry } from '../log';
import { mt, namesAnd, pct } from '../util';
import type { GameState } from '../types';
import type { Rng } from '../rng';
import { clampBp } from './math';
import { RULES } from './rules';

const STEP = 'build';

/** Chance (bp) that cross-border works make no progress this turn. */
export function delayChance(s: GameState, def: SegmentDef): number {
  if (def.owners.length < 2) return 0;
  const worst = worstPair(s, def.owners);
  return worst ? clampBp(RULES.delayPerPointBp * Math.max(0, worst.value - RULES.delayThreshold), RULES.chanceCapBp) : 0;
}

/** Rolls for a delay; logs it and returns true when the works stand still. */
function delayed(s: GameState, rng: Rng, def: SegmentDef, what: string): boolean {
  const bp = delayChance(s, def);
  if (!rng.chance(bp)) return false;
  const worst = worstPair(s, def.owners)!;
  logEntry(s, STEP, `${what} on ${def.name} made no progress this turn.`, 'all', [
    cause('the owners could not agree on the cross-border works; mutual distrust slows them', def.owners),
    forFacilitator(`delay chance ${pct(bp)} = ${pct(RULES.delayPerPointBp)} x (mutual animosity ${worst.value} of ${worst.a}/${worst.b} - ${RULES.delayThreshold})`),
  ]);
  return true;
}

export function advanceConstruction(level: LoadedLevel, s: GameState, rng: Rng): void {
  for (const def of level.segments) {
    const st = s.segments[def.id];
    if (!st) continue;
    const reqOk = requiresMet(level, s, def);
    if (st.status === 'planned' && st.funded >= def.cost && reqOk) {
      st.status = 'building';
      st.progress = 0;
      logEntry(s, STEP, `Works begin on ${def.name}.`, 'all');
    }
    if (st.status === 'building') {
      if (!reqOk) {
        logEntry(s, STEP, `Works on ${def.name} are halted.`, def.owners, [cause(`it needs the ${level.peaceTrack?.name ?? 'peace track'} to reach the stage it requires`, def.owners)]);
      } else if (!delayed(s, rng, def, 'Construction')) {
        st.progress += 1;
        if (st.progress >= def.buildTurns) {
          openSegment(st, def, s.turn);
          logEntry(s, STEP, `${def.name} opens to traffic (${mt(st.capacity)}).`, 'all');
        }
      }
    } else if (st.status === 'damaged') {
      st.progress += 1;
      const paid = st.funded >= repairCost(def);
      if (paid || st.progress >= level.params.repairTurns) {
        openSegment(st, def, s.turn);
        logEntry(s, STEP, `${def.name} is repaired and reopens.`, 'all', [
          cause(paid ? 'repair paid for in full' : `repaired after ${level.params.repairTurns} turns`, def.owners),
        ]);
      }
    } else if (st.status === 'open') {
      if (upgradeAvailable(def, st) && st.funded >= def.upgrade!.cost) {
        st.upgrading = true;
        st.progress = 0;
        logEntry(s, STEP, `Upgrade works begin on ${def.name}.`, 'all');
      }
      if (st.upgrading && def.upgrade) {
        if (!reqOk) {
          logEntry(s, STEP, `Upgrade works on ${def.name} are halted.`, def.owners, [cause(`it needs the ${level.peaceTrack?.name ?? 'peace track'} to reach the stage it requires`, def.owners)]);
        } else if (!delayed(s, rng, def, 'The upgrade')) {
          st.progress += 1;
          if (st.progress >= def.upgrade.buildTurns) {
            st.capacity = def.upgrade.capacity;
            st.upgrading = false;
            st.progress = 0;
            st.funded = 0;
            logEntry(s, STEP, `${def.name} upgraded to ${mt(st.capacity)}.`, 'all', [cause(`owned by ${namesAnd(level, def.owners)}`, def.owners)]);
          }
        }
      }
    }
  }
}
