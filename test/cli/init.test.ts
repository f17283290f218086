import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/util/dates.js';
import { STACK_SCHEMA_URL } from '../../src/check/schema.js';
import { run } from '../../src/cli/program.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const temp = () => tempDir('genai-init-');
const read = (cwd: string, file = 'genai-stack.yaml') => readFileSync(join(cwd, file), 'utf8');

describe('genai-advisor init', () => {
  it('creates a stack file with a schema hint that check accepts, open governance as findings', async () => {
    const cwd = temp();
    // Today comes from the injected clock, so the due date is known whatever day the test runs.
    const now = () => new Date(2026, 5, 1, 12);
    const result = await runInProcess(['init', '--use-case', 'customer-support-chatbot', '--hosting', 'api', '--vendor', 'Example Corp', '--no-input'], { cwd, now });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const due = addDays(localDate(now()), 30);
    expect(due).toBe('2026-07-01');
    expect(result.stdout).toMatch(new RegExp(`^Created genai-stack\\.yaml with use case "customer-support-chatbot": Transformer.* \\(score [\\d.]+\\), \\d+ checklist items planned for ${due}\\.\\n`));
    const text = read(cwd);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${STACK_SCHEMA_URL}`);
    expect(text).toMatch(/^version: 1$/m);
    expect(text).toContain('  - id: customer-support-chatbot\n');
    expect(text).toMatch(/^ {6}family: transformer$/m);
    expect(text).toMatch(/^ {6}hosting: api$/m);
    expect(text).toContain(`ai-disclosure: { status: planned, due: ${due} } # Tell people they are dealing with an AI system (required)`);
    expect(text).toContain(`knowledge_sha256: ${builtinKnowledge.sha256}`);

    const check = await runInProcess(['check', '--format', 'json'], { cwd, now });
    expect(check.code).toBe(0);
    const doc = JSON.parse(check.stdout);
    expect(doc.summary.errors).toBe(0);
    expect(doc.findings.length).toBeGreaterThan(5);
    expect(new Set(doc.findings.map((f: { rule: string }) => f.rule))).toEqual(new Set(['governance/planned']));
    expect((await runInProcess(['check', '--strict'], { cwd, now })).code).toBe(1);
  });

  it('treats an existing empty file as a new stack file', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'genai-stack.yaml'), '');
    const result = await runInProcess(['init', '--use-case', 'code-assistant', '--no-input'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created genai-stack\.yaml with use case "code-assistant"/);
    expect(read(cwd)).toMatch(/^version: 1$/m);
    expect([0, 1]).toContain((await runInProcess(['check'], { cwd })).code);
  });

  it('appends to an existing file, keeping its content and comments', async () => {
    const cwd = temp();
    const original = [
      '# Our AI stack (do not remove this comment)',
      'version: 1',
      'policy:',
      '  max_rank: 3 # we allow a bit more room',
      'use_cases:',
      '- id: first',
      '  profile: { use_case: code-assistant }   # profile comment',
      '  choice: { family: transformer }',
      '',
    ].join('\n');
    writeFileSync(join(cwd, 'stack.yaml'), original);
    const result = await runInProcess(['init', 'stack.yaml', '--use-case', 'marketing-visuals', '--id', 'visuals', '--no-input'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Added use case "visuals" to stack\.yaml: Diffusion/);
    const text = read(cwd, 'stack.yaml');
    for (const kept of ['# Our AI stack (do not remove this comment)', '  max_rank: 3 # we allow a bit more room', '- id: first', '# profile comment', '- id: visuals']) expect(text).toContain(kept);
    expect(text.indexOf('- id: first')).toBeLessThan(text.indexOf('- id: visuals'));
    expect(text).not.toContain('yaml-language-server');
    expect([0, 1]).toContain((await runInProcess(['check', 'stack.yaml'], { cwd })).code);
    // No temporary file is left behind.
    expect(readdirSync(cwd)).toEqual(['stack.yaml']);
  });

  it('refuses a duplicate id with exit 2 and leaves the file untouched', async () => {
    const cwd = temp();
    expect((await runInProcess(['init', '--use-case', 'code-assistant', '--no-input'], { cwd })).code).toBe(0);
    const before = read(cwd);
    for (const args of [['--use-case', 'code-assistant'], ['--use-case', 'marketing-visuals', '--id', 'code-assistant']]) {
      const result = await runInProcess(['init', ...args, '--no-input'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/code-assistant/);
      expect(result.stderr).toContain('--id <id>');
    }
    expect(read(cwd)).toBe(before);
  });

  it('fails clearly without an id to derive, or without the answers it needs', async () => {
    const cwd = temp();
    const noId = await runInProcess(['init', '--modality', 'image', '--task', 'generate', '--yes', '--no-input'], { cwd });
    expect(noId).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: init needs an id for the new use case: the profile names no use-case preset to take it from\ngive one with --id <id> (lowercase letters, digits and dashes)\n',
    });
    const badId = await runInProcess(['init', '--use-case', 'code-assistant', '--id', 'Not_Valid', '--no-input'], { cwd });
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('use-case id "Not_Valid" is not valid');
    const noAnswers = await runInProcess(['init', '--id', 'x', '--no-input'], { cwd });
    expect(noAnswers.code).toBe(2);
    expect(noAnswers.stderr).toMatch(/modality/);
    expect(existsSync(join(cwd, 'genai-stack.yaml'))).toBe(false);
  });

  it('refuses to add to a file that check could not read, before asking anything', async () => {
    const cwd = temp();
    const broken = 'version: 1\nuse_cases:\n  - id: x\n    choice: { family: gann }\n';
    writeFileSync(join(cwd, 'genai-stack.yaml'), broken);
    const result = await runInProcess(['init', '--use-case', 'code-assistant', '--no-input'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: genai-stack\.yaml:3:5: use_cases\[0\] is missing the required key "profile"/);
    expect(read(cwd)).toBe(broken);
  });

  it('writes what check accepts for every preset (exit 0 or 1, never 2)', async () => {
    const cwd = temp();
    const io = () => {
      const out = new PassThrough();
      const err = new PassThrough();
      let stderr = '';
      err.on('data', (chunk) => (stderr += String(chunk)));
      return { io: { stdout: out, stderr: err, stdin: new PassThrough(), env: { CI: '1' }, cwd }, stderr: () => stderr };
    };
    for (const preset of Object.keys(builtinKnowledge.use_cases)) {
      const session = io();
      expect(await run(['init', '--use-case', preset, '--no-input'], session.io), `${preset}: ${session.stderr()}`).toBe(0);
    }
    const session = io();
    expect([0, 1]).toContain(await run(['check', '--format', 'json'], session.io));
    expect(session.stderr()).toBe('');
    expect(read(cwd).match(/^ {2}- id: /gm)).toHaveLength(Object.keys(builtinKnowledge.use_cases).length);
  });
});
