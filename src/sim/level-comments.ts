// Notes in level files. JSON has no comments, so a level may carry a "$comment" key in any
// object, whose value is a text or a list of texts, for the people who read the file. The
// loader takes them out before the schema sees the level: they change nothing in play, and
// not the level's hash, so editing a note keeps every save and replay of the level valid.
export const COMMENT_KEY = '$comment';

type Path = (string | number)[];

const isText = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** `data` without its comments (copied only where one is taken out), and the paths of
 * comments that are not text (each an error for the loader to report). */
export function withoutComments(data: unknown): { data: unknown; notText: Path[] } {
  const notText: Path[] = [];
  const strip = (v: unknown, path: Path): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const x = strip(v[i], [...path, i]);
        if (x !== v[i]) (out ??= [...v])[i] = x;
      }
      return out ?? v;
    }
    const obj = v as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const [k, x] of Object.entries(obj)) {
      if (k === COMMENT_KEY) {
        if (!isText(x)) notText.push([...path, k]);
        out ??= { ...obj };
        delete out[k];
        continue;
      }
      const y = strip(x, [...path, k]);
      if (y !== x) (out ??= { ...obj })[k] = y;
    }
    return out ?? v;
  };
  return { data: strip(data, []), notText };
}
