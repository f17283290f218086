/**
 * Hostile YAML never breaks the tool: random documents and mutated real files either work or
 * are refused as input errors — in the library and through the whole CLI (in-process, so no
 * process starts per case). Fixed seeds: a failure is replayed by the same run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStack } from '../../src/check/index.js';
import { readAnswersFile } from '../../src/cli/profile.js';
import { UsageError } from '../../src/errors.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import { runInProcess } from '../helpers/run.js';
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
      { numRuns: 60, seed: 13 },
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

async function runCliOn(kind: Kind, text: string): Promise<void> {
  const cwd = mkdtempSync(join(dir, `${kind}-`));
  writeFileSync(join(cwd, 'file.yaml'), text);
  const result = await runInProcess(INVOCATIONS[kind], { cwd });
  const context = `${kind} file:\n${text}\nstderr:\n${result.stderr}`;
  expect([0, 1, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/^\s+at |internal error/m);
  if (result.code === 2) {
    expect(result.stdout, context).toBe('');
    expect(result.stderr, context).toMatch(/^error: /);
  }
  expect(CONTROL.test(result.stdout) || CONTROL.test(result.stderr), context).toBe(false);
}

describe('through the CLI', () => {
  it.each(KINDS)('hostile %s files only ever exit 0, 1 or 2, without a stack trace', async (kind) => {
    await fc.assert(
      fc.asyncProperty(hostileFile(kind), (text) => runCliOn(kind, text)),
      { numRuns: 30, seed: 13 },
    );
  });
});
