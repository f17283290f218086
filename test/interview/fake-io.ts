import { PassThrough, Writable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { tempDir as makeTempDir } from '../helpers/temp.js';

export interface Captured {
  text: string;
}

function sink(captured: Captured, tty: boolean) {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      captured.text += String(chunk);
      callback();
    },
  });
  return Object.assign(stream, { isTTY: tty, columns: 80 });
}

export interface FakeRun {
  code: number;
  stdout: string;
  stderr: string;
  io: Io;
}

/**
 * Runs the program in-process as from a terminal: stdin is a TTY unless told otherwise, CI is
 * unset, colour is off unless the test clears NO_COLOR.
 */
export async function runIn(
  args: string[],
  options: { cwd?: string; stdinTTY?: boolean; stdoutTTY?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<FakeRun> {
  const out: Captured = { text: '' };
  const err: Captured = { text: '' };
  const io: Io = {
    stdout: sink(out, options.stdoutTTY ?? true),
    stderr: sink(err, true),
    stdin: Object.assign(new PassThrough(), { isTTY: options.stdinTTY ?? true }),
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? tempDir(),
  };
  const code = await run(args, io);
  return { code, stdout: out.text, stderr: err.text, io };
}

export function tempDir(): string {
  return makeTempDir('genai-advisor-interview-');
}
