/**
 * Issue 27, class 1 (workflow commands anywhere in a line) and class 6 (text that changes on
 * its way out), from the attacker's side: a stack file, an overlay and arguments full of
 * `##[…]`, `::` lines, bidi and invisible characters, newlines, HTML and shell syntax. No
 * output carries a raw one; JSON, YAML, SARIF and XML keep every value exact.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseShell } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { commandLines, RAW_CONTROL } from './io.js';

const HIDDEN = '\u202e\u200b\u2066\ufeff';
const DESCRIPTION = `say ##[error]desc and ${HIDDEN} hidden\n::error::x`;
const MODEL = 'm-##[error]model';
const FILE = 's##[warning]x.yaml';
const yamlString = (text: string) => JSON.stringify(text);

/** What no output may hold: a raw unsafe character, `##[` anywhere, a line starting a command. */
function expectSafe(text: string, where: string): void {
  const raw = RAW_CONTROL.exec(text) ?? /[\u200b\u2060\ufeff]/.exec(text);
  expect(raw, `${where}: raw U+${raw?.[0].charCodeAt(0).toString(16)}`).toBeNull();
  expect(text.includes('##['), `${where}: ##[ in ${text.slice(Math.max(0, text.indexOf('##[') - 80), text.indexOf('##[') + 40)}`).toBe(false);
  expect(commandLines(text), `${where}: a line starts a workflow command`).toEqual([]);
}

const dir = tempDir('genai-advisor-output-text-');
writeFileSync(
  join(dir, FILE),
  `version: 1\nuse_cases:\n  - id: bot\n    description: ${yamlString(DESCRIPTION)}\n    owner: ${yamlString('o ##[add-mask]owner')}\n    profile: { use_case: code-assistant }\n` +
    `    choice: { family: transformer, vendor: ${yamlString('v ##[error]vendor')}, model: ${yamlString(MODEL)}, license: ${yamlString('l ##[error]lic')}, hosting: api }\n` +
    `    governance:\n      ai-disclosure: { status: done, evidence: ${yamlString('e ##[error]ev')} }\n`,
);
writeFileSync(join(dir, 'bad-key.yaml'), `version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n    governance:\n      ${yamlString('g ##[error]key')}: { status: done }\n`);
writeFileSync(
  join(dir, 'overlay.yaml'),
  `use_cases:\n  code-assistant:\n    title: ${yamlString(`<img src=x onerror=alert(1)> ${HIDDEN}`)}\n    description: ${yamlString(`<script>alert(2)</script> ${HIDDEN} ##[error]d`)}\n` +
    `families:\n  transformer:\n    name: ${yamlString('<img src=y onerror=alert(3)>')}\nmodels:\n  - id: gpt-4o\n    name: ${yamlString('<script>alert(4)</script>')}\n`,
);

describe('class 1: workflow commands anywhere in a line', () => {
  it.each(CHECK_FORMATS)('check --format %s: values from the stack file and its name carry no command', async (format) => {
    const result = await runInProcess(['check', FILE, '--format', format], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    expectSafe(result.stderr, 'stderr');
    if (format === 'github') {
      // Its own annotations are commands; no value inside them is.
      expect(result.stdout.includes('##[')).toBe(false);
      expect(commandLines(result.stdout)).toEqual([]);
    } else expectSafe(result.stdout, format);
    // The structured formats keep the values themselves.
    if (format === 'json') expect(JSON.parse(result.stdout).useCases[0].description).toBe(DESCRIPTION);
    if (format === 'yaml') expect(parseYaml(result.stdout).useCases[0].description).toBe(DESCRIPTION);
    if (format === 'json' || format === 'yaml') expect((format === 'json' ? JSON.parse(result.stdout) : parseYaml(result.stdout)).file).toBe(FILE);
    if (format === 'sarif') expect(JSON.stringify(JSON.parse(result.stdout))).toContain(MODEL);
    if (format === 'junit') expect(result.stdout).toContain('m-#&#x23;[error]model');
  });

  it('a governance key in an error on stderr', async () => {
    const result = await runInProcess(['check', 'bad-key.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"g #\\#[error]key"');
    expectSafe(result.stderr, 'stderr');
  });

  it.each(['table', 'json', 'yaml', 'markdown', 'html'])('recommend --format %s with an overlay full of them', async (format) => {
    const result = await runInProcess(['--use-case', 'code-assistant', '--no-input', '--knowledge', 'overlay.yaml', '--format', format], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expectSafe(result.stdout, format);
  });
});

describe('class 6: text that changes on its way out', () => {
  it('bidi and invisible characters in a description: JSON keeps the value, text shows each visibly', async () => {
    const json = await runInProcess(['use-cases', '--knowledge', 'overlay.yaml', '--format', 'json'], { cwd: dir });
    const preset = JSON.parse(json.stdout).useCases.find((u: { id: string }) => u.id === 'code-assistant');
    expect(preset.description).toBe(`<script>alert(2)</script> ${HIDDEN} ##[error]d`);
    const markdown = await runInProcess(['use-cases', '--knowledge', 'overlay.yaml', '--format', 'markdown'], { cwd: dir });
    expectSafe(markdown.stdout, 'markdown');
    for (const code of ['u202e', 'u200b', 'u2066', 'ufeff']) expect(markdown.stdout).toContain(code);
  });

  it('a key holding U+FEFF is quoted visibly in the error', async () => {
    writeFileSync(join(dir, 'bom-key.yaml'), 'modality: text\nta\ufeffsk: generate\n');
    const result = await runInProcess(['--answers', 'bom-key.yaml', '--no-input'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"ta\\ufeffsk"');
  });

  it('a newline in a path or an argument stays on its line: report lines, our errors, commander\'s', async () => {
    writeFileSync(join(dir, 'two\nlines.yaml'), 'version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: code-assistant }\n    choice: { family: transformer, model: nope }\n');
    const report = await runInProcess(['check', 'two\nlines.yaml'], { cwd: dir });
    expect(report.stdout).toContain('two\\nlines.yaml:');
    expect(report.stdout).not.toMatch(/^lines\.yaml/m);
    for (const argv of [['check', 'missing\n::error::x.yaml'], ['--format', 'x\n::error::y'], ['--use-case', 'code-assistant', '--no-input', '--output', 'missing/a\nb']]) {
      const result = await runInProcess(argv, { cwd: dir });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain('\\n');
      expect(commandLines(result.stderr)).toEqual([]);
    }
  });

  it.each([
    ['recommend', ['--use-case', 'code-assistant', '--no-input']],
    ['compare', ['compare']],
    ['explain', ['explain', 'transformer']],
    ['models', ['models']],
    ['use-cases', ['use-cases']],
  ])('HTML from an overlay never reaches the Markdown of %s raw', async (_name, argv) => {
    const result = await runInProcess([...argv, '--knowledge', 'overlay.yaml', '--format', 'markdown'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/<(script|img)/);
  });

  it('the Regenerate command and init\'s check command are shell-quoted: pasted, they run nothing', async () => {
    const overlay = 'o$(touch pwned)`id`;x.yaml';
    writeFileSync(join(dir, overlay), 'criteria: {}\n');
    const md = await runInProcess(['--use-case', 'code-assistant', '--no-input', '--knowledge', overlay, '--format', 'markdown'], { cwd: dir });
    const line = /- Regenerate: `(.+)`$/m.exec(md.stdout)![1]!;
    const words = parseShell(line);
    expect(words.every((w) => typeof w === 'string')).toBe(true);
    expect(words[words.indexOf('--knowledge') + 1]).toBe(overlay);
    const stack = 'stack $(reboot).yaml';
    const init = await runInProcess(['init', stack, '--use-case', 'code-assistant', '--no-input'], { cwd: dir });
    const command = /run `(.+)`\.$/m.exec(init.stdout)![1]!;
    expect(parseShell(command)).toEqual(['genai-advisor', 'check', stack]);
  });
});
