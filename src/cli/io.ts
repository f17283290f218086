import { Chalk } from 'chalk';
import { plain, type Style } from '../render/style.js';

/** Everything a command may touch outside itself; tests pass their own. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opening stdin costs a few milliseconds at start, and only a consultation reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** CI runners may allocate a TTY, so `CI=1`/`CI=true` (any case) also means "nobody is there to answer". */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  return /^(1|true)$/i.test(env.CI ?? '');
}

export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdin.isTTY === true && !isCi(io.env);
}

/**
 * Colour only for a terminal, and never with NO_COLOR (any non-empty value), TERM=dumb or
 * --no-color. chalk does not read NO_COLOR itself, so the decision is made here.
 */
export function styleFor(io: Io, colorFlag: boolean, stream: { isTTY?: boolean } = io.stdout): Style {
  const off = !colorFlag || (io.env.NO_COLOR ?? '') !== '' || io.env.TERM === 'dumb' || stream.isTTY !== true;
  if (off) return plain;
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green, yellow: chalk.yellow, cyan: chalk.cyan };
}

export function terminalWidth(io: Io): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  return Math.max(60, Math.min(columns ?? 80, 100));
}
