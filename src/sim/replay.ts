// Replays: a game is `level + seed + seats + ordered actions`. The file also stores the
// state hash after setup and after every turn, so a divergence names its turn.
// Loading never throws: a bad file gets `$.<path>: <what is wrong>` (docs/REPLAYS.md).
import { z } from 'zod';
import { openStep } from './actions';
import { freezeEntries, sealRun } from './cow';
import { REPLAY_FORMAT } from './file-kind';
import { stateHash } from './checkpoint';
import { FORBIDDEN_KEYS, locate, parseJsonSource, type JsonPath } from './json-source';
import { formatPath, loadLevelData, zodFindings, type LoadedLevel } from './level';
import { closest } from './level-check';
import { stepRecorded } from './recorded';
import { MAX_SEED_LENGTH, newGame, openGame } from './state';
import type { Action, GameState } from './types';

export { REPLAY_FORMAT };
export const REPLAY_VERSION = 2;
/** Replay text larger than this is refused before parsing (a 16-turn game is ~30 KB). */
export const MAX_REPLAY_CHARS = 20_000_000;
const MAX_DEPTH = 64;

/** `checkpointHash` of a file migrated from version 1, whose checkpoints no longer compare. */
export const FORMAT_1 = 'format-1';

/**
 * MIGRATIONS[v - 1] turns a version-v replay into a version v+1 one. Older versions are
 * migrated on load; a newer version is refused with a message naming it.
 */
const MIGRATIONS: readonly ((data: Record<string, unknown>) => Record<string, unknown>)[] = [
  // Version 1 checkpoints hashed the whole state, narration included, with an older hash, and
  // running scores then counted met agendas; version 2 hashes the game's facts (checkpoint.ts).
  // Those old hashes cannot be recomputed, so a version-1 file is re-run without comparing
  // them (its actions still are checked, one by one, against the rules) and says so.
  (d) => ({ ...d, version: 2, checkpointHash: FORMAT_1 }),
];

const hash = z.string().regex(/^[0-9a-f]{16}$/, 'a hash is 16 hexadecimal digits');
export const replaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(REPLAY_VERSION),
  level: z.strictObject({ id: z.string().min(1), hash, data: z.unknown().optional() }),
  seed: z.string().min(1).max(MAX_SEED_LENGTH),
  seats: z.record(z.string(), z.enum(['human', 'bot'])),
  actions: z.array(z.strictObject({ turn: z.int().min(1), action: z.record(z.string(), z.unknown()) })).max(100_000),
  checkpoints: z.array(z.strictObject({ turn: z.int().min(0), hash })).min(1),
  /** Absent: the checkpoints are stateHash's. FORMAT_1: a version-1 file's, not compared. */
  checkpointHash: z.literal(FORMAT_1).optional(),
});

export type Replay = z.infer<typeof replaySchema>;

/** The fields each object of the format allows, for "unknown field" messages. */
const KNOWN_KEYS: { at: (path: JsonPath) => boolean; keys: string[] }[] = [
  { at: (p) => p.length === 0, keys: ['format', 'version', 'level', 'seed', 'seats', 'actions', 'checkpoints', 'checkpointHash'] },
  { at: (p) => p.length === 1 && p[0] === 'level', keys: ['id', 'hash', 'data'] },
  { at: (p) => p.length === 2 && p[0] === 'actions', keys: ['turn', 'action'] },
  { at: (p) => p.length === 2 && p[0] === 'checkpoints', keys: ['turn', 'hash'] },
];

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

/** A replay error with the file's name before each of its lines (as the CLI and the browser show it). */
export function inFile(file: string, error: string): string {
  return error.split('\n').map((line) => `${file}: ${line}`).join('\n');
}

/** `error`: one line, or one line per error of an embedded level (newline-separated). */
export type ReplayParse = { ok: true; replay: Replay } | { ok: false; error: string };

type Checked = { ok: true; replay: Replay } | { ok: false; path: JsonPath; message: string };

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'an array' : `${typeof v === 'object' ? 'an object' : `a ${typeof v}`}`;
}

/**
 * What zod cannot be trusted with: keys that reach Object.prototype (zod drops them silently),
 * non-finite numbers (JSON.parse turns 1e999 into Infinity, which no hash accepts), values
 * JSON cannot hold, and nesting deep enough to exhaust the stack. Iterative on purpose.
 */
function scan(data: unknown): { path: JsonPath; message: string } | null {
  const stack: { v: unknown; path: JsonPath }[] = [{ v: data, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) return { path, message: `nested more than ${MAX_DEPTH} levels deep` };
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, message: `expected a finite number, found ${v} (a number too large for JSON?)` };
    } else if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      } else {
        const keys = Object.keys(v);
        const bad = keys.find((k) => FORBIDDEN_KEYS.includes(k));
        if (bad !== undefined) return { path: [...path, bad], message: `key ${JSON.stringify(bad)} is not allowed (it could change how every object behaves)` };
        for (let i = keys.length - 1; i >= 0; i--) {
          const member = (v as Record<string, unknown>)[keys[i]];
          if (member !== undefined) stack.push({ v: member, path: [...path, keys[i]] }); // absent, as in JSON
        }
      }
    } else if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') {
      return { path, message: `expected a JSON value, found ${describe(v)}` };
    }
  }
  return null;
}

export type ReplayMigrationStep = (data: Record<string, unknown>) => Record<string, unknown>;
export type ReplayMigration = { ok: true; data: Record<string, unknown>; from: number } | { ok: false; error: string };

type Migrated = { ok: true; data: Record<string, unknown>; from: number } | { ok: false; path: JsonPath; message: string };

function migrate(data: unknown, steps: readonly ReplayMigrationStep[], target: number): Migrated {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, path: [], message: `this is not a Corridor replay (expected an object with format "${REPLAY_FORMAT}", found ${describe(data)})` };
  }
  let d = data as Record<string, unknown>;
  if (d.format !== REPLAY_FORMAT) return { ok: false, path: ['format'], message: `this is not a Corridor replay (expected "${REPLAY_FORMAT}", found ${describe(d.format)})` };
  const v = d.version;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    return { ok: false, path: ['version'], message: `expected a replay format version (a whole number from 1 to ${target}), found ${describe(v)}` };
  }
  if (v > target) {
    return { ok: false, path: ['version'], message: `replay format version ${v} is newer than this game understands (${target}); update Corridor` };
  }
  const bad = scan(data);
  if (bad) return { ok: false, ...bad };
  for (let from = v; from < target; from++) {
    const step = steps[from - 1];
    if (!step) return { ok: false, path: ['version'], message: `replay format version ${from} cannot be migrated (no migration to version ${from + 1})` };
    d = step(d);
  }
  return { ok: true, data: d, from: v };
}

/**
 * The one way older saves and replays reach the current format: checks format and version,
 * then applies MIGRATIONS one version at a time: the identity for the current version, a
 * refusal naming the version for anything newer. `steps`/`target` let the chain be tested
 * with made-up versions. Never throws.
 */
export function migrateReplay(data: unknown, steps: readonly ReplayMigrationStep[] = MIGRATIONS, target: number = REPLAY_VERSION): ReplayMigration {
  try {
    const m = migrate(data, steps, target);
    return m.ok ? m : { ok: false, error: `${formatPath(m.path)}: ${m.message}` };
  } catch (e) {
    return { ok: false, error: `$: this replay could not be migrated (${(e as Error)?.message ?? String(e)})` };
  }
}

function check(data: unknown): Checked {
  const m = migrate(data, MIGRATIONS, REPLAY_VERSION);
  if (!m.ok) return m;
  const d = m.data;
  const r = replaySchema.safeParse(d);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path: JsonPath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const known = KNOWN_KEYS.find((k) => k.at(path))?.keys ?? [];
      const near = closest(key, known);
      return { ok: false, path: [...path, key], message: `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : known.length ? ` (allowed here: ${known.join(', ')})` : ''}` };
    }
    const f = zodFindings([issue], d)[0];
    return { ok: false, path: f?.path ?? path, message: f?.message ?? issue.message };
  }
  const replay = r.data;
  // Checkpoint i is the hash after turn i (0: after setup), so each turn has exactly one.
  for (const [i, c] of replay.checkpoints.entries()) {
    if (c.turn !== i) return { ok: false, path: ['checkpoints', i, 'turn'], message: `expected ${i} (checkpoints are the turns 0, 1, 2, ... in order), found ${c.turn}` };
  }
  for (const [i, a] of replay.actions.entries()) {
    const prev = replay.actions[i - 1];
    if (prev && a.turn < prev.turn) return { ok: false, path: ['actions', i, 'turn'], message: `actions are in play order, but turn ${a.turn} comes after turn ${prev.turn}` };
  }
  return { ok: true, replay };
}

/** Checks a replay's structure (not its hashes): precise messages for malformed files. Never throws. */
export function parseReplay(data: unknown): ReplayParse {
  try {
    const c = check(data);
    return c.ok ? c : { ok: false, error: `${formatPath(c.path)}: ${c.message}` };
  } catch (e) {
    return { ok: false, error: `$: this replay could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}

/**
 * Parses replay file text: JSON syntax errors (a truncated file) and structure errors name
 * the JSON path, line and column. Never throws.
 */
export function parseReplayText(text: string): ReplayParse {
  try {
    if (typeof text !== 'string') return { ok: false, error: '$: expected the text of a replay file' };
    const src = parseJsonSource(text, { maxChars: MAX_REPLAY_CHARS });
    const at = (line: number, col: number) => `(line ${line}, column ${col})`;
    if (!src.ok) {
      const e = src.error;
      return { ok: false, error: `${formatPath(e.path)}: not valid JSON${e.atEnd ? ' (the file may be truncated)' : ''}: ${e.message} ${at(e.pos.line, e.pos.col)}` };
    }
    // The first in the text, whatever order the parser found them in.
    const p = [...src.problems].sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)[0];
    if (p) return { ok: false, error: `${formatPath(p.path)}: ${p.message} ${at(p.pos.line, p.pos.col)}` };
    const c = check(src.value);
    if (c.ok) {
      // A broken embedded level's errors are named at their places in this file, line and
      // column included, one line each.
      const found = c.replay.level.data === undefined ? [] : embeddedErrors(loadEmbedded(c.replay.level.data));
      if (!found.length) return c;
      const lines = found.map((f) => {
        const path: JsonPath = ['level', 'data', ...f.path];
        const pos = locate(src.root, path, false);
        return `${formatPath(path)}: ${f.message} (the embedded level is invalid) ${at(pos.line, pos.col)}`;
      });
      return { ok: false, error: withMore(lines) };
    }
    const pos = locate(src.root, c.path, c.message.startsWith('unknown field') || c.message.startsWith('key '));
    return { ok: false, error: `${formatPath(c.path)}: ${c.message} ${at(pos.line, pos.col)}` };
  } catch (e) {
    return { ok: false, error: `$: this replay could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}

// An embedded level is loaded once per parsed object: parseReplayText checks it, and
// embeddedLevel then takes the same load (a pure cache: the data is never changed).
const embeddedLoads = new WeakMap<object, ReturnType<typeof loadLevelData>>();

function loadEmbedded(data: unknown): ReturnType<typeof loadLevelData> {
  if (data === null || typeof data !== 'object') return loadLevelData(data);
  let load = embeddedLoads.get(data);
  if (!load) embeddedLoads.set(data, (load = loadLevelData(data)));
  return load;
}

/** The errors of a failed load, in the loader's order (none when it loaded). */
function embeddedErrors(load: ReturnType<typeof loadLevelData>): { path: JsonPath; message: string }[] {
  if (load.ok) return [];
  const errors = load.findings.filter((x) => x.severity === 'error');
  return errors.length ? errors : [{ path: [], message: 'unknown problem' }];
}

// A level edited into a replay by hand can be wrong everywhere; the first lines say enough.
const MAX_EMBEDDED_LINES = 20;

/** The errors' lines joined, the first MAX_EMBEDDED_LINES of them, then how many more there are. */
function withMore(lines: string[]): string {
  if (lines.length <= MAX_EMBEDDED_LINES) return lines.join('\n');
  const more = lines.length - MAX_EMBEDDED_LINES;
  return [...lines.slice(0, MAX_EMBEDDED_LINES), `$.level.data: and ${more} more error${more === 1 ? '' : 's'} in the embedded level (validating the level file lists them all)`].join('\n');
}

/** The level a replay embeds, checked against the hash it names. */
export function embeddedLevel(replay: Replay): { ok: true; level: LoadedLevel } | { ok: false; error: string } | null {
  if (replay.level.data === undefined) return null;
  const load = loadEmbedded(replay.level.data);
  if (!load.ok) return { ok: false, error: withMore(embeddedErrors(load).map((f) => `${formatPath(['level', 'data', ...f.path])}: ${f.message} (the embedded level is invalid)`)) };
  if (load.level.hash !== replay.level.hash) return { ok: false, error: `$.level.hash: the embedded level's content hash is ${load.level.hash}, not ${replay.level.hash}` };
  if (load.level.id !== replay.level.id) return { ok: false, error: `$.level.id: the embedded level's id is "${load.level.id}", not "${replay.level.id}"` };
  return { ok: true, level: load.level };
}

export type VerifyResult =
  /** hashes[t] is the state hash after turn t (0: after setup). */
  /** unchecked: a version-1 file, re-run without comparing its (older) checkpoint hashes. */
  /** live (with keepStates): the state after the moves recorded since the last resolved
   * turn (a save made mid-turn), frozen; absent when there are none. */
  | { ok: true; turns: number; finalHash: string; hashes: string[]; states: GameState[]; live?: GameState; unchecked?: true }
  | { ok: false; kind: 'diverged'; turn: number; expected: string; got: string; message: string }
  | { ok: false; kind: 'invalid'; message: string };

export interface VerifyOptions {
  /** Keep the state after setup and after every turn (for viewers); off for speed. */
  keepStates?: boolean;
}

/** Re-runs a replay and compares every checkpoint. Never throws. */
export function verifyReplay(level: LoadedLevel, replay: Replay, options: VerifyOptions = {}): VerifyResult {
  // Where the run is: a path, or the index of the action being applied (its path is written
  // only if needed).
  let at: string | number = '$';
  try {
    return run(level, replay, options, (place) => (at = place));
  } catch (e) {
    // A throw here is a bug in the simulation, not in the file; still name where it happened.
    return { ok: false, kind: 'invalid', message: `${typeof at === 'number' ? `$.actions[${at}]` : at}: the simulation failed on this entry (${(e as Error)?.message ?? String(e)})` };
  }
}

function run(level: LoadedLevel, replay: Replay, options: VerifyOptions, where: (place: string | number) => void): VerifyResult {
  if (replay.level.id !== level.id || replay.level.hash !== level.hash) {
    return { ok: false, kind: 'invalid', message: `$.level: the replay was recorded on level "${replay.level.id}" (hash ${replay.level.hash}), not "${level.id}" (hash ${level.hash})` };
  }
  let state: GameState;
  try {
    // Kept states are frozen and narrated; otherwise the run is open from the start
    // (openGame) and silent: only its hashes are read, and they leave the narration out.
    state = options.keepStates ? newGame(level, { seed: replay.seed, seats: replay.seats }) : openGame(level, { seed: replay.seed, seats: replay.seats, narrate: false });
  } catch (e) {
    return { ok: false, kind: 'invalid', message: `$.seats: ${(e as Error).message}` };
  }
  const { checkpoints } = replay;
  const compare = replay.checkpointHash !== FORMAT_1;
  const states: GameState[] = options.keepStates ? [state] : [];
  const hashes: string[] = [];
  let fresh = true; // no action since the last checkpoint's hash
  const check = (turn: number): VerifyResult | null => {
    const want = checkpoints[turn];
    if (!want || want.turn !== turn) return { ok: false, kind: 'invalid', message: `$.checkpoints: there is no checkpoint for turn ${turn}, which the actions resolve (checkpoints list turns 0, 1, 2, ... in order)` };
    const got = stateHash(state);
    hashes.push(got);
    fresh = true;
    if (compare && want.hash !== got) return { ok: false, kind: 'diverged', turn, expected: want.hash, got, message: `diverged at turn ${turn}: expected ${want.hash}, got ${got}` };
    return null;
  };
  where('$.checkpoints[0]');
  const bad = check(0);
  if (bad) return bad;
  let resolved = 0;
  let sealed = state; // with keepStates: the last checkpoint's state, frozen
  for (let i = 0; i < replay.actions.length; i++) {
    const entry = replay.actions[i];
    where(i);
    // The states between checkpoints are not kept: the actions run open (openStep). Kept
    // states are frozen at each checkpoint; otherwise the state stays open all along.
    const r = stepRecorded(level, state, entry, openStep);
    if (!r.ok) {
      if (r.kind === 'ended') return { ok: false, kind: 'invalid', message: `$.actions[${i}]: the game ended before this action` };
      if (r.kind === 'otherTurn') return { ok: false, kind: 'diverged', turn: r.turn, expected: `an action of turn ${entry.turn}`, got: `turn ${r.turn}`, message: `diverged at turn ${r.turn}: $.actions[${i}] is recorded for turn ${entry.turn}` };
      return { ok: false, kind: 'diverged', turn: r.turn, expected: 'a legal action', got: r.error, message: `diverged at turn ${r.turn}: $.actions[${i}] was refused: ${r.error}` };
    }
    state = r.state;
    fresh = false;
    if (r.resolved) {
      if (options.keepStates) state = sealed = sealRun(sealed, state);
      else freezeEntries(state);
      resolved += 1;
      if (options.keepStates) states.push(state);
      const d = check(resolved);
      if (d) return d;
    }
  }
  const last = checkpoints[checkpoints.length - 1];
  if (last.turn > resolved) {
    // Every checkpoint up to here matched: the file is cut short (or edited), not a game that went otherwise.
    return { ok: false, kind: 'invalid', message: `$.actions: the actions end after turn ${resolved}, but $.checkpoints go on to turn ${last.turn} (the file may be cut short)` };
  }
  if (options.keepStates) state = sealRun(sealed, state);
  // Hashing a late-game state costs milliseconds: reuse the last checkpoint's when nothing moved since.
  const finalHash = fresh ? hashes[hashes.length - 1] : stateHash(state);
  const live = options.keepStates && !fresh ? { live: state } : {};
  return { ok: true, turns: resolved, finalHash, hashes, states, ...live, ...(compare ? {} : { unchecked: true as const }) };
}

export type Rerun =
  | { ok: true; actions: Replay['actions']; turns: number; stopped: { index: number; turn: number; error: string } | null }
  | { ok: false; error: string };

/**
 * A save recorded on another version of `level` (same id, other content hash), re-run on
 * this one: its actions from the start, as far as this version's rules accept them. Its
 * checkpoint hashes belong to the other version and are not compared; the game that comes
 * out is a new one, played on today's rules, that starts with the recorded moves. Stops at
 * the first action this version refuses (or that the game no longer reaches in its turn).
 * Never throws.
 */
export function rerunOnLevel(level: LoadedLevel, replay: Replay): Rerun {
  if (replay.level.id !== level.id) return { ok: false, error: `$.level.id: the save is of level "${replay.level.id}", not "${level.id}"` };
  let state: GameState;
  try {
    state = openGame(level, { seed: replay.seed, seats: replay.seats, narrate: false }); // no state is kept, only the moves
  } catch (e) {
    return { ok: false, error: `$.seats: ${(e as Error).message}` };
  }
  const kept: Replay['actions'] = [];
  let turns = 0;
  let stopped: { index: number; turn: number; error: string } | null = null;
  try {
    for (let i = 0; i < replay.actions.length; i++) {
      const entry = replay.actions[i];
      const r = stepRecorded(level, state, entry, openStep);
      if (!r.ok) {
        const error =
          r.kind === 'ended' ? 'on this version the game ended before it'
          : r.kind === 'otherTurn' ? `it was made in turn ${entry.turn}, but on this version the game is still in turn ${r.turn}`
          : r.error;
        stopped = { index: i, turn: entry.turn, error };
        break;
      }
      state = r.state;
      kept.push(entry);
      if (r.resolved) turns += 1;
    }
  } catch (e) {
    // A throw is a bug in the simulation; the moves before it still stand.
    stopped = { index: kept.length, turn: replay.actions[kept.length]?.turn ?? state.turn, error: `the simulation failed on this action (${(e as Error)?.message ?? String(e)})` };
  }
  return { ok: true, actions: kept, turns, stopped };
}
