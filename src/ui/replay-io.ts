// Replay files and share links in the browser: reading one (file, drop, link), finding its
// level (shipped, loaded from a file, or embedded), re-running it, and writing one out.
// A replay that fails any step gives the sim's exact message and changes nothing.
import * as LZString from 'lz-string';
import type { LevelEntry } from './levels';
import { embeddedLevel, parseReplayText, verifyReplay, type GameState, type LoadedLevel, type Replay } from './sim';

/** Longer links break in chat tools and some browsers; past this the file is the way. */
export const MAX_LINK_CHARS = 8000;
export const SHARE_PREFIX = '#r=';

export interface OpenedReplay {
  replay: Replay;
  level: LoadedLevel;
  /** states[t]: after turn t (0: after setup). */
  states: GameState[];
  /** The state after the moves made since the last resolved turn (a save made mid-turn), or null. */
  live: GameState | null;
  hashes: string[];
  finalHash: string;
  turns: number;
  /** The level travels with the replay (it is not one of this game's own). */
  embedded: boolean;
}

/** A failure may carry the parsed replay and the other version of its level, for a save
 * that can be continued on today's version (rerunOnLevel). */
export type OpenResult = { ok: true; opened: OpenedReplay } | { ok: false; error: string; replay?: Replay; otherVersion?: OtherVersion };

/** A level of this game with the id a replay names but other content: the version it was not recorded on. */
export interface OtherVersion { level: LoadedLevel; embedded: boolean }

/** The level a replay names: embedded, else a loaded level with the same id and content hash. */
export function levelForReplay(replay: Replay, levels: LevelEntry[]): { ok: true; level: LoadedLevel; embedded: boolean } | { ok: false; error: string; otherVersion?: OtherVersion } {
  const embedded = embeddedLevel(replay);
  if (embedded) return embedded.ok ? { ok: true, level: embedded.level, embedded: true } : embedded;
  const same = levels.filter((l) => l.level && l.level.id === replay.level.id);
  const match = same.find((l) => l.level!.hash === replay.level.hash);
  if (match) return { ok: true, level: match.level!, embedded: match.source !== 'shipped' };
  if (same.length) {
    const other = same.find((l) => l.source === 'shipped') ?? same[0];
    return {
      ok: false,
      error: `$.level.hash: recorded on a different version of "${replay.level.id}" (hash ${replay.level.hash}; this game has ${same.map((l) => l.level!.hash).join(', ')})`,
      otherVersion: { level: other.level!, embedded: other.source !== 'shipped' },
    };
  }
  return { ok: false, error: `$.level.id: "${replay.level.id}" is not a level of this game and the replay does not embed its level (load the level file first, or ask for a replay that embeds it)` };
}

/** Parses, finds the level, and re-runs every turn against the checkpoints. Never throws. */
export function openReplayText(text: string, levels: LevelEntry[], options: { keepStates?: boolean } = {}): OpenResult {
  const parsed = parseReplayText(text);
  if (!parsed.ok) return parsed;
  const lv = levelForReplay(parsed.replay, levels);
  if (!lv.ok) return { ...lv, replay: parsed.replay };
  const v = verifyReplay(lv.level, parsed.replay, { keepStates: options.keepStates ?? true });
  // A replay that no longer plays out as recorded: say what that means before the detail.
  if (!v.ok && v.kind === 'diverged') return { ok: false, error: `This replay does not play out as it was recorded: the file was changed, or it was made by a different version of the game (${v.message}).` };
  if (!v.ok) return { ok: false, error: v.message };
  return { ok: true, opened: { replay: parsed.replay, level: lv.level, states: v.states, live: v.live ?? null, hashes: v.hashes, finalHash: v.finalHash, turns: v.turns, embedded: lv.embedded } };
}

export function replayText(replay: Replay): string {
  return `${JSON.stringify(replay, null, 1)}\n`;
}

/** corridor-<level>-<seed>, with anything a file system may refuse replaced: the start of
 * every file name a game is saved under. */
export function fileStem(levelId: string, seed: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'game';
  return `corridor-${safe(levelId)}-${safe(seed)}`;
}

export function replayFileName(levelId: string, seed: string): string {
  return `${fileStem(levelId, seed)}.replay.json`;
}

export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadReplay(replay: Replay): string {
  const name = replayFileName(replay.level.id, replay.seed);
  download(name, replayText(replay));
  return name;
}

/** The page address with the whole replay in the fragment, or how long it would have been. */
export function shareLink(base: string, replay: Replay): { ok: true; url: string } | { ok: false; length: number } {
  const url = `${base}${SHARE_PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify(replay))}`;
  return url.length < MAX_LINK_CHARS ? { ok: true, url } : { ok: false, length: url.length };
}

/** The replay text inside a `#r=` fragment, or null when the fragment holds none. */
export function replayFromFragment(hash: string): { ok: true; text: string } | { ok: false; error: string } | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const packed = hash.slice(SHARE_PREFIX.length);
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(packed);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, error: 'the replay in this link is damaged and could not be unpacked (was the link cut short when it was copied?)' };
  return { ok: true, text };
}
