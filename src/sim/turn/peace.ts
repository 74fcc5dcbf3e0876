// Step 7: the peace track may fall back a stage. The risk is the level's base hold risk
// plus a share of the parties' mutual distrust, less for each trusted guarantor.
import type { LoadedLevel } from '../level';
import { animosityOf, changeBothWays, meanMutual } from '../animosity';
import { cause, forFacilitator, logEntry } from '../log';
import type { GameState } from '../types';
import type { Rng } from '../rng';
import type { TurnContext } from './context';
import { clampBp } from './math';
import { RULES } from './rules';
import { pct } from '../util';

const STEP = 'peace';

/** A guarantor counts while its animosity towards each party stays below 50: it can lean on both. */
export function activeGuarantors(level: LoadedLevel, s: GameState): string[] {
  const t = level.peaceTrack;
  if (!t) return [];
  return t.guarantors.filter((g) => t.parties.every((p) => animosityOf(s, g, p) < RULES.guarantorTrustBelow));
}

export function fallBackChance(level: LoadedLevel, s: GameState): number {
  const t = level.peaceTrack;
  if (!t) return 0;
  const mean = meanMutual(s, t.parties);
  return clampBp(t.holdRiskBp + RULES.peacePerPointBp * Math.max(0, mean - RULES.peaceThreshold) - RULES.peaceGuarantorBp * activeGuarantors(level, s).length, RULES.chanceCapBp);
}

export function checkPeace(level: LoadedLevel, s: GameState, rng: Rng, ctx: TurnContext): void {
  const t = level.peaceTrack;
  if (!t || ctx.peaceMoved || s.peaceStage <= 0) return;
  const bp = fallBackChance(level, s);
  const detail = `fall-back chance ${pct(bp)} = ${pct(t.holdRiskBp)} + ${pct(RULES.peacePerPointBp)} x (mean mutual animosity ${meanMutual(s, t.parties)} - ${RULES.peaceThreshold}) - ${pct(RULES.peaceGuarantorBp)} x ${activeGuarantors(level, s).length} guarantor(s)`;
  if (!rng.chance(bp)) {
    logEntry(s, STEP, `The ${t.name} holds at "${t.stages[s.peaceStage].name}".`, 'facilitator', [forFacilitator(detail)]);
    return;
  }
  const was = t.stages[s.peaceStage].name;
  s.peaceStage -= 1;
  s.peaceHeld = false;
  changeBothWays(s, t.parties[0], t.parties[1], RULES.peaceFallAnimosity, s.turn, `the ${t.name} fell back`);
  logEntry(s, STEP, `The ${t.name} falls back to "${t.stages[s.peaceStage].name}" (it had reached "${was}").`, 'all', [
    cause('hardliners on both sides gained ground; distrust between the parties makes this likelier, trusted guarantors less', [...t.parties, ...t.guarantors].filter((id) => !!s.players[id])),
    forFacilitator(detail),
  ]);
}
