/**
 * Issue 16, class 1: every value quoted from user input, on any stream and in any format,
 * stays on one line with control characters escaped, and no output line starts a workflow
 * command. In-process, through run(argv, io).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';
import { RECOMMEND_FORMATS } from '../../src/cli/commands/recommend.js';
import { guardOutput, quote, visible } from '../../src/util/sanitize.js';
import { tempDir } from '../helpers/temp.js';
import { commandLines, RAW_CONTROL, runIn } from './io.js';

const INJECTION = 'gan\n::error file=README.md,line=1::injected\n::add-mask::transformer';
const yamlString = (text: string) => JSON.stringify(text);

function expectSafe(text: string, where: string): void {
  const raw = RAW_CONTROL.exec(text);
  expect(raw, `${where}: raw U+${raw?.[0].charCodeAt(0).toString(16)} in ${JSON.stringify(text.slice(0, 300))}`).toBeNull();
  expect(commandLines(text), `${where}: a line starts a workflow command`).toEqual([]);
}

describe('quote and the output guard', () => {
  it('keep any text on one line, with every control, C1 and bidi character visible', () => {
    expect(quote('a\n"b"\\\u0085\u202e\u2066\u001b[2J')).toBe('"a\\n\\"b\\"\\\\\\u0085\\u202e\\u2066\\u001b[2J"');
    expect(visible('x\r\ny\t')).toBe('x\\r\\ny\\t');
    expect(guardOutput('ok\n  ::add-mask::x\n\u009b2J')).toBe('ok\n  \\::add-mask::x\n\\u009b2J');
    // The CLI's own colours stay.
    expect(guardOutput('\u001b[31mred\u001b[39m')).toBe('\u001b[31mred\u001b[39m');
  });
});

describe('the reproductions of issue 16', () => {
  const dir = tempDir('genai-advisor-injection-');

  it('an injected family in a stack file cannot print workflow commands from check --format github', async () => {
    writeFileSync(join(dir, 'stack.yaml'), `version: 1\nuse_cases:\n  - id: bot\n    profile: { modality: text, task: generate }\n    choice: { family: ${yamlString(INJECTION)} }\n`);
    const result = await runIn(['check', 'stack.yaml', '--format', 'github'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('::add-mask::transformer');
    expectSafe(result.stderr, 'stderr');
    expect(result.stderr.split('\n')[0]).toMatch(/^error: stack\.yaml:5:23: use_cases\[0\]\.choice\.family is "gan\\n::error file=README\.md,line=1::injected\\n::add-mask::transformer", which is not allowed/);
  });

  it('unknown keys in a stack file, an answers file and an overlay stay on one line', async () => {
    const key = yamlString(`k\n::error::x\u0085\u202e`);
    writeFileSync(join(dir, 'keys.yaml'), `version: 1\n${key}: 1\nuse_cases: []\n`);
    writeFileSync(join(dir, 'answers.yaml'), `modality: text\n${key}: 1\n`);
    writeFileSync(join(dir, 'overlay.yaml'), `${key}: 1\n`);
    for (const argv of [
      ['check', 'keys.yaml', '--format', 'github'],
      ['--answers', 'answers.yaml', '--no-input'],
      ['--knowledge', 'overlay.yaml', '--no-input', '--use-case', 'code-assistant'],
    ]) {
      const result = await runIn(argv, dir);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/"k\\n::error::x\\u0085\\u202e"/);
      expectSafe(result.stderr, argv.join(' '));
    }
  });

  it('C1 and bidi characters in policy.allowed_licenses are escaped in json and yaml', async () => {
    writeFileSync(join(dir, 'licences.yaml'), `version: 1\npolicy: { allowed_licenses: [${yamlString('mit\u0085\u202e')}] }\nuse_cases:\n  - id: bot\n    profile: { use_case: code-assistant }\n    choice: { family: transformer, license: gpl }\n`);
    for (const format of ['json', 'yaml']) {
      const result = await runIn(['check', 'licences.yaml', '--format', format], dir);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('mit\\u0085\\u202e');
      expectSafe(result.stdout, format);
    }
    // The JSON still holds the licence itself.
    const json = JSON.parse((await runIn(['check', 'licences.yaml', '--format', 'json'], dir)).stdout);
    expect(json.policy.allowed_licenses).toEqual(['mit\u0085\u202e']);
  });
});

// Text with everything a log or terminal acts on: newlines, C0, DEL, C1, bidi, separators.
const HOSTILE = fc.constantFrom('\n', '\r', '\r\n', '\t', '\u0000', '\u0007', '\u001b[2J', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2028', '::', '::error::x', '::add-mask::y', '##[error]z', '##[add-mask]w', '%0A', '"', '\\', ' ', 'a');
const freeText = fc.array(HOSTILE, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

describe('fuzz: free text from every input file through every format', () => {
  const dir = tempDir('genai-advisor-fuzz-');

  it('no output line holds a raw control character or starts a workflow command', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(freeText, { minLength: 16, maxLength: 16 }), async (t) => {
        const s = (i: number) => yamlString(t[i]!);
        writeFileSync(
          join(dir, 'stack.yaml'),
          `version: 1\npolicy: { allowed_licenses: [${s(0)}] }\nuse_cases:\n` +
            `  - id: bot\n    description: ${s(1)}\n    owner: ${s(2)}\n    profile: { use_case: code-assistant }\n` +
            `    choice: { family: transformer, vendor: ${s(3)}, model: ${s(4)}, license: ${s(5)} }\n` +
            `    governance:\n      ai-disclosure: { status: done, evidence: ${s(6)}, owner: ${s(7)} }\n      not-an-item: { status: not-applicable, reason: ${s(8)} }\n` +
            `    decided_with: { knowledge_sha256: ${'a'.repeat(64)}, knowledge_version: ${s(9)} }\n`,
        );
        writeFileSync(join(dir, 'overlay.yaml'), `families:\n  diffusion:\n    name: ${s(10)}\n    summary: ${s(11)}\n    best_at: [${s(12)}]\n`);
        writeFileSync(join(dir, 'answers.yaml'), `modality: text\ntask: generate\n${s(13)}: ${s(14)}\n`);
        for (const format of CHECK_FORMATS) {
          const result = await runIn(['check', 'stack.yaml', '--knowledge', 'overlay.yaml', '--format', format], dir);
          expect([1, 2]).toContain(result.code);
          expectSafe(result.stdout, `check ${format} stdout`);
          expectSafe(result.stderr, `check ${format} stderr`);
        }
        for (const format of RECOMMEND_FORMATS) {
          const ok = await runIn(['--knowledge', 'overlay.yaml', '--use-case', 'code-assistant', '--no-input', '--why-not', 'diffusion', '--format', format], dir);
          expect(ok.code, ok.stderr).toBe(0);
          expectSafe(ok.stdout, `recommend ${format}`);
          const bad = await runIn(['--answers', 'answers.yaml', '--no-input', '--format', format], dir);
          expect(bad.code).toBe(2);
          expectSafe(bad.stderr, `answers ${format}`);
        }
      }),
      { seed: 16, numRuns: 6 },
    );
  }, 240_000);
});
