/**
 * Issue 16, classes 5 and 8, with the built binary: a signal never reports "Cancelled" for a
 * change that was made, and a prompt interrupted by a signal leaves the cursor visible; a dumb
 * terminal gets no cursor movement.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { tempDir, tmuxSocket } from '../helpers/temp.js';

const ITEM = (i: number) => `  - id: u${i}\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n`;

function runUntilSignal(args: string[], cwd: string, delay: number, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a signal during init', () => {
  it('either nothing changed and it says "Cancelled" (130), or the use case was added and it says so (0)', async () => {
    const dir = tempDir('genai-advisor-signal-');
    const before = `version: 1\nuse_cases:\n${Array.from({ length: 1500 }, (_, i) => ITEM(i)).join('')}`;
    const outcomes = new Set<string>();
    // Early (Node starting, the file being read), mid-way (parsing, checking) and late (writing).
    for (const delay of [100, 500, 1200]) {
      writeFileSync(join(dir, 'stack.yaml'), before);
      const result = await runUntilSignal(['init', 'stack.yaml', '--id', 'new', '--use-case', 'code-assistant', '--no-input'], dir, delay, 'SIGINT');
      const after = readFileSync(join(dir, 'stack.yaml'), 'utf8');
      if (after === before) {
        // A signal before the handlers are installed (Node still starting) ends the process by itself.
        expect([130, null], `${delay} ms: ${result.stderr}`).toContain(result.code);
        if (result.code === 130) expect(result.stderr).toMatch(/Cancelled/);
        expect(result.stdout).not.toMatch(/Added/);
        outcomes.add('cancelled');
      } else {
        expect(after.startsWith(before)).toBe(true);
        // Exit 0, or no code at all when the signal lands while Node tears the finished process
        // down (its handlers are gone by then): either way the change was made and reported.
        expect([0, null], `${delay} ms: ${result.stderr}`).toContain(result.code);
        expect(result.stdout).toMatch(/^Added use case "new" to stack\.yaml/);
        expect(result.stderr).not.toMatch(/Cancelled/);
        outcomes.add('added');
      }
      expect(existsSync(join(dir, 'stack.yaml.lock'))).toBe(false);
    }
    // Not asserted: which outcomes occur depends on the machine's speed.
    expect(outcomes.size).toBeGreaterThan(0);
  }, 120_000);
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('a signal during a select prompt, in a real terminal', () => {
  function terminal(env: string) {
    const socket = tmuxSocket('genai-advisor-cursor-');
    const dir = tempDir('genai-advisor-cursor-');
    const raw = join(dir, 'raw.txt');
    const exit = join(dir, 'exit');
    const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
    // The program starts after a moment, so that the raw output is recorded from its first byte.
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', '100', '-y', '40', '-c', dir, `sleep 0.5; env -u CI ${env} '${process.execPath}' '${BIN}' --modality text; echo EXIT=$? > '${exit}'; sleep 600`);
    tmux('pipe-pane', '-o', '-t', 'main', `cat >> '${raw}'`);
    const wait = async (test: () => boolean, what: string) => {
      for (const until = Date.now() + 15_000; !test(); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${tmux('capture-pane', '-p', '-t', 'main')}`);
      }
    };
    const programPid = () => {
      const shell = tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim();
      return execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split('\n').filter((p) => p.trim() !== '').map(Number).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(BIN));
    };
    return { tmux, wait, raw, exit, programPid, kill: () => spawnSync('tmux', ['-S', socket, 'kill-server']) };
  }

  it.each(['SIGTERM', 'SIGHUP', 'SIGINT'] as const)('%s from another process leaves the cursor visible', async (signal) => {
    const t = terminal('NO_COLOR=1');
    try {
      await t.wait(() => /^\? /m.test(t.tmux('capture-pane', '-p', '-t', 'main')), 'the first prompt');
      const pid = t.programPid();
      expect(pid).toBeDefined();
      process.kill(pid!, signal);
      await t.wait(() => existsSync(t.exit) && readFileSync(t.exit, 'utf8').includes('\n'), 'the program to exit');
      expect(t.tmux('display-message', '-p', '-t', 'main', '#{cursor_flag}').trim()).toBe('1');
      const raw = readFileSync(t.raw, 'latin1');
      expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
    } finally {
      t.kill();
    }
  }, 30_000);

  it('TERM=dumb: the prompt is drawn without cursor-movement sequences', async () => {
    const t = terminal('NO_COLOR=1 TERM=dumb');
    try {
      await t.wait(() => /^\? /m.test(t.tmux('capture-pane', '-p', '-t', 'main')), 'the first prompt');
      t.tmux('send-keys', '-t', 'main', 'Down');
      await new Promise((r) => setTimeout(r, 300));
      process.kill(t.programPid()!, 'SIGTERM');
      await t.wait(() => existsSync(t.exit), 'the program to exit');
      // eslint-disable-next-line no-control-regex
      expect(readFileSync(t.raw, 'latin1')).not.toMatch(/\u001b\[[0-9;]*[A-HJKSTf]|\u001b\[\?25[lh]/);
    } finally {
      t.kill();
    }
  }, 30_000);
});
