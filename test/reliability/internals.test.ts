/**
 * Issue 27, class 5: inputs that reached internals. A user key never reads an inherited
 * property of a knowledge map; init never writes a file that check refuses, whatever its
 * values hold (a property test over hostile text); a CR-only file is refused in words.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const INHERITED = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'];

const noInternalError = (stderr: string) => {
  expect(stderr).not.toMatch(/internal error|^\s+at /m);
  expect(stderr).toMatch(/^error: /);
};

describe('a key that names an inherited property is unknown, not an internal error', () => {
  it.each(INHERITED)('%s', async (key) => {
    const dir = tempDir('genai-advisor-inherited-');
    writeFileSync(join(dir, 'answers.yaml'), `use_case: ${JSON.stringify(key)}\n`);
    writeFileSync(join(dir, 'stack.yaml'), `version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: ${JSON.stringify(key)} }\n    choice: { family: transformer }\n`);
    for (const argv of [['--use-case', key, '--no-input'], ['checklist', '--use-case', key], ['init', 'new.yaml', '--use-case', key, '--no-input'], ['--answers', 'answers.yaml', '--no-input'], ['check', 'stack.yaml']]) {
      const result = await runInProcess(argv, { cwd: dir });
      expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(2);
      noInternalError(result.stderr);
      expect(result.stderr).toContain(JSON.stringify(key));
    }
  });
});

describe('init', () => {
  it('refuses a file whose lines end in CR alone, in words, and leaves it as it was', async () => {
    const dir = tempDir('genai-advisor-cr-');
    const text = 'version: 1\ruse_cases: []\r';
    writeFileSync(join(dir, 'cr.yaml'), text);
    const result = await runInProcess(['init', 'cr.yaml', '--use-case', 'code-assistant', '--no-input'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: stack file cr\.yaml ends its lines with CR alone/);
    expect(readFileSync(join(dir, 'cr.yaml'), 'utf8')).toBe(text);
  });

  it.each(['--vendor', '--description', '--license', '--model'])('refuses an empty %s', async (flag) => {
    const result = await runInProcess(['init', 'x.yaml', '--use-case', 'code-assistant', '--no-input', flag, ' '], { cwd: tempDir('genai-advisor-empty-') });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`error: ${flag} is empty`);
  });

  it('writes only what check then loads: any value, or a clear refusal and no file', async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '\n', '\r', '\u0000', '\u202e', '\ufeff', '- x', ': y', '#', '"', "'", '{', '[', '*a', '&a', '!!str', '%YAML', '---', '...', '::error::x', '##[error]y', 'x'.repeat(5000), 'a\nb: c', '\t'),
    );
    const dir = tempDir('genai-advisor-init-property-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.record({ vendor: hostile, description: hostile, license: hostile, model: hostile, id: fc.oneof(hostile, fc.constant('ok-id')) }, { requiredKeys: [] }), async (values) => {
        const file = `s${n++}.yaml`;
        const argv = ['init', file, '--use-case', 'code-assistant', '--no-input', ...Object.entries(values).flatMap(([k, v]) => [`--${k}`, v])];
        const result = await runInProcess(argv, { cwd: dir });
        if (result.code !== 0) {
          expect(result.code).toBe(2);
          noInternalError(result.stderr);
          return;
        }
        const check = await runInProcess(['check', file], { cwd: dir });
        expect(check.code, check.stderr).not.toBe(2);
      }),
      { numRuns: 25, seed: 27 },
    );
  });
});
