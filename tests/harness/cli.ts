// Runs one of the project's command-line tools as a user would (node + tsx), for the CLI tests.
import { spawn } from 'node:child_process';

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** `npm run -s <script> -- ...args`, without npm: src/cli/<script>.ts under tsx. */
export function runTool(script: 'replay' | 'sim' | 'validate', args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
