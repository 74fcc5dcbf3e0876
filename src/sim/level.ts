// Level loading: JSON text or data -> a frozen, checked LoadedLevel, or findings that
// say exactly what is wrong and where. A failed load never throws.
import { levelSchema, LEVEL_FORMAT_VERSION, type Level } from './level-schema';
import { enumerateRoutes, type MiddleRoute } from './routes';
import { hashValue } from './hash';

export interface Finding {
  severity: 'error' | 'warning';
  path: (string | number)[];
  message: string;
  line?: number;
  col?: number;
}

export interface LoadedLevel extends Level {
  /** Content hash of the parsed level: replays and saves name the level by id and hash. */
  hash: string;
  routes: MiddleRoute[];
}

export type LevelLoad = { ok: true; level: LoadedLevel; findings: Finding[] } | { ok: false; findings: Finding[] };

export function formatPath(path: (string | number)[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

export function loadLevelData(data: unknown): LevelLoad {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const v = (data as { formatVersion?: unknown }).formatVersion;
    if (typeof v === 'number' && v > LEVEL_FORMAT_VERSION) {
      return { ok: false, findings: [{ severity: 'error', path: ['formatVersion'], message: `level format version ${v} is newer than this game understands (${LEVEL_FORMAT_VERSION}); update Corridor` }] };
    }
  }
  const parsed = levelSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      findings: parsed.error.issues.map((i) => ({ severity: 'error' as const, path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })),
    };
  }
  const level = parsed.data;
  const routes = enumerateRoutes(level);
  const loaded: LoadedLevel = { ...level, hash: hashValue(level), routes };
  return { ok: true, level: deepFreeze(loaded), findings: [] };
}

export function parseLevelText(text: string): LevelLoad {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, findings: [{ severity: 'error', path: [], message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return loadLevelData(data);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
