// npm run -s golden [-- --check]
// Regenerates the golden replays tests/golden/<level id>-<seed>.replay.json: every shipped
// level, seeds "golden-1" and "golden-2", bots in every seat, the whole game.
// Their per-turn hashes must not change unless the rules change on purpose: then run this
// in the same commit and say why. --check writes nothing and exits 1 when a file would change.
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autoplay } from '../src/ai/autoplay';
import { parseLevelText, type LoadedLevel } from '../src/sim/index';
import { makeReplay, type Replay } from '../src/sim/replay';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LEVELS = join(ROOT, 'levels');
const GOLDEN = join(ROOT, 'tests/golden');
export const GOLDEN_SEEDS = ['golden-1', 'golden-2'];

/** Compact but diff-friendly: one line per action and per checkpoint. */
export function formatReplay(r: Replay): string {
  const j = JSON.stringify;
  const head = [`"format":${j(r.format)}`, `"version":${j(r.version)}`, `"level":${j(r.level)}`, `"seed":${j(r.seed)}`, `"seats":${j(r.seats)}`];
  const list = (items: unknown[]) => (items.length ? `[\n${items.map((x) => j(x)).join(',\n')}\n]` : '[]');
  return `{${head.join(',')},\n"actions":${list(r.actions)},\n"checkpoints":${list(r.checkpoints)}}\n`;
}

function loadShipped(): { file: string; level: LoadedLevel }[] {
  const files = readdirSync(LEVELS).filter((f) => f.endsWith('.json') && f !== 'level.schema.json').sort();
  return files.map((file) => {
    const r = parseLevelText(readFileSync(join(LEVELS, file), 'utf8'), `levels/${file}`);
    if (!r.ok) {
      const f = r.findings.find((x) => x.severity === 'error');
      throw new Error(`levels/${file} does not load: ${f ? `${f.path.join('.')}: ${f.message}` : 'unknown error'}`);
    }
    return { file, level: r.level };
  });
}

export function goldenReplays(): { name: string; text: string; refused: string[] }[] {
  const out: { name: string; text: string; refused: string[] }[] = [];
  for (const { level } of loadShipped()) {
    for (const seed of GOLDEN_SEEDS) {
      const game = autoplay(level, { seed });
      const replay = makeReplay(level, { seed, seats: game.state.seats, actions: game.actions, checkpoints: game.checkpoints });
      out.push({ name: `${level.id}-${seed}.replay.json`, text: formatReplay(replay), refused: game.refused.map((x) => x.error) });
    }
  }
  return out;
}

function main(): number {
  const check = process.argv.includes('--check');
  const unknown = process.argv.slice(2).filter((a) => a !== '--check');
  if (unknown.length) {
    process.stderr.write(`unexpected argument "${unknown[0]}"\nusage: npm run -s golden [-- --check]\n`);
    return 2;
  }
  const wanted = goldenReplays();
  if (!check) mkdirSync(GOLDEN, { recursive: true });
  let changed = 0;
  let total = 0;
  for (const g of wanted) {
    const path = join(GOLDEN, g.name);
    const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
    const status = old === null ? 'new' : old === g.text ? 'unchanged' : 'changed';
    if (status !== 'unchanged') changed += 1;
    total += g.text.length;
    if (!check && status !== 'unchanged') writeFileSync(path, g.text);
    const warn = g.refused.length ? ` (warning: bots made ${g.refused.length} illegal move(s), e.g. "${g.refused[0]}")` : '';
    process.stdout.write(`${status.padEnd(9)} tests/golden/${g.name} (${(g.text.length / 1024).toFixed(1)} KB)${warn}\n`);
  }
  // Goldens of levels that are no longer shipped would fail the tests: remove them.
  const names = new Set(wanted.map((g) => g.name));
  for (const f of existsSync(GOLDEN) ? readdirSync(GOLDEN) : []) {
    if (!f.endsWith('.replay.json') || names.has(f)) continue;
    changed += 1;
    if (!check) unlinkSync(join(GOLDEN, f));
    process.stdout.write(`${check ? 'stale' : 'removed'}   tests/golden/${f}\n`);
  }
  process.stdout.write(`${wanted.length} golden replays, ${(total / 1024).toFixed(0)} KB in all; ${changed} ${check ? 'would change' : 'changed'}\n`);
  return check && changed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
