/**
 * Hostile YAML never breaks the tool: random documents and mutated real files either work or
 * are refused as input errors — in the library (many runs) and through the built binary (a
 * bounded number of runs, each a process start).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStack } from '../../src/check/index.js';
import { readAnswersFile } from '../../src/cli/profile.js';
import { UsageError } from '../../src/errors.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import { BIN } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { hostileFile, type Kind } from './arbitraries.js';

const dir = tempDir('genai-advisor-hostile-');
const KINDS: Kind[] = ['answers', 'overlay', 'stack'];

/** What each kind of file goes through in the library. */
const LIBRARY: Record<Kind, (text: string) => Promise<unknown>> = {
  answers: async (text) => {
    writeFileSync(join(dir, 'answers.yaml'), text);
    return readAnswersFile('answers.yaml', builtinKnowledge, dir);
  },
  overlay: async (text) => applyOverlays(builtinKnowledge, [{ file: 'overlay.yaml', text }]),
  stack: async (text) => checkStack(builtinKnowledge, text, 'genai-stack.yaml', { today: '2026-01-15' }),
};

/** Only an input error may escape, and it must read as one: short, located, no trace. */
function expectInputError(error: unknown): void {
  if (!(error instanceof UsageError)) throw error;
  for (const line of error.message.split('\n')) expect(line).not.toMatch(/^\s+at /);
  expect(error.message.trim()).not.toBe('');
}

describe.each(KINDS)('%s files, in the library', (kind) => {
  it('either pass or throw a UsageError (a DiagnosticsError is one)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile(kind), async (text) => {
        try {
          await LIBRARY[kind](text);
        } catch (error) {
          expectInputError(error);
        }
      }),
      // In-process runs take a millisecond or two each, so many more than through the binary.
      { numRuns: 1000 },
    );
  });
});

const INVOCATIONS: Record<Kind, string[]> = {
  answers: ['--answers', 'file.yaml', '--no-input', '--format', 'json'],
  overlay: ['--knowledge', 'file.yaml', '--use-case', 'fraud-detection', '--no-input'],
  stack: ['check', 'file.yaml', '--format', 'junit'],
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function runBinary(kind: Kind, text: string): void {
  const cwd = mkdtempSync(join(dir, `${kind}-`));
  writeFileSync(join(cwd, 'file.yaml'), text);
  const result = spawnSync(process.execPath, [BIN, ...INVOCATIONS[kind]], { cwd, encoding: 'utf8', input: '', timeout: 15_000, env: { ...process.env, NO_COLOR: '1', CI: '' } });
  const context = `${kind} file:\n${text}\nstderr:\n${result.stderr}`;
  expect([0, 1, 2], context).toContain(result.status);
  expect(result.stderr, context).not.toMatch(/^\s+at |internal error/m);
  if (result.status === 2) {
    expect(result.stdout, context).toBe('');
    expect(result.stderr, context).toMatch(/^error: /);
  }
  expect(CONTROL.test(result.stdout) || CONTROL.test(result.stderr), context).toBe(false);
}

describe('through the built binary', () => {
  // Each run starts a process: the counts keep the suite within seconds on two cores.
  it.each(KINDS)('hostile %s files only ever exit 0, 1 or 2, without a stack trace', (kind) => {
    fc.assert(
      fc.property(hostileFile(kind), (text) => runBinary(kind, text)),
      { numRuns: 40 },
    );
  });
});
