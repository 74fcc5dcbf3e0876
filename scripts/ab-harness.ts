// The process scripts/ab.ts runs (twice, load order swapped): loads two bundled versions,
// warms both, then runs them in turn for the given rounds, A B B A then B A A B, and prints
// each one's median and p10 as JSON on stdout.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

interface Version { verify(): string; game(): string; full(): string }

const [firstFile, firstDir, secondFile, secondDir, what, roundsText] = process.argv.slice(2);
const load = async (file: string, dir: string): Promise<Version> => ((await import(pathToFileURL(file).href)) as { setup(dir: string): Version }).setup(dir);
const first = await load(firstFile, firstDir);
const second = await load(secondFile, secondDir);
const run = (v: Version) => (what === 'game' ? v.game() : what === 'full' ? v.full() : v.verify());
const sameHash = what !== 'verify' || first.verify() === second.verify();
for (let i = 0; i < 30; i++) {
  run(first);
  run(second);
}
const times: [number[], number[]] = [[], []];
const versions = [first, second];
for (let k = 0; k < Number(roundsText); k++) {
  const order = k % 2 ? [0, 1, 1, 0] : [1, 0, 0, 1];
  for (const at of order) {
    const t = performance.now();
    run(versions[at]);
    times[at].push(performance.now() - t);
  }
}
const stat = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  return { median: s[s.length >> 1], p10: s[Math.floor(s.length / 10)] };
};
console.log(JSON.stringify({ first: stat(times[0]), second: stat(times[1]), sameHash }));
