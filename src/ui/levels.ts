// Shipped levels (levels/*.json, bundled by Vite) and levels loaded from disk. A level
// with errors is listed with its findings and can never start a game.
import { parseLevelText, type Finding, type LoadedLevel } from './sim';

export interface LevelEntry {
  id: string;
  file: string;
  source: 'shipped' | 'file';
  level: LoadedLevel | null;
  findings: Finding[];
}

// As URLs of emitted files, not JS modules: levels are data, fetched at start-up.
const files = import.meta.glob(['/levels/*.json', '!/levels/*.schema.json'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** The id of the level the game opens on (the README's `npm start`). */
export const DEFAULT_LEVEL_ID = 'middle-corridor';

/** The default level first, then the tutorial (for newcomers), then the rest by name. */
function order(a: LevelEntry, b: LevelEntry): number {
  const rank = (e: LevelEntry) => (e.id === DEFAULT_LEVEL_ID ? 0 : /tutorial/.test(e.id) ? 1 : 2);
  const na = a.level?.name ?? a.id;
  const nb = b.level?.name ?? b.id;
  return rank(a) - rank(b) || (na < nb ? -1 : na > nb ? 1 : 0);
}

export async function loadShippedLevels(): Promise<LevelEntry[]> {
  const entries = Object.entries(files).filter(([path]) => !path.endsWith('.schema.json'));
  const out = await Promise.all(
    entries.map(async ([path, url]) => {
      const file = path.split('/').pop() ?? path;
      try {
        const res = await fetch(url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return parseEntry(await res.text(), file, 'shipped');
      } catch (e) {
        return { id: file.replace(/\.json$/i, ''), file, source: 'shipped' as const, level: null, findings: [{ severity: 'error' as const, path: [], message: `could not be loaded: ${(e as Error).message}` }] };
      }
    }),
  );
  return out.sort(order);
}

export function parseEntry(text: string, file: string, source: LevelEntry['source']): LevelEntry {
  const r = parseLevelText(text);
  const id = r.ok ? r.level.id : file.replace(/\.json$/i, '');
  return { id, file, source, level: r.ok ? r.level : null, findings: r.findings };
}

