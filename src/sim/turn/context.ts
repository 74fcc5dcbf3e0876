// What one turn's steps hand on to later steps of the same resolution. Never stored.
import type { SegmentTable } from '../network';

export interface TurnContext {
  /** A peace step was ratified this turn: the track is not checked for falling back. */
  peaceMoved: boolean;
  /** Middle routes and alternatives -> kt/yr, filled by cargo allocation. */
  routeFlows: Record<string, number>;
  throughput: number;
  /** The segments as cargo allocation priced them (network.ts); revenue reads the same. */
  segments: SegmentTable | null;
}

export function newContext(): TurnContext {
  return { peaceMoved: false, routeFlows: {}, throughput: 0, segments: null };
}
