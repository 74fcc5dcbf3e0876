// Replays: a game is `level + seed + seats + ordered actions`. The file also stores the
// state hash after setup and after every turn, so a divergence names its turn.
import { z } from 'zod';
import { applyAction } from './actions';
import { hashValue } from './hash';
import { formatPath, loadLevelData, type LoadedLevel } from './level';
import { newGame } from './state';
import type { Action, GameState } from './types';

export const REPLAY_FORMAT = 'corridor-replay';
export const REPLAY_VERSION = 1;

const hash = z.string().regex(/^[0-9a-f]{16}$/, 'a hash is 16 hexadecimal digits');
export const replaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(REPLAY_VERSION),
  level: z.strictObject({ id: z.string().min(1), hash, data: z.unknown().optional() }),
  seed: z.string().min(1).max(200),
  seats: z.record(z.string(), z.enum(['human', 'bot'])),
  actions: z.array(z.strictObject({ turn: z.int().min(1), action: z.record(z.string(), z.unknown()) })).max(100_000),
  checkpoints: z.array(z.strictObject({ turn: z.int().min(0), hash })).min(1),
});

export type Replay = z.infer<typeof replaySchema>;

export interface ReplayInput {
  seed: string;
  seats: Record<string, 'human' | 'bot'>;
  actions: { turn: number; action: Action }[];
  checkpoints: { turn: number; hash: string }[];
  /** Embed the level (for levels that are not shipped with the game). */
  embedLevel?: boolean;
  levelData?: unknown;
}

export function makeReplay(level: LoadedLevel, r: ReplayInput): Replay {
  const { hash: _h, routes: _r, ...data } = level;
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    level: { id: level.id, hash: level.hash, ...(r.embedLevel ? { data: r.levelData ?? data } : {}) },
    seed: r.seed,
    seats: { ...r.seats },
    actions: r.actions.map((a) => ({ turn: a.turn, action: a.action as unknown as Record<string, unknown> })),
    checkpoints: r.checkpoints.map((c) => ({ ...c })),
  };
}

export type ReplayParse = { ok: true; replay: Replay } | { ok: false; error: string };

/** Checks a replay's structure (not its hashes): precise messages for malformed files. */
export function parseReplay(data: unknown): ReplayParse {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (d.format !== REPLAY_FORMAT) return { ok: false, error: `$.format: this is not a Corridor replay (expected "${REPLAY_FORMAT}", found ${JSON.stringify(d.format) ?? 'nothing'})` };
    if (typeof d.version === 'number' && d.version > REPLAY_VERSION) {
      return { ok: false, error: `$.version: replay format version ${d.version} is newer than this game understands (${REPLAY_VERSION}); update Corridor` };
    }
  }
  const r = replaySchema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    return { ok: false, error: `${formatPath(i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)))}: ${i.message}` };
  }
  return { ok: true, replay: r.data };
}

/** The level a replay embeds, checked against the hash it names. */
export function embeddedLevel(replay: Replay): { ok: true; level: LoadedLevel } | { ok: false; error: string } | null {
  if (replay.level.data === undefined) return null;
  const load = loadLevelData(replay.level.data);
  if (!load.ok) return { ok: false, error: `$.level.data: the embedded level is invalid: ${formatPath(load.findings[0].path)}: ${load.findings[0].message}` };
  if (load.level.hash !== replay.level.hash) return { ok: false, error: `$.level.hash: the embedded level's content hash is ${load.level.hash}, not ${replay.level.hash}` };
  return { ok: true, level: load.level };
}

export type VerifyResult =
  | { ok: true; turns: number; finalHash: string; states: GameState[] }
  | { ok: false; kind: 'diverged'; turn: number; expected: string; got: string; message: string }
  | { ok: false; kind: 'invalid'; message: string };

export interface VerifyOptions {
  /** Keep the state after setup and after every turn (for viewers); off for speed. */
  keepStates?: boolean;
}

/** Re-runs a replay and compares every checkpoint. Never throws. */
export function verifyReplay(level: LoadedLevel, replay: Replay, options: VerifyOptions = {}): VerifyResult {
  if (replay.level.id !== level.id || replay.level.hash !== level.hash) {
    return { ok: false, kind: 'invalid', message: `$.level: the replay was recorded on level "${replay.level.id}" (hash ${replay.level.hash}), not "${level.id}" (hash ${level.hash})` };
  }
  let state: GameState;
  try {
    state = newGame(level, { seed: replay.seed, seats: replay.seats });
  } catch (e) {
    return { ok: false, kind: 'invalid', message: `$.seats: ${(e as Error).message}` };
  }
  const expected = new Map(replay.checkpoints.map((c) => [c.turn, c.hash]));
  const states: GameState[] = options.keepStates ? [state] : [];
  const check = (turn: number): VerifyResult | null => {
    const want = expected.get(turn);
    const got = hashValue(state);
    if (want !== undefined && want !== got) return { ok: false, kind: 'diverged', turn, expected: want, got, message: `diverged at turn ${turn}: expected ${want}, got ${got}` };
    return null;
  };
  const bad = check(0);
  if (bad) return bad;
  let resolved = 0;
  for (const [i, entry] of replay.actions.entries()) {
    if (state.phase === 'ended') return { ok: false, kind: 'invalid', message: `$.actions[${i}]: the game ended before this action` };
    if (entry.turn !== state.turn) return { ok: false, kind: 'diverged', turn: state.turn, expected: `an action of turn ${entry.turn}`, got: `turn ${state.turn}`, message: `diverged at turn ${state.turn}: $.actions[${i}] is recorded for turn ${entry.turn}` };
    const r = applyAction(level, state, entry.action as unknown as Action);
    if (!r.ok) return { ok: false, kind: 'diverged', turn: state.turn, expected: 'a legal action', got: r.error, message: `diverged at turn ${state.turn}: $.actions[${i}] was refused: ${r.error}` };
    const before = state;
    state = r.state;
    if (state.turn !== before.turn || (state.phase === 'ended' && before.phase !== 'ended')) {
      resolved += 1;
      if (options.keepStates) states.push(state);
      const d = check(resolved);
      if (d) return d;
    }
  }
  const last = replay.checkpoints[replay.checkpoints.length - 1];
  if (last.turn > resolved) {
    return { ok: false, kind: 'diverged', turn: resolved + 1, expected: last.hash, got: 'no such turn', message: `diverged at turn ${resolved + 1}: the replay's actions end after turn ${resolved} but it has a checkpoint for turn ${last.turn}` };
  }
  return { ok: true, turns: resolved, finalHash: hashValue(state), states };
}
