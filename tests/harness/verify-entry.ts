// The replay verifier as a browser script: the cross-engine tests bundle this file, load it
// into a blank page of each browser and compare its per-turn hashes with Node's, those of
// the whole state too (so the narration, which checkpoints leave out, is compared as well). It reads
// only src/sim (no UI), so it works whether or not the app builds.
import { parseLevelText, type LoadedLevel } from '../../src/sim/level';
import { fullStateHash } from '../../src/sim/checkpoint';
import { embeddedLevel, parseReplayText, verifyReplay } from '../../src/sim/replay';

export interface TextFile { file: string; text: string }

export interface HarnessResult {
  file: string;
  ok: boolean;
  levelId: string | null;
  levelHash: string | null;
  turns: number;
  /** hashes[t]: the state hash after turn t as this engine computed it (0: after setup). */
  hashes: string[];
  /** The whole state's hash after each turn, narration included (the checkpoints leave it out). */
  fullHashes: string[];
  finalHash: string | null;
  message: string;
}

/** Loads the levels, then re-runs every replay against the level it names (or embeds). */
export function verifyReplays(replays: TextFile[], levels: TextFile[]): HarnessResult[] {
  const byId = new Map<string, LoadedLevel>();
  const failed: string[] = [];
  for (const l of levels) {
    const r = parseLevelText(l.text, l.file);
    if (r.ok) byId.set(r.level.id, r.level);
    else failed.push(`${l.file}: ${r.findings.find((f) => f.severity === 'error')?.message ?? 'invalid'}`);
  }
  return replays.map(({ file, text }): HarnessResult => {
    const base: HarnessResult = { file, ok: false, levelId: null, levelHash: null, turns: 0, hashes: [], fullHashes: [], finalHash: null, message: '' };
    const parsed = parseReplayText(text);
    if (!parsed.ok) return { ...base, message: parsed.error };
    const replay = parsed.replay;
    const embedded = embeddedLevel(replay);
    if (embedded && !embedded.ok) return { ...base, message: embedded.error };
    const level = embedded ? embedded.level : byId.get(replay.level.id);
    if (!level) return { ...base, message: `$.level.id: no level "${replay.level.id}" was loaded${failed.length ? ` (failed: ${failed.join('; ')})` : ''}` };
    const v = verifyReplay(level, replay, { keepStates: true });
    const named = { ...base, levelId: level.id, levelHash: level.hash };
    if (!v.ok) return { ...named, message: v.message };
    return { ...named, ok: true, turns: v.turns, hashes: v.hashes, fullHashes: v.states.map(fullStateHash), finalHash: v.finalHash, message: `ok: ${v.turns} turns, final hash ${v.finalHash}` };
  });
}

(globalThis as unknown as { verifyReplays: typeof verifyReplays }).verifyReplays = verifyReplays;
