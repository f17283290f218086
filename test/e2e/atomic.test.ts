/**
 * Nothing lost: a failed or interrupted run leaves every existing file byte-for-byte as it
 * was, and no temporary file behind. The built binary, for what only a real process shows:
 * the rename of a finished write, special files, signals. (Failed runs: test/cli/atomic.test.ts.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { BIN } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnCli, spawnShell } from '../helpers/spawn.js';
import { tmuxSocket } from '../helpers/temp.js';
import { folder, PRECIOUS, snapshot, STACK, temporaries } from '../helpers/atomic.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('a write through the built binary', { timeout: SPAWN_TIMEOUT }, () => {
  it('a successful run replaces the file whole and leaves no temporary file', async () => {
    const dir = folder({ target: PRECIOUS, 'stack.yaml': STACK });
    expect((await spawnCli(['--use-case', 'fraud-detection', '--no-input', '--format', 'json', '--output', 'target', '--save-answers', 'saved.yaml'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'target'), 'utf8')).schemaVersion).toBe(3);
    expect(readFileSync(join(dir, 'saved.yaml'), 'utf8')).toContain('use_case: fraud-detection');
    expect((await spawnCli(['init', 'stack.yaml', '--use-case', 'customer-support-chatbot', '--id', 'second', '--no-input'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'stack.yaml'), 'utf8')).toContain('id: second');
    expect(temporaries(dir)).toEqual([]);
  });
});

describe.concurrent('an output path that is not a plain file', { timeout: SPAWN_TIMEOUT }, () => {
  it('a link to /proc/self/fd/1, as /dev/stdout is, writes to stdout and stays a link', async () => {
    const dir = folder();
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    // Through a real pipe: node's own child-process pipes are sockets, which cannot be opened by path.
    const result = await spawnShell('"$NODE" "$BIN" compare gan --output stdout | cat', { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Ratings\b[\s\S]*\bGAN\b/m);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(['stdout']);
  });

  it('a named pipe gets the output and stays a pipe', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const reader = await spawnShell('cat pipe > received & "$NODE" "$BIN" compare gan --output pipe; wait', { cwd: dir });
    expect(reader.code, reader.stderr).toBe(0);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'received'), 'utf8')).toMatch(/^Ratings\b[\s\S]*\bGAN\b/m);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let socket: string | undefined;
afterEach(() => {
  if (socket) spawnSync('tmux', ['-S', socket, 'kill-server']);
  socket = undefined;
});

/**
 * Starts the binary in a real terminal (tmux) with its own pid recorded, and waits until it
 * asks its first question: the moment a person is most likely to give up.
 */
async function startAtFirstPrompt(dir: string, args: string[]): Promise<{ pid: number; keys: (...k: string[]) => void; exit: () => Promise<{ code: number; screen: string }> }> {
  socket = tmuxSocket('genai-advisor-atomic-tmux-');
  const tmux = (...a: string[]) => execFileSync('tmux', ['-S', socket!, ...a], { encoding: 'utf8' });
  const command = `env -u CI NO_COLOR=1 sh -c 'echo $$ > pid; exec "$0" "$@"' ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo EXIT=$? > exit; sleep 600`;
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', '100', '-y', '40', '-c', dir, command);
  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
  // No deadline of its own: a busy machine may take long; the test's timeout ends a hang, and
  // the screen is printed for a failed test.
  let last = '';
  onTestFailed(() => console.error(`the screen:\n${last}`));
  const waitFor = async (test: () => boolean, _what: string) => {
    while (!test()) {
      last = screen();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const firstPrompt = builtinKnowledge.questions.find((q) => q.key === 'use_case')!.prompt;
  await waitFor(() => screen().includes(firstPrompt), `the prompt "${firstPrompt}"`);
  const exitFile = join(dir, 'exit');
  return {
    pid: Number(readFileSync(join(dir, 'pid'), 'utf8')),
    keys: (...k) => tmux('send-keys', '-t', 'main', ...k),
    exit: async () => {
      await waitFor(() => existsSync(exitFile) && readFileSync(exitFile, 'utf8').includes('\n'), 'the program to exit');
      return { code: Number(/EXIT=(\d+)/.exec(readFileSync(exitFile, 'utf8'))![1]), screen: screen() };
    },
  };
}

describe.skipIf(!hasTmux)('interrupting a consultation', { timeout: SPAWN_TIMEOUT }, () => {
  const args = ['--output', 'report.md', '--format', 'markdown', '--save-answers', 'answers.yaml'];

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while a question waits: exit %i, files untouched, no temporary file', async (signal, exitCode) => {
    const dir = folder({ 'report.md': PRECIOUS, 'answers.yaml': PRECIOUS });
    const before = snapshot(dir);
    const run = await startAtFirstPrompt(dir, args);
    process.kill(run.pid, signal);
    const { code, screen } = await run.exit();
    expect(code).toBe(exitCode);
    if (signal === 'SIGINT') expect(screen).toMatch(/^Cancelled$/m);
    expect(screen).not.toMatch(/^\s+at /m);
    const after = snapshot(dir);
    delete after.pid;
    delete after.exit;
    expect(after).toEqual(before);
  });

  it('Ctrl+C typed at a question: exit 130, files untouched, no temporary file', async () => {
    const dir = folder({ 'report.md': PRECIOUS, 'answers.yaml': PRECIOUS });
    const before = snapshot(dir);
    const run = await startAtFirstPrompt(dir, args);
    run.keys('C-c');
    const { code, screen } = await run.exit();
    expect(code).toBe(130);
    expect(screen).toMatch(/^Cancelled$/m);
    const after = snapshot(dir);
    delete after.pid;
    delete after.exit;
    expect(after).toEqual(before);
  });
});
