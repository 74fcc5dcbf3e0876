// A guard that src/sim uses none of the APIs ENGINEERING.md forbids there (they break
// cross-engine determinism) and imports nothing of ours from outside itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/Math\.(random|exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot|sqrt)\b/, 'engine-approximated Math function'],
  [/\bDate\b/, 'Date'],
  [/performance\.now/, 'performance.now'],
  [/\bcrypto\b/, 'crypto'],
  [/localeCompare/, 'localeCompare'],
  [/\*\*/, 'the ** operator'],
];

describe('src/sim purity', () => {
  const sources = files('src/sim').map((f) => [f, readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '')] as const);

  it('uses no forbidden API', () => {
    const hits: string[] = [];
    for (const [f, text] of sources) for (const [re, what] of FORBIDDEN) if (re.test(text)) hits.push(`${f}: ${what}`);
    expect(hits).toEqual([]);
  });

  it('imports only immer, seedrandom, zod and its own files', () => {
    const bad: string[] = [];
    for (const [f, text] of sources) {
      for (const m of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec.startsWith('.')) {
          if (spec.includes('../ui') || spec.includes('../ai') || spec.includes('../cli') || /^\.\.\/\.\./.test(spec)) bad.push(`${f}: ${spec}`);
        } else if (!['immer', 'seedrandom', 'zod'].includes(spec)) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no module-level mutable state (let/var at top level)', () => {
    const bad = sources.filter(([, text]) => /^(let|var)\s/m.test(text)).map(([f]) => f);
    expect(bad).toEqual([]);
  });
});
