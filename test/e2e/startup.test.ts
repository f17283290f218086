// What makes the CLI start fast must not change what it does: the bin's `--version` shortcut
// answers exactly as the full CLI does, and the start path is one CommonJS file.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('start-up', () => {
  it('answers --version and -V before loading the bundle, as the full CLI would', () => {
    // The last two go through commander: the shortcut only takes a lone flag.
    for (const args of [['--version'], ['-V'], ['-V', '--no-color'], ['recommend', '--version']]) {
      expect(runCli(args)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('runs one CommonJS file before a command runs, with no ES module on the way', () => {
    const bin = readFileSync(join(ROOT, 'bin/genai-advisor.js'), 'utf8');
    expect(JSON.parse(readFileSync(join(ROOT, 'bin/package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    expect(bin).not.toMatch(/^\s*import\s/m);
    expect(bin).toContain("join(dir, 'cli.cjs')");
    const bundle = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    expect([...bundle.matchAll(/\brequire\("(\.[^"]+)"\)/g)]).toEqual([]);
    // What the lazy chunks share with the start path, they take from the bundle.
    const lazy = readdirSync(join(ROOT, 'dist/chunks'));
    expect(lazy.some((file) => readFileSync(join(ROOT, 'dist/chunks', file), 'utf8').includes('(import.meta.url)("../cli.cjs")'))).toBe(true);
    expect(lazy.every((file) => !readFileSync(join(ROOT, 'dist/chunks', file), 'utf8').includes('from"../cli.cjs"'))).toBe(true);
  });

  it('behaves the same with the code cache, without it, and with a damaged one', () => {
    const copy = tempDir('genai-advisor-cache-');
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    expect(existsSync(join(copy, 'dist/cli.cjs.cache'))).toBe(true);
    const commands = [['--modality', 'image', '--task', 'generate', '--no-input', '--format', 'json'], ['explain', 'gan'], ['nonsense']];
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [join(copy, 'bin/genai-advisor.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '' } });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const expected = commands.map((args) => runCli(args));
    expect(commands.map(run)).toEqual(expected);
    writeFileSync(join(copy, 'dist/cli.cjs.cache'), 'not a code cache');
    expect(commands.map(run)).toEqual(expected);
    rmSync(join(copy, 'dist/cli.cjs.cache'));
    expect(commands.map(run)).toEqual(expected);
  });

  it('runs the same through dist/cli.js, the ES module that loads the bundle', () => {
    const direct = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'use-cases', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(direct.stdout).toBe(runCli(['use-cases', '--help']).stdout);
  });
});
