/**
 * Starts real processes for the few true end-to-end tests (test/e2e): asynchronously, and at
 * most SPAWN_LIMIT at a time in one test worker, so that a `describe.concurrent` file overlaps
 * its process starts without crowding a busy two-core machine. Every child still running when
 * its test file ends is killed.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import { afterAll } from 'vitest';
import { BIN, ROOT, type CliResult } from './cli.js';

/** Processes one worker runs at once: vitest runs a worker per core, so two per core at most. */
export const SPAWN_LIMIT = 2;
/** The timeout of a test that starts processes: generous, since a busy machine may start them slowly. */
export const SPAWN_TIMEOUT = 120_000;

let running = 0;
const waiting: Array<() => void> = [];
const children = new Set<ReturnType<typeof spawn>>();

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});

async function slot(): Promise<() => void> {
  if (running >= SPAWN_LIMIT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Runs a command to its end, collecting its output; never rejects for a non-zero exit. */
export async function spawnBounded(command: string, args: readonly string[], options: SpawnOptions & { input?: string } = {}): Promise<CliResult> {
  const release = await slot();
  try {
    return await new Promise<CliResult>((resolve, reject) => {
      const child = spawn(command, [...args], { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
      children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => {
        children.delete(child);
        resolve({ code, stdout, stderr });
      });
      // A child that exits without reading its input (a crashing bundle) closes the pipe: EPIPE is not the test's failure.
      child.stdin!.on('error', () => {});
      child.stdin!.end(options.input ?? '');
    });
  } finally {
    release();
  }
}

/** The environment of a person at a pipe: no colour, no CI flag, no GitHub step summary. */
export function userEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '', ...env };
  // Node warns about NO_COLOR beside any FORCE_COLOR, even an empty one: leave it out.
  for (const name of ['FORCE_COLOR', 'GITHUB_STEP_SUMMARY'] as const) if (!(name in env)) delete clean[name];
  return clean;
}

/** Runs the built binary as a user would (stdin a pipe). */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return spawnBounded(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: userEnv(options.env), input: options.input });
}

/** Runs a bash script (a pipeline through the binary, say), with the binary's path in $BIN. */
export function spawnShell(script: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return spawnBounded('bash', ['-c', script], { cwd: options.cwd ?? ROOT, env: userEnv({ BIN, NODE: process.execPath, ...options.env }) });
}
