/** Runs the CLI in-process for the catalogue tests (not a test file itself). */
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `genai-advisor <argv>` in `cwd`, with no terminal (no colour, no prompts, 80 columns). */
export async function cli(argv: string[], cwd = process.cwd()): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: false });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const io: Io = { stdout, stderr, stdin: Object.assign(new PassThrough(), { isTTY: false }), env: { NO_COLOR: '1' }, cwd, print: (text) => out.push(text) };
  const code = await run(argv, io);
  // PassThrough delivers written data on the next tick.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out.join(''), stderr: err.join('') };
}
