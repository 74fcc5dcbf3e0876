// Node side of the cross-engine tests: bundles tests/harness/verify-entry.ts for browsers
// with esbuild (a dependency of vite and tsx) and reads the golden replays and shipped levels.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TextFile } from './verify-entry';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const GOLDEN_DIR = join(ROOT, 'tests/golden');
export const LEVELS_DIR = join(ROOT, 'levels');
export const BUNDLE = join(ROOT, 'test-results/harness/verify.js');

/** Bundles the verifier into one classic script (IIFE) and returns its text. */
export async function buildHarness(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'tests/harness/verify-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // As in the app's build: immer's production branch, no Node globals.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  mkdirSync(join(ROOT, 'test-results/harness'), { recursive: true });
  writeFileSync(BUNDLE, code);
  return code;
}

const readDir = (dir: string, keep: (f: string) => boolean): TextFile[] =>
  readdirSync(dir)
    .filter(keep)
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

export const goldenFiles = (): TextFile[] => readDir(GOLDEN_DIR, (f) => f.endsWith('.replay.json'));
export const shippedLevelFiles = (): TextFile[] => readDir(LEVELS_DIR, (f) => f.endsWith('.json') && f !== 'level.schema.json');
