/**
 * Issue 27, class 3 (writes that lose data) and class 7 (links), as an attacker or an unlucky
 * CI machine would try them: every one is exit 2 with a one-line error, and every existing
 * file byte-for-byte as it was. In-process, but for what only a real process shows (a full
 * stdout, a file-size limit), which spawns the built binary.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { folder, PRECIOUS, snapshot, STACK, temporaries } from '../helpers/atomic.js';
import { runInProcess } from '../helpers/run.js';
import { SPAWN_TIMEOUT, spawnShell } from '../helpers/spawn.js';

const RUN = ['--use-case', 'code-assistant', '--no-input'];
const oneLineError = (stderr: string, pattern: RegExp) => {
  const lines = stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(stderr).not.toMatch(/^\s+at |internal error/m);
};

describe('an option that takes a file refuses what is not a file name', () => {
  it.each([
    ['--output x/ (a folder, not a file called x)', [...RUN, '--output', 'x/'], /^error: --output "x\/" names a folder/],
    ['--output ""', [...RUN, '--output', ''], /^error: --output is empty$/],
    ['--save-answers ""', [...RUN, '--save-answers', ''], /^error: --save-answers is empty$/],
    ['--output --no-input (the flag swallowed)', ['--use-case', 'code-assistant', '--output', '--no-input'], /^error: --output takes a file name, but was given "--no-input", which looks like an option$/],
    ['--save-answers --format (the flag swallowed)', [...RUN, '--save-answers', '--format', 'json'], /^error: --save-answers takes a file name, but was given "--format"/],
    ['--knowledge ""', [...RUN, '--knowledge', ''], /^error: --knowledge is empty$/],
    ['check --output ""', ['check', 'stack.yaml', '--output', ''], /^error: --output is empty$/],
    ['init x/ (a folder)', ['init', 'x/', ...RUN], /^error: the stack file "x\/" names a folder/],
    ['init ""', ['init', '', ...RUN], /^error: the stack file is empty$/],
  ])('%s', async (_name, argv, error) => {
    const dir = folder({ 'stack.yaml': STACK, x: PRECIOUS });
    const before = snapshot(dir);
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    oneLineError(result.stderr, error);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, '--no-input'))).toBe(false);
  });

  it('a file whose name starts with a dash is still reachable as ./-name', async () => {
    const dir = folder();
    const result = await runInProcess([...RUN, '--output', './--no-input'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, '--no-input'), 'utf8')).toContain('Transformer');
  });
});

describe('a valid long file name', () => {
  // 255 bytes, the most ext4 and most file systems take: the temporary name and the lock must fit too.
  const LONG = `${'a'.repeat(250)}.yaml`;
  it('is written by --output, and by init with its lock, leaving nothing else behind', async () => {
    const dir = folder();
    expect((await runInProcess([...RUN, '--output', LONG], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, LONG), 'utf8')).toContain('Transformer');
    const stack = `b${LONG.slice(1)}`;
    const init = await runInProcess(['init', stack, ...RUN], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect((await runInProcess(['check', stack], { cwd: dir })).code).toBe(0);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('links', () => {
  it('a symlink loop is named as a loop, not as a missing file', async () => {
    const dir = folder();
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    for (const argv of [['check', 'loop.yaml'], ['--answers', 'loop.yaml', '--no-input']]) {
      const result = await runInProcess(argv, { cwd: dir });
      expect(result.code).toBe(2);
      oneLineError(result.stderr, /loop\.yaml is a symbolic link that loops back on itself$/);
    }
  });

  it('init refuses to replace a looping link, and leaves it a link', async () => {
    const dir = folder();
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    const result = await runInProcess(['init', 'loop.yaml', ...RUN], { cwd: dir });
    expect(result.code).toBe(2);
    oneLineError(result.stderr, /^error: cannot write loop\.yaml: it is a symbolic link that loops back on itself$/);
    expect(lstatSync(join(dir, 'loop.yaml')).isSymbolicLink()).toBe(true);
  });

  it('init writes through a dangling link: the file it names is created, and the link stays a link', async () => {
    const dir = folder();
    symlinkSync('real-stack.yaml', join(dir, 'genai-stack.yaml'));
    const result = await runInProcess(['init', 'genai-stack.yaml', ...RUN], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(lstatSync(join(dir, 'genai-stack.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'genai-stack.yaml'))).toBe('real-stack.yaml');
    expect(readFileSync(join(dir, 'real-stack.yaml'), 'utf8')).toContain('id: code-assistant');
  });

  it('check reads a dangling link as a link to a missing file', async () => {
    const dir = folder();
    symlinkSync('gone.yaml', join(dir, 'stack.yaml'));
    const result = await runInProcess(['check', 'stack.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    oneLineError(result.stderr, /^error: stack file stack\.yaml is a symbolic link to a file that does not exist$/);
  });

  it('check reads one file once, however it is named: ./a.yaml, a.yaml, a link to it', async () => {
    const dir = folder({ 'a.yaml': STACK });
    symlinkSync('a.yaml', join(dir, 'link.yaml'));
    const alone = await runInProcess(['check', 'a.yaml', '--format', 'json'], { cwd: dir });
    const once = JSON.parse(alone.stdout);
    const result = await runInProcess(['check', './a.yaml', 'a.yaml', 'link.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(alone.code);
    const json = JSON.parse(result.stdout);
    expect(json.files).toBeUndefined();
    expect(json.summary).toEqual(once.summary);
  });
});

describe('through the built binary', { timeout: SPAWN_TIMEOUT }, () => {
  it('a full stdout (> /dev/full) is one line on stderr and exit 2, not a stack trace', async () => {
    for (const format of ['table', 'json']) {
      const result = await spawnShell(`node ${BIN} --use-case code-assistant --no-input --format ${format} > /dev/full`);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('error: cannot write to standard output: no space left on the device (ENOSPC)\nfree some space, or write the result elsewhere with --output <file>\n');
    }
  });

  it('a file-size limit (ulimit -f) that cuts the write short leaves the old file whole, exit 2', async () => {
    const dir = folder({ 'report.html': PRECIOUS, 'genai-stack.yaml': STACK });
    const before = snapshot(dir);
    const report = await spawnShell(`ulimit -f 4; node ${BIN} --use-case code-assistant --no-input --format html --output report.html`, { cwd: dir });
    expect(report.code).toBe(2);
    oneLineError(report.stderr, /^error: cannot write report\.html: the file would be cut short \(a file-size limit, ulimit -f, or a full disk\) \(EFBIG\); nothing was changed$/);
    // init, which once cut a stack file in half with exit 0.
    const init = await spawnShell(`ulimit -f 1; node ${BIN} init --use-case code-assistant --id second --no-input --description "${'long '.repeat(300)}"`, { cwd: dir });
    expect(init.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});
