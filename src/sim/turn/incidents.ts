// Step 5: border incidents. Each usable or building segment may suffer one; the odds
// rise with the grudges owners and neighbours hold against its owners, and fall with
// the owners' security and a pact that covers them all.
import type { LoadedLevel } from '../level';
import type { SegmentDef } from '../level-schema';
import { indexOf } from '../lookup';
import { changeAnimosity } from '../animosity';
import { damageSegment, networkIndex, pactActive, segmentUsable } from '../network';
import { cause, forFacilitator, logEntry } from '../log';
import { clamp, nameOf, pct } from '../util';
import type { GameState } from '../types';
import type { Rng } from '../rng';
import { RULES } from './rules';

const STEP = 'incidents';

export interface IncidentOdds {
  chance: number;
  grudge: number; // highest animosity of an owner or neighbour towards an owner
  suspect: string | null; // who holds it
  target: string | null; // the owner it is held against
  security: number; // mean security of the owners that are player states
  pact: boolean; // one active pact covers every owner
}

export function incidentOdds(level: LoadedLevel, s: GameState, def: SegmentDef): IncidentOdds {
  const net = networkIndex(level);
  const st = s.segments[def.id];
  let grudge = 0;
  let suspect: string | null = null;
  let target: string | null = null;
  // Indexed loops: for-of over the level's and the state's frozen arrays is slow in V8.
  const watchers = net.watchers.get(def.id) ?? def.owners;
  const defOwners = def.owners;
  for (let i = 0; i < watchers.length; i++) {
    const x = watchers[i];
    const row = s.animosity[x];
    if (!row) continue;
    for (let j = 0; j < defOwners.length; j++) {
      const y = defOwners[j];
      if (x === y) continue;
      const v = row[y] ?? 0;
      if (v > grudge) {
        grudge = v;
        suspect = x;
        target = y;
      }
    }
  }
  const owners = net.playerOwners.get(def.id) ?? [];
  let sec = 0;
  for (let i = 0; i < owners.length; i++) sec += s.players[owners[i]].security;
  const security = owners.length ? Math.floor(sec / owners.length) : 0;
  let pact = false;
  if (owners.length > 0) {
    for (let k = 0; k < s.pacts.length && !pact; k++) {
      const p = s.pacts[k];
      if (!pactActive(p, s.turn)) continue;
      let all = true;
      for (let i = 0; i < owners.length && all; i++) all = p.members.includes(owners[i]);
      pact = all;
    }
  }
  const raw =
    st.risk * RULES.incidentRiskBp +
    RULES.incidentPerPointBp * Math.max(0, grudge - RULES.incidentThreshold) -
    RULES.incidentSecurityBp * Math.max(0, security - RULES.incidentSecurityFree) -
    (pact ? RULES.incidentPactBp : 0);
  return { chance: clamp(raw, 0, RULES.incidentCapBp), grudge, suspect, target, security, pact };
}

export function rollIncidents(level: LoadedLevel, s: GameState, rng: Rng): void {
  const idx = indexOf(level);
  for (const def of level.segments) {
    const st = s.segments[def.id];
    if (!st || !(st.status === 'building' || segmentUsable(level, s, def.id))) continue;
    const odds = incidentOdds(level, s, def);
    if (!rng.chance(odds.chance)) continue;
    const wasBuilding = st.status === 'building';
    if (wasBuilding) st.progress = Math.max(0, st.progress - 1);
    else damageSegment(st);
    const owners = networkIndex(level).playerOwners.get(def.id) ?? [];
    for (const o of owners) s.players[o].stability = clamp(s.players[o].stability + RULES.incidentStability, 0, 100);
    if (odds.suspect) {
      for (const o of def.owners) {
        if (o !== odds.suspect) changeAnimosity(s, o, odds.suspect, RULES.incidentAnimosity, s.turn, `suspected over an incident on ${def.name}`);
      }
    }
    const text = wasBuilding ? `Incident on the works of ${def.name}: a turn of progress lost.` : `Incident on ${def.name}: the segment is damaged and closed until repaired.`;
    logEntry(s, STEP, text, 'all', [
      cause(
        `border tensions near the segment; owners' security (${odds.security}) ${odds.pact ? 'and a shared pact ' : ''}lowered the odds. Stability ${RULES.incidentStability}; suspicion falls on ${odds.suspect && idx.states.has(odds.suspect) ? 'a neighbour' : 'outside actors'}.`,
        owners,
      ),
      forFacilitator(
        `chance ${pct(odds.chance)} = risk ${st.risk} x ${pct(RULES.incidentRiskBp)} + ${pct(RULES.incidentPerPointBp)} x (grudge ${odds.grudge} of ${odds.suspect ?? '-'} towards ${odds.target ?? '-'} - ${RULES.incidentThreshold}) - ${pct(RULES.incidentSecurityBp)} x (security ${odds.security} - ${RULES.incidentSecurityFree})${odds.pact ? ` - ${pct(RULES.incidentPactBp)} (pact)` : ''}, capped ${pct(RULES.incidentCapBp)}; suspect ${odds.suspect ? nameOf(level, odds.suspect) : 'none'}`,
      ),
    ]);
  }
}
