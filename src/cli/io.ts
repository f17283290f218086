import { writeSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { terminalStyle, type Style } from '../render/style.js';
import type { Terminal } from '../interview/terminal.js';

/** Shared between the shell and commands that decide their own exit code (check). */
export interface RunState {
  exitCode: number;
}

/**
 * Everything a command may touch outside itself; tests pass their own (test/helpers/run.ts),
 * and nothing reached through it may end the process.
 */
export interface Io extends Terminal {
  /** The clock for "today" (check's due dates, init's plan); without it, the system clock. */
  now?: () => Date;
  /** Writes a command's result to standard output (emit uses it); without it, stdout.write. */
  print?: (text: string) => void;
}

/**
 * The process's own streams, each made on first use: process.stdout on a pipe loads Node's
 * net and stream libraries (~3 ms of every run), and most runs only print their result, which
 * `print` writes straight to the file descriptor.
 */
export function processIo(): Io {
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  return {
    get stdout() {
      return (stdout ??= quietOnEpipe(process.stdout));
    },
    get stderr() {
      return (stderr ??= quietOnEpipe(process.stderr));
    },
    // Opening stdin costs a few milliseconds at start, and only a consultation reads it.
    get stdin() {
      return process.stdin;
    },
    // Once the stream exists it carries everything, so that nothing overtakes what it holds.
    print: (text) => (stdout ? stdout.write(text) : writeAll(1, text)),
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  };
}

/** A reader that stops early (`| head`) is not an error: end quietly, with the exit code so far. */
const endQuietly = (): never => process.exit(process.exitCode ?? 0);

function quietOnEpipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') endQuietly();
    // A full disk behind `> file` or /dev/full: one line on stderr, as any other write failure.
    try {
      const problem = outputProblem(error);
      writeSync(2, `error: ${problem.message}\n${problem.hint}\n`);
    } finally {
      process.exit(2);
    }
  });
  return stream;
}

/** Why standard output could not take the result, in words: a usage error, exit 2. */
export function outputProblem(error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOSPC: 'no space left on the device', EFBIG: 'the file-size limit (ulimit -f) is reached', EIO: 'the device reported an input/output error', EDQUOT: 'the disk quota is used up' };
  return new UsageError(`cannot write to standard output: ${reasons[code ?? ''] ?? 'the system refused'}${code ? ` (${code})` : ''}`, 'free some space, or write the result elsewhere with --output <file>');
}

/** Writes all of `text` to a file descriptor, waiting out a full non-blocking pipe. */
export function writeAll(fd: number, text: string, write: (fd: number, bytes: Buffer, offset: number) => number = writeSync): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += write(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') endQuietly();
      if (code !== 'EAGAIN') throw outputProblem(error);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** CI runners may allocate a TTY, so `CI=1`/`CI=true` (any case) also means "nobody is there to answer". */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  return /^(1|true)$/i.test(env.CI ?? '');
}

export function canPrompt(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdin.isTTY === true && !isCi(io.env);
}

/** Colour only for a terminal, and never with NO_COLOR, TERM=dumb or --no-color (render/style.ts). */
export function styleFor(io: Io, colorFlag: boolean, stream: { isTTY?: boolean } = io.stdout): Style {
  return terminalStyle(io.env, colorFlag, stream);
}

/** 60 to 200 columns: the renderers lay out for any width in between, stacking what does not fit. */
export function terminalWidth(io: Io): number {
  const columns = io.stdout.isTTY ? io.stdout.columns : undefined;
  return Math.max(60, Math.min(columns ?? 80, 200));
}
