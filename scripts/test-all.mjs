// npm test: typecheck, lint, unit/property/golden tests (vitest) and browser tests (Playwright),
// each run even when an earlier one fails, then one line with the real totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const run = (name, cmd, args) => {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
};
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

const typecheck = run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const lint = run('lint', 'npx', ['eslint', '.']);
const unit = run('unit', 'npx', ['vitest', 'run']);
const e2e = process.env.SKIP_E2E ? 0 : run('browser', 'npm', ['run', '-s', 'test:e2e']);

let passed = 0;
let failed = 0;
const v = read('test-results/vitest.json');
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  // A file that failed to load counts as a failure even though it ran no test.
  failed += (v.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else if (unit !== 0) failed += 1;
const p = process.env.SKIP_E2E ? null : read('test-results/playwright.json');
if (p) {
  passed += p.stats.expected + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected;
} else if (e2e !== 0) failed += 1;
// Typecheck and lint count as one check each.
for (const status of [typecheck, lint]) {
  if (status === 0) passed += 1;
  else failed += 1;
}

const summary = `tests: ${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(`\n${summary}`);
process.exit(typecheck || lint || unit || e2e ? 1 : 0);
