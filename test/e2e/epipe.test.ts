/**
 * A reader that stops early (`| head -1`) ends the run quietly, with exit 0 and nothing on
 * stderr: the EPIPE path ends the real process, so only the built binary can show it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, spawnShell } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('genai-advisor-epipe-');
  // Far more than a pipe holds (64 KiB), so the writer is sure to meet the closed pipe.
  writeFileSync(join(dir, 'long.yaml'), `families:\n  diffusion:\n    summary: "${'word '.repeat(200_000)}"\n`);
});

describe.concurrent('a reader that stops early', { timeout: SPAWN_TIMEOUT }, () => {
  it.each([
    ['compare', 'compare'],
    ['compare as JSON', 'compare --format json'],
    ['the JSON Schemas', 'knowledge schema'],
    ['a recommendation', '--use-case fraud-detection --no-input'],
    ['a megabyte of output', 'explain diffusion --knowledge long.yaml'],
  ])('%s piped into head -1 ends quietly', async (_name, args) => {
    const result = await spawnShell(`"$NODE" "$BIN" ${args} | head -1; exit "\${PIPESTATUS[0]}"`, { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
