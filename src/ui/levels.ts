// Shipped levels (levels/*.json, bundled by Vite) and levels loaded from disk. A level
// with errors is listed with its findings and can never start a game.
import { formatPath, parseLevelText, type Finding, type LoadedLevel } from './sim';

export interface LevelEntry {
  id: string;
  file: string;
  source: 'shipped' | 'file';
  level: LoadedLevel | null;
  findings: Finding[];
}

// As URLs of emitted files, not JS modules: levels are data, fetched at start-up.
const files = import.meta.glob(['/levels/*.json', '!/levels/*.schema.json'], { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Tutorial first, then the rest by name: what a new player should open first. */
function order(a: LevelEntry, b: LevelEntry): number {
  const rank = (e: LevelEntry) => (/tutorial/.test(e.id) ? 0 : 1);
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

export function describeFinding(f: Finding): string {
  const where = f.line !== undefined ? ` (line ${f.line}${f.col !== undefined ? `, column ${f.col}` : ''})` : '';
  return `${f.severity === 'error' ? 'Error' : 'Warning'} at ${formatPath(f.path)}${where}: ${f.message}`;
}
