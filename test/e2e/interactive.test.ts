/**
 * The consultation in a real pseudo-terminal: the built binary runs inside tmux, keys are sent
 * with send-keys and the screen is read with capture-pane.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { BIN } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnCli } from '../helpers/spawn.js';
import { tempDir, tmuxSocket } from '../helpers/temp.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('test/e2e/interactive.test.ts skipped: tmux is not installed (apt-get install tmux)');

const prompt = (key: string) => builtinKnowledge.questions.find((q) => q.key === key)!.prompt;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const temp = () => tempDir('genai-advisor-tty-');

let sessions = 0;

class Terminal {
  readonly socket = tmuxSocket('genai-advisor-tmux-');
  readonly exitFile = join(temp(), 'exit');

  constructor(
    readonly cwd: string,
    args: string[],
    { width = 100, height = 40, env = 'NO_COLOR=1' } = {},
  ) {
    // CI is unset so the binary sees a person at a terminal even when the suite runs in CI.
    const command = `env -u CI ${env} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}; echo EXIT=$? > ${quote(this.exitFile)}; sleep 600`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), '-c', cwd, command);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  /** The whole scrollback, wrapped lines joined, trailing blanks dropped. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** The last screen read, printed should the test fail. */
  last = '';

  /** Polls with no deadline of its own: however slow the machine, only the test's timeout ends a hang. */
  async waitFor(test: (screen: string) => boolean, _what: string): Promise<string> {
    for (;;) {
      this.last = this.screen();
      if (test(this.last)) return this.last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits until the prompt is the active one (inquirer marks it "?"; an answered one "✔"). */
  asking(message: string): Promise<string> {
    return this.waitFor((s) => s.split('\n').some((line) => line.startsWith(`? ${message}`)), `the prompt "${message}"`);
  }

  async exitCode(): Promise<number> {
    await this.waitFor(() => existsSync(this.exitFile) && readFileSync(this.exitFile, 'utf8').includes('\n'), 'the program to exit');
    return Number(/EXIT=(\d+)/.exec(readFileSync(this.exitFile, 'utf8'))![1]);
  }

  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
  }
}

describe.skipIf(!hasTmux)('the consultation in a terminal', { timeout: SPAWN_TIMEOUT }, () => {
  let terminal: Terminal | undefined;
  beforeEach(() => {
    onTestFailed(() => console.error(`the screen:\n${terminal?.last ?? ''}`));
  });
  afterEach(() => terminal?.kill());

  it('answered by keystrokes: a preset, some answers, a ranking, the answers saved; they replay to the same JSON as the flags', async () => {
    const cwd = temp();
    terminal = new Terminal(cwd, []);
    await terminal.asking(prompt('use_case'));
    terminal.type('visuals');
    await terminal.waitFor((s) => s.includes('❯ Marketing visuals'), 'the search hit');
    terminal.keys('Enter');

    await terminal.asking(prompt('require'));
    terminal.keys('Space', 'Enter'); // the first criterion, quality, as a hard requirement
    await terminal.asking(prompt('data'));
    terminal.keys('Down', 'Enter'); // moderate → abundant
    await terminal.asking(prompt('compute'));
    terminal.keys('Enter');
    await terminal.asking(prompt('sector'));
    terminal.keys(...Array<string>(8).fill('Down'), 'Enter'); // the last sector: media
    await terminal.asking(prompt('sensitive_data'));
    terminal.keys('n', 'Enter');
    await terminal.asking(prompt('synthetic_media'));
    terminal.keys('y', 'Enter');
    await terminal.asking(prompt('high_stakes'));
    terminal.keys('Enter');
    await terminal.asking(prompt('human_review'));
    terminal.keys('y', 'Enter');
    // The preset says its content is published; the other facts of the governance round take their defaults.
    for (const key of ['interacts_with_people', 'emotion_or_biometric', 'informs', 'system_role', 'public_role', 'minors']) {
      await terminal.asking(prompt(key));
      terminal.keys('Enter');
    }
    await terminal.asking(prompt('model_role'));
    terminal.keys('Enter'); // use
    await terminal.asking(prompt('jurisdiction'));
    terminal.keys('Enter'); // the ticked default: eu

    const results = await terminal.asking('What next?');
    expect(results).toMatch(/^Recommended: Diffusion \(/m);
    expect(results).toMatch(/^ +1 Diffusion +\d/m);
    expect(results).toContain('Governance checklist');
    // The questions the preset answered were not asked.
    expect(results).not.toContain(prompt('modality'));

    terminal.keys('Up', 'Enter'); // from Done up to "Save the answers"
    await terminal.asking('Save the answers as');
    terminal.type('answers.yaml');
    terminal.keys('Enter');
    await terminal.waitFor((s) => s.includes('Wrote answers.yaml'), 'the answers to be written');
    await terminal.asking('What next?');
    terminal.keys('Enter');
    expect(await terminal.exitCode()).toBe(0);

    const replayed = await spawnCli(['--answers', 'answers.yaml', '--format', 'json', '--no-input'], { cwd });
    const flags = await spawnCli(
      ['--use-case', 'marketing-visuals', '--require', 'quality', '--data', 'abundant', '--sector', 'media', '--no-sensitive-data', '--synthetic-media', '--human-review', '--format', 'json', '--no-input'],
      { cwd },
    );
    expect(replayed.stderr).toBe('');
    expect(replayed.code).toBe(0);
    // Only the flags leave questions unanswered, so only they name assumed defaults.
    const withoutAssumed = (text: string) => {
      const doc = JSON.parse(text) as { checklistScope: { assumed?: unknown }; checklist: Array<{ assumed?: unknown }> };
      delete doc.checklistScope.assumed;
      for (const item of doc.checklist) delete item.assumed;
      return doc;
    };
    expect(withoutAssumed(replayed.stdout)).toEqual(withoutAssumed(flags.stdout));
    expect(JSON.parse(replayed.stdout).ranking[0].family).toBe('diffusion');
    expect(JSON.parse(replayed.stdout).profile.require).toEqual(['quality']);
  });

  it('Enter through every question in 80 columns with colour: a ranking, exit 0, no line wider than 80', async () => {
    terminal = new Terminal(temp(), [], { width: 80, env: '-u NO_COLOR TERM=xterm-256color' });
    const questions = [prompt('use_case'), ...builtinKnowledge.questions.filter((q) => q.kind !== 'preset').map((q) => q.prompt), 'What next?'];
    for (const message of questions) {
      await terminal.asking(message);
      terminal.keys('Enter');
    }
    expect(await terminal.exitCode()).toBe(0);
    const screen = terminal.screen();
    expect(screen).toMatch(/^Recommended: Transformer \(/m);
    expect(screen).toContain('✔ What next? Done');
    const wide = screen.split('\n').filter((line) => [...line].length > 80);
    expect(wide).toEqual([]);
  });

  it('Ctrl+C at the first question: "Cancelled", exit 130, no stack trace, no file left', async () => {
    const cwd = temp();
    terminal = new Terminal(cwd, ['--save-answers', 'answers.yaml', '--output', 'report.txt']);
    await terminal.asking(prompt('use_case'));
    terminal.keys('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const screen = terminal.screen();
    expect(screen.split('\n').filter((line) => line === 'Cancelled')).toHaveLength(1);
    expect(screen).not.toMatch(/Error|\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
