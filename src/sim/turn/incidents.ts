// Step 5: border incidents. Each usable or building segment may suffer one; the odds
// rise with the grudges owners and neighbours hold against its owners, and fall with
// the owners' security and a pact that covers them all.
import type { LoadedLevel } from '../level';
import type { SegmentDef } from '../level-schema';
import { indexOf } from '../lookup';
import { animosityOf, changeAnimosity } from '../animosity';
import { damageSegment, neighboursOf, pactActive, segmentUsable } from '../network';
import { cause, forFacilitator, logEntry } from '../log';
import { clamp, nameOf } from '../util';
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
  const idx = indexOf(level);
  const st = s.segments[def.id];
  let grudge = 0;
  let suspect: string | null = null;
  let target: string | null = null;
  const consider = (x: string) => {
    for (const y of def.owners) {
      if (x === y) continue;
      const v = animosityOf(s, x, y);
      if (v > grudge) {
        grudge = v;
        suspect = x;
        target = y;
      }
    }
  };
  for (const o of def.owners) consider(o);
  for (const n of neighboursOf(level, def.id)) consider(n);
  const owners = def.owners.filter((o) => idx.states.has(o));
  let sec = 0;
  for (const o of owners) sec += s.players[o].security;
  const security = owners.length ? Math.floor(sec / owners.length) : 0;
  const pact = owners.length > 0 && s.pacts.some((p) => pactActive(p, s.turn) && owners.every((o) => p.members.includes(o)));
  const raw =
    st.risk * RULES.incidentRiskBp +
    RULES.incidentPerPointBp * Math.max(0, grudge - RULES.incidentThreshold) -
    RULES.incidentSecurityBp * security -
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
    const owners = def.owners.filter((o) => idx.states.has(o));
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
        `chance ${odds.chance} bp = risk ${st.risk} x ${RULES.incidentRiskBp} + ${RULES.incidentPerPointBp} x (grudge ${odds.grudge} of ${odds.suspect ?? '-'} towards ${odds.target ?? '-'} - ${RULES.incidentThreshold}) - ${RULES.incidentSecurityBp} x security ${odds.security}${odds.pact ? ` - ${RULES.incidentPactBp} (pact)` : ''}, capped ${RULES.incidentCapBp}; suspect ${odds.suspect ? nameOf(level, odds.suspect) : 'none'}`,
      ),
    ]);
  }
}
