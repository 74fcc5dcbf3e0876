// `sim --seeds N --jobs J`: the batch's games played by J child processes at once, one per
// core. Each game is independent and deterministic, so the games (put back in seed order)
// are exactly those one process plays; only the wall time changes. Children are processes,
// not worker threads: a forked child inherits the TypeScript loader the CLI runs under.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BatchGame } from './batch';
import { CliError } from './common';

/** Seeds handed to a child at a time: small enough to keep every core busy to the end. */
const CHUNK = 8;

export type ToChild = { levelText: string; turns: number } | { chunk: number; seeds: string[] };
export type FromChild = { chunk: number; games: BatchGame[] } | { error: string; code: number };

const CHILD = fileURLToPath(new URL('./batch-child.ts', import.meta.url));

/** Plays `seeds` on the level given as text, in `jobs` child processes. */
export function playBatchForked(levelText: string, seeds: string[], turns: number, jobs: number, onProgress?: (done: number) => void): Promise<BatchGame[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < seeds.length; i += CHUNK) chunks.push(seeds.slice(i, i + CHUNK));
  const results: BatchGame[][] = new Array(chunks.length);
  const children: ChildProcess[] = [];
  let next = 0;
  let done = 0;
  let finished = false;
  return new Promise((resolve, reject) => {
    const stop = (error: CliError | null) => {
      if (finished) return;
      finished = true;
      for (const c of children) c.kill();
      if (error) reject(error);
      else resolve(results.flat());
    };
    const give = (child: ChildProcess) => {
      if (next >= chunks.length) {
        child.disconnect();
        return;
      }
      const chunk = next++;
      child.send({ chunk, seeds: chunks[chunk] } satisfies ToChild);
    };
    for (let j = 0; j < Math.min(jobs, chunks.length); j++) {
      const child = fork(CHILD, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      children.push(child);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('message', (m: FromChild) => {
        if ('error' in m) return stop(new CliError(m.error, m.code));
        results[m.chunk] = m.games;
        done += m.games.length;
        onProgress?.(done);
        if (done === seeds.length) return stop(null);
        give(child);
      });
      child.on('error', (e) => stop(new CliError(`a game process could not run: ${e.message}`, 3)));
      child.on('exit', (code) => {
        if (!finished && done < seeds.length && code !== 0) stop(new CliError(`a game process stopped (exit code ${code})${stderr ? `: ${stderr.trim().split('\n')[0]}` : ''}`, 3));
      });
      child.send({ levelText, turns } satisfies ToChild);
      give(child);
    }
  });
}
