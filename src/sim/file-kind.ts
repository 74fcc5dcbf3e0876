// Files a modder may load as a level that are no level at all: a replay (it is JSON too),
// or a level saved as UTF-16 (some Windows editors do), which read as UTF-8 has a NUL
// between every two characters. Either would give a flood of schema or syntax errors that
// say nothing of the real problem, so each is told in one message instead.

/** The `format` of a Corridor replay file (src/sim/replay.ts). */
export const REPLAY_FORMAT = 'corridor-replay';

/**
 * Why the text is not UTF-8 JSON, or undefined. A UTF-16 byte-order mark (FF FE or FE FF)
 * decodes as two U+FFFD; UTF-16 without one has NULs, which JSON never holds raw.
 */
export function encodingProblem(text: string): string | undefined {
  const head = text.slice(0, 400);
  if (head.startsWith('\uFFFD\uFFFD') || head.includes('\u0000')) return 'the file is UTF-16, not UTF-8: save it as UTF-8 (in most editors: Save with Encoding, UTF-8)';
  return undefined;
}

/** Why parsed JSON is another kind of Corridor file, or undefined. */
export function kindProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if ((data as Record<string, unknown>).format === REPLAY_FORMAT) {
    return 'this is a replay file, not a level: open it in the replay viewer ("Open a replay…" on the start screen) or with npm run -s replay -- show FILE';
  }
  return undefined;
}
