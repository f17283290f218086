/**
 * Nothing lost: a failed or interrupted run leaves every existing file byte-for-byte as it
 * was, and no temporary file behind. Runs the built binary.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { BIN, runCli } from '../helpers/cli.js';
import { tempDir, tmuxSocket } from '../helpers/temp.js';

// Bytes no command would ever write, so any change shows.
const PRECIOUS = Buffer.concat([Buffer.from('precious: keep me\n'), Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from('\nend\n')]);

const BROKEN_ANSWERS = 'modality: image\ntask: generat\n';
const BROKEN_OVERLAY = 'families:\n  diffusion:\n    ratings: { quality: 9 }\n';
const BROKEN_STACK = 'version: 1\nuse_cases:\n  - id: bot\n    choice: { family: gann }\n';
const STACK = 'version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: customer-support-chatbot }\n    choice: { family: transformer }\n';

/** A fresh folder with the given files. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('genai-advisor-atomic-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Every file of a folder with its bytes: the whole state a run could have touched. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

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
  ])('%s', (_name, args) => {
    const target = args.includes('init') ? STACK : PRECIOUS;
    const dir = folder({ target, target2: PRECIOUS, 'answers.yaml': BROKEN_ANSWERS, 'overlay.yaml': BROKEN_OVERLAY, 'broken-stack.yaml': BROKEN_STACK });
    const before = snapshot(dir);
    const result = runCli(args, { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a successful run replaces the file whole and leaves no temporary file', () => {
    const dir = folder({ target: PRECIOUS, 'stack.yaml': STACK });
    expect(runCli(['--use-case', 'fraud-detection', '--no-input', '--format', 'json', '--output', 'target', '--save-answers', 'saved.yaml'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'target'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(dir, 'saved.yaml'), 'utf8')).toContain('use_case: fraud-detection');
    expect(runCli(['init', 'stack.yaml', '--use-case', 'customer-support-chatbot', '--id', 'second', '--no-input'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'stack.yaml'), 'utf8')).toContain('id: second');
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('an output path that cannot be written', () => {
  it.each([
    ['--output', ['--use-case', 'fraud-detection', '--no-input', '--output', 'missing-folder/out.txt']],
    ['--save-answers', ['--use-case', 'fraud-detection', '--no-input', '--save-answers', 'missing-folder/answers.yaml']],
    ['check --output', ['check', 'stack.yaml', '--output', 'missing-folder/report.xml', '--format', 'junit']],
    ['knowledge schema --output', ['knowledge', 'schema', '--output', 'missing-folder/schema.json']],
    ['init', ['init', 'missing-folder/genai-stack.yaml', '--use-case', 'customer-support-chatbot', '--no-input']],
  ])('a missing folder for %s is a short error, and the folder is not created', (_name, args) => {
    const dir = folder({ 'stack.yaml': STACK });
    const before = snapshot(dir);
    const result = runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: cannot write missing-folder\/\S+: the folder missing-folder does not exist$/);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder named as the output file is refused and left as it is', () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'inside'), PRECIOUS);
    const result = runCli(['compare', '--output', 'out'], { cwd: dir });
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
  ])('%s is refused and the input is untouched', (_name, args, input, content) => {
    const dir = folder({ [input]: content });
    const before = snapshot(dir);
    const result = runCli(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/is also an input of this run/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('an output path that is not a plain file', () => {
  it('a symlink stays a symlink; the file it points to gets the output, with its permissions', () => {
    const dir = folder({ 'real.txt': PRECIOUS });
    chmodSync(join(dir, 'real.txt'), 0o600);
    symlinkSync('real.txt', join(dir, 'link.txt'));
    expect(runCli(['compare', 'gan', '--output', 'link.txt'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toMatch(/^GAN\b/m);
    expect(statSync(join(dir, 'real.txt')).mode & 0o777).toBe(0o600);
    expect(temporaries(dir)).toEqual([]);
  });

  it('a link to /proc/self/fd/1, as /dev/stdout is, writes to stdout and stays a link', () => {
    const dir = folder();
    symlinkSync('/proc/self/fd/1', join(dir, 'stdout'));
    // Through a real pipe: node's own child-process pipes are sockets, which cannot be opened by path.
    const result = spawnSync('bash', ['-c', `${quote(process.execPath)} ${quote(BIN)} compare gan --output stdout | cat`], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^GAN\b/m);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir)).toEqual(['stdout']);
  });

  it('a named pipe gets the output and stays a pipe', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const reader = spawnSync('bash', ['-c', `cat pipe > received & ${quote(process.execPath)} ${quote(BIN)} compare gan --output pipe; wait`], { cwd: dir, encoding: 'utf8', timeout: 15_000 });
    expect(reader.status, reader.stderr).toBe(0);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(readFileSync(join(dir, 'received'), 'utf8')).toMatch(/^GAN\b/m);
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
  const waitFor = async (test: () => boolean, what: string) => {
    const until = Date.now() + 15_000;
    while (!test()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
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

describe.skipIf(!hasTmux)('interrupting a consultation', () => {
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
