/**
 * Runs the CLI in this process through `run(argv, io)`, as the binary would run it, with
 * in-memory streams: no process start, so hundreds of runs take a few seconds even on a busy
 * machine. Only the few true end-to-end tests (test/e2e) spawn the built binary.
 */
import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { ROOT } from './cli.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory the run resolves paths against; the repository root by default. */
  cwd?: string;
  /** Added to an environment with NO_COLOR=1 and nothing of this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** What stdin holds; it then ends. Without it, stdin ends empty, unless `openStdin`. */
  input?: string;
  /** A stdin that never ends, as `cmd | genai-advisor` from a silent command. */
  openStdin?: boolean;
  /** stdout (and stdin) as a terminal of this width. */
  isTTY?: boolean;
  columns?: number;
  /** The clock `check` and `init` read "today" from. */
  now?: () => Date;
}

/** A writable stream that keeps what it is given, with the terminal properties a test sets. */
export class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  isTTY?: boolean;
  columns?: number;

  constructor(tty: { isTTY?: boolean; columns?: number } = {}) {
    super();
    if (tty.isTTY) this.isTTY = true;
    if (tty.columns !== undefined) this.columns = tty.columns;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    done();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** The Io of one in-process run, and its captured output. */
export function testIo(options: RunOptions = {}): { io: Io; stdout: Capture; stderr: Capture } {
  const stdout = new Capture({ isTTY: options.isTTY, columns: options.columns });
  const stderr = new Capture({ isTTY: options.isTTY });
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  if (options.isTTY) stdin.isTTY = true;
  if (!options.openStdin) stdin.end(options.input ?? '');
  const io: Io = {
    stdout,
    stderr,
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? ROOT,
    ...(options.now ? { now: options.now } : {}),
  };
  return { io, stdout, stderr };
}

/**
 * Runs `genai-advisor ...args` in this process. A run must never end the process (only the
 * binary's own wiring, src/cli/main.ts, may): should one try, it fails the test instead.
 */
export async function runInProcess(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const { io, stdout, stderr } = testIo(options);
  const exit = process.exit;
  process.exit = ((code?: number) => {
    throw new Error(`genai-advisor ${args.join(' ')} called process.exit(${code ?? ''}) in-process`);
  }) as typeof process.exit;
  try {
    const code = await run(args, io);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.exit = exit;
  }
}
