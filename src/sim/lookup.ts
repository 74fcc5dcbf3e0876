// Per-level lookups built once per frozen level object. The WeakMap is a pure cache
// keyed by an immutable level, so it cannot make two runs differ.
import type { LoadedLevel } from './level';
import type { Level } from './level-schema';

type Def<K extends keyof Level> = Level[K] extends readonly (infer T)[] ? T : never;

export interface LevelIndex {
  states: Map<string, Def<'states'>>;
  segments: Map<string, Def<'segments'>>;
  nodes: Map<string, Def<'nodes'>>;
  events: Map<string, Def<'events'>>;
  altRoutes: Map<string, Def<'alternativeRoutes'>>;
  stages: Map<string, NonNullable<Level['powerLine']>['stages'][number]>;
  stateIds: string[];
  actorIds: string[]; // states then forces, level order
  peaceStageIndex: Map<string, number>;
}

const cache = new WeakMap<object, LevelIndex>();
// The rules ask for the index of one level thousands of times a turn: the last one asked
// for is kept at hand, a pointer comparison instead of a WeakMap lookup (a pure cache too;
// it keeps that one level alive).
const last: { level: LoadedLevel | null; idx: LevelIndex | null } = { level: null, idx: null };

export function indexOf(level: LoadedLevel): LevelIndex {
  if (last.level === level && last.idx) return last.idx;
  let idx = cache.get(level);
  if (!idx) {
    const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x] as const));
    idx = {
      states: byId(level.states),
      segments: byId(level.segments),
      nodes: byId(level.nodes),
      events: byId(level.events),
      altRoutes: byId(level.alternativeRoutes),
      stages: byId(level.powerLine?.stages ?? []),
      stateIds: level.states.map((s) => s.id),
      actorIds: [...level.states.map((s) => s.id), ...level.forces.map((f) => f.id)],
      peaceStageIndex: new Map((level.peaceTrack?.stages ?? []).map((st, i) => [st.id, i] as const)),
    };
    cache.set(level, idx);
  }
  last.level = level;
  last.idx = idx;
  return idx;
}
