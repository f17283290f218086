/**
 * Nothing lost: a failed run leaves every existing file byte-for-byte as it was, and no
 * temporary file behind. In-process; test/e2e/atomic.test.ts interrupts the built binary.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { BROKEN_ANSWERS, BROKEN_OVERLAY, BROKEN_STACK, folder, PRECIOUS, snapshot, STACK, temporaries } from '../helpers/atomic.js';


describe('a failed run leaves existing files untouched', () => {
  const IMAGE = ['--modality', 'image', '--task', 'generate', '--no-input'];
  it.each([
    ['recommend --output, broken answers file', ['--answers', 'answers.yaml', '--no-input', '--output', 'target']],
    ['recommend --output, broken overlay', [...IMAGE, '--knowledge', 'overlay.yaml', '--output', 'target']],
    ['recommend --output, misspelt flag after it', ['--output', 'target', ...IMAGE, '--latency', 'realtme']],
    ['recommend --save-answers, broken answers file', ['--answers', 'answers.yaml', '--no-input', '--save-answers', 'target']],
    ['recommend --save-answers, required answer missing', ['--modality', 'image', '--no-input', '--save-answers', 'target']],
    ['recommend --output and --save-answers, unknown --why-not family', [...IMAGE, '--why-not', 'gann', '--output', 'target', '--save-answers', 'target2']],
    ['recommend --save-answers, --output into a missing folder', [...IMAGE, '--save-answers', 'target', '--output', 'missing/out.md']],
    ['checklist --save-answers, --output that is a folder', ['checklist', ...IMAGE, '--save-answers', 'target', '--output', '.']],
    ['checklist --output, required answers missing', ['checklist', '--no-input', '--output', 'target']],
    ['compare --output, unknown family', ['compare', 'gann', '--output', 'target']],
    ['explain --output, broken overlay', ['explain', 'gan', '--knowledge', 'overlay.yaml', '--output', 'target']],
    ['use-cases --output, broken overlay', ['use-cases', '--knowledge', 'overlay.yaml', '--output', 'target']],
    ['knowledge schema --output, broken overlay', ['knowledge', 'schema', '--knowledge', 'overlay.yaml', '--output', 'target']],
    ['check --output, broken stack file', ['check', 'broken-stack.yaml', '--format', 'sarif', '--output', 'target']],
    ['init into an existing stack file, id already taken', ['init', 'target', '--use-case', 'customer-support-chatbot', '--id', 'bot', '--no-input']],
    ['init into an existing stack file, broken overlay', ['init', 'target', '--use-case', 'customer-support-chatbot', '--knowledge', 'overlay.yaml', '--no-input']],
  ])('%s', async (_name, args) => {
    const target = args.includes('init') ? STACK : PRECIOUS;
    const dir = folder({ target, target2: PRECIOUS, 'answers.yaml': BROKEN_ANSWERS, 'overlay.yaml': BROKEN_OVERLAY, 'broken-stack.yaml': BROKEN_STACK });
    const before = snapshot(dir);
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

});

describe('an output path that cannot be written', () => {
  it.each([
    ['--output', ['--use-case', 'fraud-detection', '--no-input', '--output', 'missing-folder/out.txt']],
    ['--save-answers', ['--use-case', 'fraud-detection', '--no-input', '--save-answers', 'missing-folder/answers.yaml']],
    ['check --output', ['check', 'stack.yaml', '--output', 'missing-folder/report.xml', '--format', 'junit']],
    ['knowledge schema --output', ['knowledge', 'schema', '--output', 'missing-folder/schema.json']],
    ['init', ['init', 'missing-folder/genai-stack.yaml', '--use-case', 'customer-support-chatbot', '--no-input']],
  ])('a missing folder for %s is a short error, and the folder is not created', async (_name, args) => {
    const dir = folder({ 'stack.yaml': STACK });
    const before = snapshot(dir);
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: cannot write missing-folder\/\S+: the folder missing-folder does not exist$/);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder named as the output file is refused and left as it is', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'inside'), PRECIOUS);
    const result = await runInProcess(['compare', '--output', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write out: out is a directory, not a file\n/);
    expect(readdirSync(join(dir, 'out'))).toEqual(['inside']);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('an output path that is one of the inputs', () => {
  it.each([
    ['check --output over its own stack file', ['check', 'genai-stack.yaml', '--output', 'genai-stack.yaml'], 'genai-stack.yaml', STACK],
    ['recommend --output over its answers file', ['--answers', 'answers.yaml', '--no-input', '--output', './answers.yaml'], 'answers.yaml', 'modality: image\ntask: generate\n'],
  ])('%s is refused and the input is untouched', async (_name, args, input, content) => {
    const dir = folder({ [input]: content });
    const before = snapshot(dir);
    const result = await runInProcess(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/is also an input of this run/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('an output path that is not a plain file', () => {
  it('a symlink stays a symlink; the file it points to gets the output, with its permissions', async () => {
    const dir = folder({ 'real.txt': PRECIOUS });
    chmodSync(join(dir, 'real.txt'), 0o600);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    expect((await runInProcess(['compare', 'gan', '--output', 'link.txt'], { cwd: dir })).code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toMatch(/^Ratings\b[\s\S]*\bGAN\b/m);
    expect(statSync(join(dir, 'real.txt')).mode & 0o777).toBe(0o600);
    expect(temporaries(dir)).toEqual([]);
  });

});
