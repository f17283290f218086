// What makes the CLI start fast must not change what it does: the bin's `--version` shortcut
// answers exactly as the full CLI does, and the start path is the entry plus one chunk.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

  it('loads only dist/cli.js and the start-up chunk before a command runs', () => {
    const seen: string[] = [];
    const visit = (file: string) => {
      if (seen.includes(file)) return;
      seen.push(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\b(?:import|export)\s*(?:\{[^}]*\}\s*from\s*)?"(\.[^"]+)"/g)) visit(join(file, '..', m[1]!));
    };
    visit(join(ROOT, 'dist/cli.js'));
    expect(seen.map((f) => relative(join(ROOT, 'dist'), f)).sort()).toEqual(['chunks/startup.js', 'cli.js']);
  });
});
