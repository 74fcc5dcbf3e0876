// Level format migrations: plain JSON data of version n -> version n+1, applied in order
// until the data is at LEVEL_FORMAT_VERSION. A migration never mutates its input (the
// caller's data stays as it was) and says which paths it moved, so findings on the
// migrated data can still point at the right place in the original file.
import { LEVEL_FORMAT_VERSION } from './level-schema';
import type { Finding } from './level';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

export interface MigrationStep {
  /** The version this step reads; it writes from + 1. */
  from: number;
  /** What changed, shown to the modder as a warning. */
  note: string;
  migrate(data: Readonly<Obj>): { data: Obj; moved: [from: Path, to: Path][] };
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** migrations[n] takes version n to n + 1. Version 0 is the unnumbered pre-release format. */
export const migrations: readonly MigrationStep[] = [
  {
    from: 0,
    note: 'pre-release levels called the alternative routes "altRoutes"; renamed to "alternativeRoutes"',
    migrate(data) {
      const out: Obj = { ...data, formatVersion: 1 };
      const moved: [Path, Path][] = [];
      // Only rename when unambiguous; if both exist the schema reports the stray key.
      if (own(data, 'altRoutes') && !own(data, 'alternativeRoutes')) {
        out.alternativeRoutes = data.altRoutes;
        delete out.altRoutes;
        moved.push([['altRoutes'], ['alternativeRoutes']]);
      }
      return { data: out, moved };
    },
  },
];

export interface Migrated {
  data: unknown;
  /** Warnings about migrations applied, or the error for a version from the future. */
  findings: Finding[];
  /** Path renames applied, oldest first: [path in the original, path after migration]. */
  moved: [Path, Path][];
  /** True when the data is too new to read: stop, the findings say why. */
  refused: boolean;
}

/**
 * Bring level data up to LEVEL_FORMAT_VERSION. A missing formatVersion means version 0
 * (pre-release). Versions that are not integers are left for the schema to report.
 */
export function migrateLevel(input: unknown, steps: readonly MigrationStep[] = migrations, current = LEVEL_FORMAT_VERSION): Migrated {
  const findings: Finding[] = [];
  const moved: [Path, Path][] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { data: input, findings, moved, refused: false };
  let data = input as Obj;
  const declared = own(data, 'formatVersion') ? data.formatVersion : undefined;
  if (declared !== undefined && (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0)) {
    return { data, findings, moved, refused: false };
  }
  const start = declared ?? 0;
  if (start > current) {
    findings.push({
      severity: 'error',
      path: ['formatVersion'],
      message: `level format version ${start} is newer than this game understands (${current}); update Corridor`,
    });
    return { data, findings, moved, refused: true };
  }
  if (start === current) return { data, findings, moved, refused: false };
  const notes: string[] = [];
  for (let v = start; v < current; v++) {
    const step = steps[v];
    if (!step || step.from !== v) {
      findings.push({ severity: 'error', path: ['formatVersion'], message: `no migration from level format version ${v} to ${v + 1}` });
      return { data, findings, moved, refused: true };
    }
    const r = step.migrate(data);
    data = r.data;
    moved.push(...r.moved);
    notes.push(step.note);
  }
  const what = `migrated from format version ${start} to ${current} (${notes.join('; ')})`;
  findings.push(
    declared === undefined
      ? { severity: 'warning', path: [], message: `no "formatVersion": read as a pre-release level and ${what}; add "formatVersion": ${current}` }
      : { severity: 'warning', path: ['formatVersion'], message: `${what}; set "formatVersion": ${current} after checking the changes` },
  );
  return { data, findings, moved, refused: false };
}

/** Map a path in migrated data back to the path it had in the original file. */
export function originalPath(path: Path, moved: readonly [Path, Path][]): Path {
  let p = path;
  for (let k = moved.length - 1; k >= 0; k--) {
    const [from, to] = moved[k];
    if (to.length <= p.length && to.every((seg, j) => seg === p[j])) p = [...from, ...p.slice(to.length)];
  }
  return p;
}
