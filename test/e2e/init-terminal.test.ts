/** init asking for the one answer flags cannot give, in a real terminal (tmux), through the built binary. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnCli } from '../helpers/spawn.js';
import { tempDir, tmuxSocket } from '../helpers/temp.js';

const read = (cwd: string, file = 'genai-stack.yaml') => readFileSync(join(cwd, file), 'utf8');

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!hasTmux)('genai-advisor init in a terminal (tmux)', { timeout: SPAWN_TIMEOUT }, () => {
  it('asks for the id when no preset names one, then writes the file', async ({ onTestFailed }) => {
    const cwd = tempDir('genai-init-');
    const socket = tmuxSocket('genai-init-tmux-');
    const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
    // No deadline of its own: a busy machine may take long; the test's timeout ends a hang.
    let last = '';
    onTestFailed(() => console.error(`the screen:\n${last}`));
    const waitFor = async (text: string) => {
      while (!(last = screen()).includes(text)) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // Every answer is given by flags (and --yes), so the only question left is the id.
    const command = `env -u CI NO_COLOR=1 ${quote(process.execPath)} ${quote(BIN)} init --modality image --task generate --yes; echo EXIT=$?; sleep 600`;
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', '100', '-y', '30', '-c', cwd, command);
    try {
      await waitFor('Id for this use case');
      tmux('send-keys', '-t', 'main', '-l', 'Bad Id');
      tmux('send-keys', '-t', 'main', 'Enter');
      await waitFor('Use lowercase letters, digits and dashes');
      for (let i = 0; i < 6; i++) tmux('send-keys', '-t', 'main', 'BSpace');
      tmux('send-keys', '-t', 'main', '-l', 'product-images');
      tmux('send-keys', '-t', 'main', 'Enter');
      await waitFor('EXIT=');
      expect(screen()).toContain('EXIT=0');
      expect(screen()).toContain('Created genai-stack.yaml with use case "product-images"');
      expect(read(cwd)).toContain('  - id: product-images\n');
      expect((await spawnCli(['check'], { cwd })).code).toBe(0);
    } finally {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
    }
  });
});
