/** How each kind of failure reaches the user: exit code, and at most two lines without a trace unless DEBUG is set. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { reportError, run } from '../../src/cli/program.js';
import { CancelledError, DiagnosticsError, UsageError } from '../../src/errors.js';

function fakeIo(env: NodeJS.ProcessEnv = {}): Io & { err: () => string; out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd(), err: () => err, out: () => out };
}

function thrownBy(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('reportError', () => {
  it('an unexpected error: a one-line message and the DEBUG=1 hint, exit 2, no trace', () => {
    const io = fakeIo();
    const error = thrownBy(() => (null as unknown as { x: number }).x);
    expect(reportError(error, io)).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^genai-advisor: internal error: Cannot read properties of null/);
    expect(lines[1]).toBe('rerun with DEBUG=1 for the stack trace, and please report it');
    expect(io.err()).not.toMatch(/^\s+at /m);
    expect(io.out()).toBe('');
  });

  it('with DEBUG set, the same error comes with its stack trace', () => {
    const io = fakeIo({ DEBUG: '1' });
    expect(reportError(thrownBy(() => (null as unknown as { x: number }).x), io)).toBe(2);
    expect(io.err()).toMatch(/^genai-advisor: internal error: /);
    expect(io.err()).toMatch(/^\s+at /m);
  });

  it('a thrown non-Error is reported the same way', () => {
    const io = fakeIo();
    expect(reportError('plain string', io)).toBe(2);
    expect(io.err()).toBe('genai-advisor: internal error: plain string\nrerun with DEBUG=1 for the stack trace, and please report it\n');
  });

  it('a usage error: its message and hint, exit 2', () => {
    const io = fakeIo({ DEBUG: '1' });
    expect(reportError(new UsageError('unknown thing', 'try another'), io)).toBe(2);
    expect(io.err()).toBe('error: unknown thing\ntry another\n');
  });

  it('a diagnostics error: one located line per problem', () => {
    const io = fakeIo();
    const diagnostics = [1, 2].map((line) => ({ file: 'a.yaml', line, col: 3, message: `problem ${line}` }));
    expect(reportError(new DiagnosticsError(diagnostics, 'fix a.yaml'), io)).toBe(2);
    expect(io.err()).toBe('error: a.yaml:1:3: problem 1\na.yaml:2:3: problem 2\nfix a.yaml\n');
  });

  it('terminal escape sequences in a message (quoted from a user file) are shown as escapes, never sent', () => {
    const io = fakeIo();
    reportError(new UsageError('unknown key "\u001b[31mred\u001b]0;title\u0007"', 'hint \u009b2Jend'), io);
    expect(io.err()).toBe('error: unknown key "\\u001b[31mred\\u001b]0;title\\u0007"\nhint \\u009b2Jend\n');
    reportError(new Error('bad \u001b[2Jthing\nsecond line'), io);
    expect(io.err()).toContain('internal error: bad \\u001b[2Jthing\n');
  });

  it('cancellation, ours or the prompt library\'s: "Cancelled", exit 130', () => {
    for (const error of [new CancelledError(), Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' })]) {
      const io = fakeIo();
      expect(reportError(error, io)).toBe(130);
      expect(io.err()).toBe('Cancelled\n');
    }
  });
});

describe('run', () => {
  it('commander\'s own errors keep to two lines: the problem with its suggestion, then where to look', async () => {
    const io = fakeIo();
    expect(await run(['compare', '--fromat', 'json'], io)).toBe(2);
    expect(io.err()).toBe("error: unknown option '--fromat'. Did you mean --format?\nsee `genai-advisor compare --help`\n");
    expect(io.out()).toBe('');
  });

  it('an escape sequence in an argument does not reach the terminal through commander', async () => {
    const io = fakeIo();
    expect(await run(['compare', '--format', '\u001b[31mjson'], io)).toBe(2);
    expect(io.err()).not.toContain('\u001b');
    expect(io.err()).toContain("'\\u001b[31mjson' is invalid");
  });
});
