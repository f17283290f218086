import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/genai-advisor.js`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built binary as a user would (no TTY: stdin is a pipe). Colour and CI detection
 * are neutralised unless the test sets them. Synchronous, so it blocks the test worker: only
 * test/e2e/startup.test.ts still uses it; other tests run the CLI in-process
 * (test/helpers/run.ts) or spawn asynchronously (test/helpers/spawn.ts).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '', FORCE_COLOR: '', GITHUB_STEP_SUMMARY: '', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
