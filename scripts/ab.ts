// npm run -s ab -- REF_A REF_B [--what verify|game|full] [--rounds N]
// Times two versions of the simulation against each other, as docs/PERFORMANCE.md does: on
// this shared host a slow spell can make every figure 1.7 times as long, so runs of two
// versions in separate processes minutes apart cannot be compared. Each ref (a commit,
// branch or tag; "." for the working tree) has its src/ and levels/ bundled with esbuild,
// and both bundles are loaded into one Node process (ab-harness.ts) that runs them in turn,
// A B B A, B A A B, ..., so a spell hits both alike. The module loaded second runs a few
// per cent faster whatever it is, so the process runs twice with the load order swapped and
// the ratio printed is the square root of the product of B/A measured each way, which
// cancels that bias.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const USAGE = 'usage: npm run -s ab -- REF_A REF_B [--what verify|game|full] [--rounds N]   (REF: a git ref, or . for the working tree)';

// The entry each version is bundled from: its own level, its own code.
const ENTRY = `
import { readFileSync } from 'node:fs';
import { autoplay } from './src/ai/autoplay';
import { makeReplay, verifyReplay } from './src/sim/replay';
import { parseLevelText } from './src/sim/index';
export function setup(dir: string) {
  const r = parseLevelText(readFileSync(dir + '/levels/middle-corridor.json', 'utf8'));
  if (!r.ok) throw new Error('the default level does not load');
  const level = r.level;
  const rec = autoplay(level, { seed: 'bench-resolution' });
  const replay = makeReplay(level, { seed: 'bench-resolution', seats: rec.state.seats, actions: rec.actions, checkpoints: rec.checkpoints });
  let n = 0;
  return {
    verify: () => { const v = verifyReplay(level, replay); if (!v.ok) throw new Error(v.message); return v.finalHash; },
    game: () => autoplay(level, { seed: 'ab-' + n++, hashes: 'final' }).checkpoints[0].hash,
    full: () => autoplay(level, { seed: 'ab-' + n++ }).checkpoints[16].hash,
  };
}
`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function args(argv: string[]): { refs: [string, string]; what: 'verify' | 'game' | 'full'; rounds: number } {
  const refs: string[] = [];
  let what = 'verify';
  let rounds = 300;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--what') what = argv[++i] ?? '';
    else if (a === '--rounds') rounds = Number(argv[++i]);
    else if (a.startsWith('--')) fail(`unknown flag ${a}\n${USAGE}`);
    else refs.push(a);
  }
  if (refs.length !== 2) fail(USAGE);
  if (what !== 'verify' && what !== 'game' && what !== 'full') fail(`--what must be verify, game or full, not ${JSON.stringify(what)}\n${USAGE}`);
  if (!Number.isInteger(rounds) || rounds < 10) fail(`--rounds must be a whole number of at least 10\n${USAGE}`);
  return { refs: [refs[0], refs[1]], what, rounds };
}

/** The ref's src/ and levels/ in `dir`, bundled into dir/bundle.mjs. */
async function bundle(ref: string, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  if (ref === '.') {
    for (const part of ['src', 'levels']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  } else {
    const tar = join(dir, 'tree.tar');
    try {
      execFileSync('git', ['archive', '--format=tar', '-o', tar, ref, 'src', 'levels'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      // Thrown, not exited: main's finally still removes the temporary trees.
      throw new Error(`${ref}: not a commit of this repository (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})`);
    }
    execFileSync('tar', ['-xf', tar, '-C', dir]);
  }
  writeFileSync(join(dir, 'entry.ts'), ENTRY);
  const out = join(dir, 'bundle.mjs');
  await build({ entryPoints: [join(dir, 'entry.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, nodePaths: [join(ROOT, 'node_modules')], logLevel: 'error' });
  return out;
}

interface Run { first: { median: number; p10: number }; second: { median: number; p10: number }; sameHash: boolean }

function pair(first: { file: string; dir: string }, second: { file: string; dir: string }, what: string, rounds: number): Run {
  const harness = join(ROOT, 'scripts/ab-harness.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', harness, first.file, first.dir, second.file, second.dir, what, String(rounds)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out) as Run;
}

async function main(): Promise<void> {
  const { refs, what, rounds } = args(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'corridor-ab-'));
  try {
    const a = { dir: join(work, 'a'), file: '' };
    const b = { dir: join(work, 'b'), file: '' };
    a.file = await bundle(refs[0], a.dir);
    b.file = await bundle(refs[1], b.dir);
    process.stderr.write(`timing ${what}: ${refs[0]} (A) against ${refs[1]} (B), ${rounds} rounds of four runs, twice...\n`);
    const ab = pair(a, b, what, rounds); // B loaded second
    const ba = pair(b, a, what, rounds); // A loaded second
    // B/A measured with B second is the true ratio times the bias, with A second the true
    // ratio over it: their product is the square of the true ratio.
    const ratio = (k: 'median' | 'p10') => Math.sqrt((ab.second[k] / ab.first[k]) * (ba.first[k] / ba.second[k]));
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    console.log(`A ${refs[0]}: median ${ms(ab.first.median)} / ${ms(ba.second.median)}, p10 ${ms(ab.first.p10)} / ${ms(ba.second.p10)} (loaded first / second)`);
    console.log(`B ${refs[1]}: median ${ms(ab.second.median)} / ${ms(ba.first.median)}, p10 ${ms(ab.second.p10)} / ${ms(ba.first.p10)} (loaded second / first)`);
    console.log(`B/A: ${ratio('median').toFixed(3)} at the median, ${ratio('p10').toFixed(3)} at p10 (below 1: B is faster; the load-order bias cancelled)`);
    if (what === 'verify') console.log(ab.sameHash ? 'both versions give the same final hash' : 'the two versions give different final hashes: they do not compute the same game');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => fail((e as Error)?.message ?? String(e)));
