/**
 * The README's console examples, run as a reader would type them (pipes included) through
 * the built binary: each exits as shown and starts as shown; an error example prints exactly
 * what is shown. (The rest of each output follows the knowledge, and is tested in-process.)
 * The consultation with no flags is test/e2e/interactive.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnShell } from '../helpers/spawn.js';

interface Example {
  command: string;
  shown: string[];
}

/** Every ```console block that runs genai-advisor with arguments: its command and the lines shown. */
function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```console\n\$ (genai-advisor .+)\n([\s\S]*?)^```$/gm)];
  return blocks.map(([, command, output]) => {
    const lines = output!.replace(/\n$/, '').split('\n');
    const cut = lines.indexOf('…');
    return { command: command!, shown: cut === -1 ? lines : lines.slice(0, cut) };
  });
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = examples(README);

describe('the README examples', () => {
  it('are found', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  });

  describe.concurrent('through the built binary', { timeout: SPAWN_TIMEOUT }, () => {
    it.each(EXAMPLES.map((e) => [e.command, e] as const))('$ %s', async (_command, { command, shown }) => {
      // The first word of each piped stage that names the tool runs the built binary.
      const script = `set -o pipefail; ${command.replace(/^genai-advisor\b/, '"$NODE" "$BIN"')}`;
      const result = await spawnShell(script, { env: { COLUMNS: '80' } });
      const error = shown[0]?.startsWith('error: ') === true;
      expect(result.code, result.stderr).toBe(error ? 2 : 0);
      const printed = (error ? result.stderr : result.stdout).replace(/\n$/, '').split('\n');
      expect(error ? printed : printed[0]).toEqual(error ? shown : shown[0]);
    });
  });
});
