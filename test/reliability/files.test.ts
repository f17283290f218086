/**
 * Issue 16, classes 3, 4, 6 and 9: outputs never replace inputs or each other, read-only files
 * are refused, limits give one clear line, and file problems say what the file really is.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { runIn } from './io.js';

const ANSWERS = ['--use-case', 'code-assistant', '--no-input'];
const STACK = 'version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n';

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(stderr).not.toMatch(/EACCES|ELOOP|Warning|at .*\.js/);
}

describe('an output is never an input, nor the same file as another output', () => {
  const dir = tempDir('genai-advisor-outputs-');
  const overlay = 'families:\n  gan:\n    summary: kept\n';

  it.each([
    ['--knowledge ov.yaml --save-answers ov.yaml', ['--knowledge', 'ov.yaml', '--save-answers', 'ov.yaml'], /--save-answers ov\.yaml is also an input of this run \(--knowledge ov\.yaml\)/],
    ['--answers a.yaml --save-answers a.yaml', ['--answers', 'a.yaml', '--save-answers', 'a.yaml'], /--save-answers a\.yaml is also an input of this run \(--answers a\.yaml\)/],
    ['--save-answers x --output x', ['--save-answers', 'x', '--output', 'x'], /--save-answers x and --output x are the same file/],
    ['--save-answers through a symlink to --output', ['--save-answers', 'link', '--output', 'out.json'], /are the same file/],
    ['--output as a hard link of --knowledge', ['--knowledge', 'ov.yaml', '--output', 'hard.yaml'], /--output hard\.yaml is also an input of this run \(--knowledge ov\.yaml\)/],
  ])('recommend %s: exit 2, nothing written', async (_name, argv, message) => {
    writeFileSync(join(dir, 'ov.yaml'), overlay);
    writeFileSync(join(dir, 'a.yaml'), 'modality: text\n');
    writeFileSync(join(dir, 'out.json'), 'old\n');
    try {
      symlinkSync('out.json', join(dir, 'link'));
      linkSync(join(dir, 'ov.yaml'), join(dir, 'hard.yaml'));
    } catch {
      // Made by an earlier case.
    }
    const result = await runIn([...ANSWERS, ...argv], dir);
    expect(result.code, result.stderr).toBe(2);
    expectOneLineError(result.stderr, message);
    expect(readFileSync(join(dir, 'ov.yaml'), 'utf8')).toBe(overlay);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('modality: text\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('old\n');
  });

  it('init st.yaml --save-answers st.yaml, and check --output onto its stack file, are refused', async () => {
    writeFileSync(join(dir, 'st.yaml'), STACK);
    const init = await runIn(['init', 'st.yaml', '--id', 'x', ...ANSWERS, '--save-answers', 'st.yaml'], dir);
    expect(init.code).toBe(2);
    expectOneLineError(init.stderr, /--save-answers st\.yaml is also an input of this run|stack file st\.yaml and --save-answers st\.yaml are the same file/);
    const check = await runIn(['check', 'st.yaml', '--output', 'st.yaml'], dir);
    expect(check.code).toBe(2);
    expectOneLineError(check.stderr, /--output st\.yaml is also an input of this run \(stack file st\.yaml\)/);
    expect(readFileSync(join(dir, 'st.yaml'), 'utf8')).toBe(STACK);
  });
});

describe('read-only files are refused, as a plain write would refuse them (also as root)', () => {
  const dir = tempDir('genai-advisor-readonly-');

  it('--output onto a chmod 444 file', async () => {
    writeFileSync(join(dir, 'report.json'), 'old\n');
    chmodSync(join(dir, 'report.json'), 0o444);
    const result = await runIn([...ANSWERS, '--format', 'json', '--output', 'report.json'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: cannot write report\.json: the file is read-only$/);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('old\n');
  });

  it('init on a read-only stack file, before any question', async () => {
    writeFileSync(join(dir, 'stack.yaml'), STACK);
    chmodSync(join(dir, 'stack.yaml'), 0o444);
    const result = await runIn(['init', 'stack.yaml', '--id', 'new', ...ANSWERS], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: cannot write stack\.yaml: the file is read-only$/);
    expect(readFileSync(join(dir, 'stack.yaml'), 'utf8')).toBe(STACK);
  });
});

describe('file problems say what the file really is, in one line', () => {
  const dir = tempDir('genai-advisor-messages-');

  it('max_gap: .nan is "not a number", not "null"', async () => {
    writeFileSync(join(dir, 'nan.yaml'), `version: 1\npolicy: { max_gap: .nan }\nuse_cases: []\n`);
    const result = await runIn(['check', 'nan.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/policy\.max_gap .*\.nan \(not a number\)/);
    expect(result.stderr).not.toMatch(/null/);
  });

  it('a FIFO is a pipe, not "empty"', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    const result = await runIn(['check', 'fifo.yaml'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: stack file fifo\.yaml is a pipe \(FIFO\), not a regular file$/);
  });

  it('a symlink loop is a loop, not "does not exist"', async () => {
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    const result = await runIn(['--answers', 'loop-a.yaml', '--no-input'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: answers file loop-a\.yaml is a symbolic link that loops back on itself$/);
  });

  it('an unreadable file: permission denied in words, without the raw EACCES text', async () => {
    writeFileSync(join(dir, 'secret.yaml'), 'modality: text\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const result = await runIn(['--answers', 'secret.yaml', '--no-input'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: answers file secret\.yaml cannot be read \(permission denied\)$/);
  });

  it('a collection used as a key: one located line, no Node warning', async () => {
    writeFileSync(join(dir, 'key.yaml'), 'modality: text\n? [a, b]\n: 1\n');
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    const result = await runIn(['--answers', 'key.yaml', '--no-input'], dir);
    process.off('warning', listener);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: key\.yaml:2:3: a key must be a plain value, not a mapping, a list or an alias$/);
    expect(warnings).toEqual([]);
  });
});

describe('limits: one clear line, long before time or memory run out', () => {
  const dir = tempDir('genai-advisor-limits-');

  it('a mapping with 60,000 keys', async () => {
    writeFileSync(join(dir, 'keys.yaml'), `modality: text\npriorities:\n${Array.from({ length: 60_000 }, (_, i) => `  k${i}: high\n`).join('')}`);
    const result = await runIn(['--answers', 'keys.yaml', '--no-input'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: keys\.yaml:3:3: a mapping has 60,000 keys, over the limit of 10,000$/);
  }, 60_000);

  it('a file of more lines and list items than the limit, refused before it is parsed', async () => {
    writeFileSync(join(dir, 'lines.yaml'), `x:\n${'- 1\n'.repeat(350_000)}`);
    const result = await runIn(['--answers', 'lines.yaml', '--no-input'], dir);
    expect(result.code).toBe(2);
    expectOneLineError(result.stderr, /^error: lines\.yaml:1:1: file has 350,003 lines, keys and list items, over the limit of 300,000; split it into smaller files$/);
  });

  it('1,000 copies of one id: one short finding, at the first repeat, listing at most 10 lines', async () => {
    const item = '  - id: same\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n';
    writeFileSync(join(dir, 'dup.yaml'), `version: 1\npolicy: { require_checklist: false }\nuse_cases:\n${item.repeat(1000)}`);
    const result = await runIn(['check', 'dup.yaml', '--format', 'json'], dir);
    expect(result.code).toBe(1);
    const duplicates = (JSON.parse(result.stdout).findings as Array<{ rule: string; message: string }>).filter((f) => f.rule === 'stack/duplicate-id');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ line: 7, col: 9 });
    expect(duplicates[0]!.message).toMatch(/^id "same" is used by 1000 use cases \(lines 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, and 990 more\); ids must be unique$/);
    // The use-case summaries remain, one short line each; the findings are one.
    expect(result.stdout.length).toBeLessThan(400_000);
  }, 60_000);
});
