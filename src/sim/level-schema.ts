// The level file format as a zod schema: the one source of truth for levels.
// levels/level.schema.json is generated from it (npm run schema), and the validator
// and loader parse with it. Every number is an integer (see docs/RULES.md for units).
import { z } from 'zod';

export const LEVEL_FORMAT_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'an id is lowercase ASCII letters, digits and "-", starting with a letter')
  .describe('Lowercase ASCII id, e.g. "baku"');
const int = (min: number, max: number) => z.int().min(min).max(max);
const pct = int(0, 100);
const money = int(-1_000_000, 1_000_000).describe('$M');
const text = (max = 2000) => z.string().min(1).max(max);
const sourceRefs = z.array(id).max(20).optional().describe('ids from the level\'s sources list');

export const MODES = ['rail', 'road', 'ferry', 'port', 'cable'] as const;
export const SEGMENT_STATUSES = ['planned', 'building', 'open', 'damaged'] as const;
export const FEE_LEVELS = ['low', 'standard', 'high'] as const;
export const STATS = ['treasury', 'income', 'stability', 'security', 'reputation'] as const;

const range = z.strictObject({ base: pct, spread: int(0, 50), sources: sourceRefs }).describe('drawn uniformly in [base-spread, base+spread], clamped to 0..100; sources: where the range comes from, for a teacher to check');

export const sourceSchema = z.strictObject({
  id,
  title: text(300),
  url: z.string().min(1).max(500).optional(),
});

export const agendaSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('neverJoinPact'), id, name: text(80), text: text(400) }),
  z.strictObject({ kind: z.literal('cargoShare'), id, name: text(80), text: text(400), atLeastBp: int(1, 10000) }),
  z.strictObject({ kind: z.literal('powerLineBy'), id, name: text(80), text: text(400), turn: int(1, 100) }),
  z.strictObject({ kind: z.literal('segmentOpenBy'), id, name: text(80), text: text(400), segment: id, turn: int(1, 100) }),
  z.strictObject({ kind: z.literal('segmentClosed'), id, name: text(80), text: text(400), segment: id }),
  z.strictObject({ kind: z.literal('peaceAtLeast'), id, name: text(80), text: text(400), stage: id }),
  z.strictObject({ kind: z.literal('peaceBelow'), id, name: text(80), text: text(400), stage: id }),
  z.strictObject({ kind: z.literal('treasuryAtLeast'), id, name: text(80), text: text(400), amount: money }),
  z.strictObject({ kind: z.literal('stabilityAtLeast'), id, name: text(80), text: text(400), value: pct }),
  z.strictObject({ kind: z.literal('noPactWith'), id, name: text(80), text: text(400), state: id }),
  z.strictObject({ kind: z.literal('throughputAtLeast'), id, name: text(80), text: text(400), kt: int(0, 10_000_000) }),
]);

export const stateSchema = z.strictObject({
  id,
  name: text(80),
  color: z.string().regex(/^#[0-9a-f]{6}$/i).optional(),
  treasury: money,
  income: int(0, 100_000).describe('$M per turn'),
  stability: pct,
  security: pct,
  reputation: pct,
  objective: text(400).describe('public objective, shown to everyone'),
  briefing: text(2000).optional(),
  agendas: z.array(agendaSchema).min(1).max(10).describe('one is drawn by seed as the secret agenda'),
});

export const forceSchema = z.strictObject({
  id,
  name: text(80),
  role: text(400),
  stance: range.describe('hidden stance towards the corridor 0..100: low = hostile, high = supportive'),
});

export const nodeSchema = z.strictObject({
  id,
  name: text(80),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  country: id.optional().describe('state or force id whose territory the node is in'),
  kind: z.enum(['city', 'port', 'border', 'hub']).default('city'),
});

export const segmentSchema = z.strictObject({
  id,
  name: text(120),
  from: id,
  to: id,
  mode: z.enum(MODES),
  owners: z.array(id).min(1).max(4).describe('states whose territory it crosses'),
  status: z.enum(SEGMENT_STATUSES),
  capacity: int(0, 1_000_000).describe('kt per year'),
  cost: int(0, 100_000).describe('$M to build (planned) or repair (damaged: a tenth of it)'),
  buildTurns: int(1, 40),
  transitCost: int(0, 1000).describe('standard fee, $M per Mt carried'),
  days: int(0, 60).describe('transit time in days'),
  risk: pct,
  requires: z.strictObject({ peace: id }).optional().describe('usable and buildable only while the peace track is at least this stage'),
  upgrade: z.strictObject({ capacity: int(1, 1_000_000), cost: int(1, 100_000), buildTurns: int(1, 40) }).optional(),
  sources: sourceRefs,
});

export const altRouteSchema = z.strictObject({
  id,
  name: text(120),
  via: z.array(id).max(6).describe('outside forces or states it depends on'),
  capacity: int(0, 10_000_000).describe('kt per year; the sea route should be large'),
  cost: int(0, 100_000).describe('generalised cost per Mt, in the same units as middle routes'),
  days: int(0, 120),
  risk: pct,
  sea: z.boolean().default(false).describe('the route that takes whatever no other route can'),
  sources: sourceRefs,
});

export const powerStageSchema = z.strictObject({
  id,
  name: text(120),
  from: id,
  to: id,
  hosts: z.array(id).min(1).max(4).describe('states on whose territory or waters the stage lies'),
  cost: int(1, 100_000),
  buildTurns: int(1, 40),
  sources: sourceRefs,
});

export const peaceTrackSchema = z.strictObject({
  id,
  name: text(120),
  parties: z.array(id).length(2),
  guarantors: z.array(id).max(4).default([]),
  stages: z.array(z.strictObject({ id, name: text(80) })).min(2).max(10),
  start: id.describe('id of the starting stage'),
  holdRiskBp: int(0, 10000).default(300).describe('base chance per turn of falling back one stage'),
});

// --- the event language: conditions and effects, no code ---
const who = id.describe('a state id, or "all" for every player state');
export const conditionSchema = z.discriminatedUnion('if', [
  z.strictObject({ if: z.literal('turnAtLeast'), turn: int(0, 100) }),
  z.strictObject({ if: z.literal('turnAtMost'), turn: int(0, 100) }),
  z.strictObject({ if: z.literal('segmentStatus'), segment: id, status: z.enum(SEGMENT_STATUSES) }),
  z.strictObject({ if: z.literal('peaceAtLeast'), stage: id }),
  z.strictObject({ if: z.literal('peaceBelow'), stage: id }),
  z.strictObject({ if: z.literal('stanceAtLeast'), force: id, value: pct }),
  z.strictObject({ if: z.literal('stanceBelow'), force: id, value: pct }),
  z.strictObject({ if: z.literal('statBelow'), state: id, stat: z.enum(STATS), value: int(-1_000_000, 1_000_000) }),
  z.strictObject({ if: z.literal('statAtLeast'), state: id, stat: z.enum(STATS), value: int(-1_000_000, 1_000_000) }),
  z.strictObject({ if: z.literal('animosityAtLeast'), from: id, to: id, value: pct }),
  z.strictObject({ if: z.literal('powerStagesAtLeast'), count: int(0, 20) }),
  z.strictObject({ if: z.literal('pactActive') }),
  z.strictObject({ if: z.literal('eventHappened'), event: id }),
]);

export const effectSchema = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('stat'), state: who, stat: z.enum(STATS), delta: int(-100_000, 100_000) }),
  z.strictObject({ do: z.literal('segmentStatus'), segment: id, status: z.enum(['damaged', 'open']) }),
  z.strictObject({ do: z.literal('segmentRisk'), segment: id, delta: int(-100, 100) }),
  z.strictObject({ do: z.literal('segmentCapacity'), segment: id, deltaBp: int(-10000, 10000).describe('change in basis points of current capacity') }),
  z.strictObject({ do: z.literal('altRoute'), route: id, capacityBp: int(-10000, 10000).default(0), costDelta: int(-10000, 10000).default(0), riskDelta: int(-100, 100).default(0) }),
  z.strictObject({ do: z.literal('animosity'), from: who, to: who, delta: int(-100, 100) }),
  z.strictObject({ do: z.literal('stance'), force: id, delta: int(-100, 100) }),
  z.strictObject({ do: z.literal('demand'), deltaBp: int(-5000, 5000).describe('change in basis points of current demand') }),
  z.strictObject({ do: z.literal('peace'), delta: int(-10, 10).describe('stages to move the peace track') }),
  z.strictObject({ do: z.literal('powerFunding'), stage: id, amount: int(1, 100_000).describe('$M paid into the stage by an outside funder') }),
]);

export const eventSchema = z.strictObject({
  id,
  title: text(120),
  text: text(1000).describe('public news text'),
  weight: int(0, 10000),
  once: z.boolean().default(true),
  conditions: z.array(conditionSchema).max(10).default([]),
  effects: z.array(effectSchema).min(1).max(12),
  sources: sourceRefs,
});

export const paramsSchema = z.strictObject({
  eventsPerTurn: int(0, 5).default(1),
  maxProposalsPerTurn: int(0, 10).default(3),
  summitCost: int(0, 10000).default(20),
  feeBp: z.strictObject({ low: int(0, 50000), standard: int(0, 50000), high: int(0, 50000) }).default({ low: 7000, standard: 10000, high: 14000 }),
  dayCost: int(0, 1000).default(2).describe('generalised cost per day of transit per Mt'),
  riskCost: int(0, 1000).default(1).describe('generalised cost per point of risk per Mt'),
  repairTurns: int(1, 20).default(2),
  intelCostPerLevel: int(1, 10000).default(10),
  securityCostPerPoint: int(1, 10000).default(5),
  ratifyFailPerAnimosityBp: int(0, 1000).default(60).describe('ratification failure chance per point of mean animosity above 20'),
  pledgeWithholdPerAnimosityBp: int(0, 1000).default(50),
  pactBreakThreshold: pct.default(60),
  pactBreakPerPointBp: int(0, 2000).default(250),
  summitBackfirePerPointBp: int(0, 1000).default(60),
  powerRevenuePerTurn: int(0, 100_000).default(120).describe('$M per turn shared by funders once energised'),
  scoreRevenueDivisor: int(1, 100_000).default(10).describe('No longer read (see prosperityPoints); kept so that older levels still load'),
  agendaPoints: int(0, 1000).default(60),
  prosperityPoints: int(0, 1000)
    .default(50)
    .describe('The prosperity part of the score: prosperityPoints x R / (R + income x turns played), rounded down, where R is the state\'s corridor revenue so far: measured against its own economy, a state gets half the points when the corridor earned it as much as its own income.'),
  headStart: z
    .record(id, int(-1000, 1000).describe('Score points this state starts with.'))
    .optional()
    .describe('Score points a state starts with, by state id (states not listed start at 0): evens out seats whose position earns less, so that every seat can win. Check a level\'s balance with `npm run -s sim -- --level FILE --seeds 400`.'),
});

export const levelSchema = z.strictObject({
  $schema: z.string().optional(),
  formatVersion: z.int().min(1),
  id,
  name: text(120),
  description: text(2000),
  turns: int(1, 60),
  startYear: int(1900, 2200).describe('turn 1 is the first half of this year'),
  sources: z.array(sourceSchema).max(200),
  states: z.array(stateSchema).min(2).max(16),
  forces: z.array(forceSchema).max(10),
  nodes: z.array(nodeSchema).min(2).max(200),
  segments: z.array(segmentSchema).min(1).max(300),
  origins: z.array(id).min(1).max(10),
  markets: z.array(id).min(1).max(20),
  maxRouteSegments: int(1, 30).default(14),
  demand: z.strictObject({ start: int(0, 10_000_000).describe('kt per year'), growthBp: int(-5000, 5000).describe('per turn') }),
  targetThroughput: int(0, 10_000_000).describe('kt per year on middle-corridor routes at the end: the collective goal'),
  alternativeRoutes: z.array(altRouteSchema).min(1).max(20),
  powerLine: z.strictObject({ id, name: text(120), stages: z.array(powerStageSchema).min(1).max(12) }).optional(),
  peaceTrack: peaceTrackSchema.optional(),
  animosity: z.record(id, z.record(id, range)).describe('animosity[a][b]: how much a distrusts b; every ordered pair of states and forces'),
  events: z.array(eventSchema).max(500),
  params: paramsSchema.default(paramsSchema.parse({})),
});

export type LevelInput = z.input<typeof levelSchema>;
export type Level = z.output<typeof levelSchema>;
export type Agenda = z.output<typeof agendaSchema>;
export type Condition = z.output<typeof conditionSchema>;
export type Effect = z.output<typeof effectSchema>;
export type LevelEvent = z.output<typeof eventSchema>;
export type SegmentDef = z.output<typeof segmentSchema>;
export type AltRouteDef = z.output<typeof altRouteSchema>;
export type Params = z.output<typeof paramsSchema>;
export type Mode = (typeof MODES)[number];
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];
export type FeeLevel = (typeof FEE_LEVELS)[number];
export type Stat = (typeof STATS)[number];
