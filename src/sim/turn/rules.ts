// Fixed numbers of the resolution rules that the level's params do not carry. They are
// written down in docs/RULES.md; keep the two in step when one changes.
export const RULES = {
  /** Every chance rolled here is capped so that nothing is ever certain by formula alone. */
  chanceCapBp: 9000,
  // ratification
  ratifyFreeAnimosity: 20,
  brokenPromiseReputation: -5,
  brokenPromiseAnimosity: 8,
  keptDealAnimosity: -2,
  summitBackfireAnimosity: 6,
  summitWarmAnimosity: -4,
  // construction
  delayPerPointBp: 40,
  delayThreshold: 30,
  // pledges
  pledgeWithholdThreshold: 25,
  pledgeBrokenAnimosity: 8,
  pledgeBrokenReputation: -3,
  pledgeShortReputation: -1,
  // incidents
  incidentRiskBp: 20,
  incidentPerPointBp: 15,
  incidentThreshold: 40,
  incidentSecurityBp: 10,
  /** Security up to this level is the baseline every state has; only what is above it lowers incident odds. */
  incidentSecurityFree: 30,
  incidentPactBp: 2000,
  incidentCapBp: 3000,
  incidentStability: -5,
  incidentAnimosity: 5,
  // pacts
  pactCollapseAnimosity: 10,
  pactSecurity: 1,
  pactShortReputation: -2,
  // peace track
  peacePerPointBp: 40,
  peaceThreshold: 40,
  peaceGuarantorBp: 50,
  guarantorTrustBelow: 50,
  peaceFallAnimosity: 6,
  // revenue and stability
  revenueRoseStability: 1,
  debtStability: -1,
  // drift
  driftEveryTurns: 2,
  driftStep: 1,
  /** Must match the default newGame uses for a pair the level does not list. */
  defaultAnimosityBase: 20,
  // outside forces
  stanceRiskBelow: 40,
  stanceRiskDivisor: 2,
  stanceGrowthOffset: 50,
  euGrantAbove: 40,
  euGrantDivisor: 4,
  // cargo
  weightNumerator: 1_000_000_000_000,
  maxDemand: 1_000_000_000,
  /** kt/yr: events that keep raising a capacity stop here (unbounded, it overflowed the cargo arithmetic). */
  maxCapacity: 10_000_000,
} as const;
