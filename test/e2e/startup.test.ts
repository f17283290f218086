// What makes the CLI start fast must not change what it does: the bin's `--version` shortcut
// answers exactly as the full CLI does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('start-up', () => {
  it('answers --version and -V before loading the bundle, as the full CLI would', () => {
    // The last two go through commander: the shortcut only takes a lone flag.
    for (const args of [['--version'], ['-V'], ['-V', '--no-color'], ['recommend', '--version']]) {
      expect(runCli(args)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('runs the same through dist/cli.js, the bundle the bin imports', () => {
    const direct = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'use-cases', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(direct.stdout).toBe(runCli(['use-cases', '--help']).stdout);
  });
});
