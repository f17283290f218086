import { runInProcess, type RunResult } from '../helpers/run.js';

export type InProcessResult = RunResult;

/** Runs the CLI in-process through run(argv, io), with no terminal and no CI variables. */
export const runIn = (argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> => runInProcess(argv, { cwd, env });

// A raw control character (C0 but newline, DEL, C1), a line or paragraph separator or a bidi
// override/isolate: none may reach any output.
// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Lines a GitHub runner would read as workflow commands (it trims leading spaces), in today's `::` or the legacy `##[` syntax. */
export function commandLines(text: string, allowed: RegExp = /^::(error|warning|notice) file=/): string[] {
  return text.split('\n').filter((line) => /^(::|##\[)/.test(line.trimStart()) && !allowed.test(line));
}
