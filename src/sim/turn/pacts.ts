// Step 6: security pacts. From its second turn, every pact checks each member pair; one
// pair past the threshold can break it. Surviving pacts collect contributions and
// raise members' security; pacts past their last turn end as agreed.
import type { LoadedLevel } from '../level';
import { animosityOf, changeAmong } from '../animosity';
import { cause, forFacilitator, logEntry } from '../log';
import { money, nameOf, pct } from '../util';
import type { GameState, SecurityPact } from '../types';
import type { Rng } from '../rng';
import { clampBp } from './math';
import { RULES } from './rules';

const STEP = 'pacts';

export function pairBreakChance(level: LoadedLevel, s: GameState, a: string, b: string): { bp: number; value: number } {
  const value = Math.max(animosityOf(s, a, b), animosityOf(s, b, a));
  return { bp: clampBp(level.params.pactBreakPerPointBp * Math.max(0, value - level.params.pactBreakThreshold)), value };
}

export function checkPacts(level: LoadedLevel, s: GameState, rng: Rng): void {
  const kept: SecurityPact[] = [];
  for (const pact of s.pacts) {
    if (pact.endsTurn < s.turn) continue; // already over (defensive: ended pacts are removed)
    const names = pact.members.map((m) => nameOf(level, m)).join(', ');
    let broke: { a: string; b: string; bp: number; value: number } | null = null;
    if (pact.formedTurn < s.turn) {
      outer: for (let i = 0; i < pact.members.length; i++) {
        for (let j = i + 1; j < pact.members.length; j++) {
          const a = pact.members[i];
          const b = pact.members[j];
          const { bp, value } = pairBreakChance(level, s, a, b);
          if (rng.chance(bp)) {
            broke = { a, b, bp, value };
            break outer;
          }
        }
      }
    }
    if (broke) {
      changeAmong(s, pact.members, RULES.pactCollapseAnimosity, s.turn, `security pact ${pact.id} collapsed`);
      logEntry(s, STEP, `The security pact of ${names} has collapsed: ${nameOf(level, broke.a)} and ${nameOf(level, broke.b)} fell out.`, 'all', [
        cause('one pair of members distrusted each other too much for the pact to hold', pact.members),
        forFacilitator(`break chance ${pct(broke.bp)} = ${pct(level.params.pactBreakPerPointBp)} x (max animosity ${broke.value} - ${level.params.pactBreakThreshold}) for ${broke.a}/${broke.b}; all members' mutual animosity +${RULES.pactCollapseAnimosity}`),
      ]);
      continue;
    }
    for (const m of pact.members) {
      const p = s.players[m];
      if (!p) continue;
      const pay = Math.max(0, Math.min(pact.contribution, p.treasury));
      p.treasury -= pay;
      p.security = Math.min(100, p.security + RULES.pactSecurity);
      if (pay < pact.contribution) {
        p.reputation = Math.max(0, p.reputation + RULES.pactShortReputation);
        logEntry(s, STEP, `${nameOf(level, m)} paid ${money(pay)} of its ${money(pact.contribution)} pact contribution.`, pact.members, [cause(`a shortfall costs reputation ${RULES.pactShortReputation}`, [m])]);
      } else if (pay > 0) {
        // A contribution paid in full is the member's own business, in its own report.
        logEntry(s, STEP, `${nameOf(level, m)} paid ${money(pay)} into the security pact of ${names}.`, [m]);
      }
    }
    if (pact.endsTurn <= s.turn) {
      logEntry(s, STEP, `The security pact of ${names} ends as agreed.`, 'all');
      continue;
    }
    kept.push(pact);
  }
  if (kept.length !== s.pacts.length) s.pacts = kept;
}
