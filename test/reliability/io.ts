import { PassThrough } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process through run(argv, io), with no terminal and no CI variables. */
export async function runIn(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (chunk) => (stdout += String(chunk)));
  err.on('data', (chunk) => (stderr += String(chunk)));
  const stdin = new PassThrough();
  const io: Io = { stdout: out, stderr: err, stdin, env: { NO_COLOR: '1', ...env }, cwd };
  const code = await run(argv, io);
  stdin.end();
  return { code, stdout, stderr };
}

// A raw control character (C0 but newline, DEL, C1), a line or paragraph separator or a bidi
// override/isolate: none may reach any output.
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Lines a GitHub runner would read as workflow commands (it trims leading spaces). */
export function commandLines(text: string, allowed: RegExp = /^::(error|warning|notice) file=/): string[] {
  return text.split('\n').filter((line) => line.trimStart().startsWith('::') && !allowed.test(line));
}
