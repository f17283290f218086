/**
 * Issue 27, class 4: inputs that once made a pass super-linear (minutes each) finish in a few
 * seconds, with the right answer. No timing assertion: the generous per-test limit only stops
 * a regression from hanging the suite; `npm run bench` times the same inputs
 * (scripts/hostile-inputs.ts).
 */
import { describe, expect, it } from 'vitest';
import { writeHostileInputs } from '../../scripts/hostile-inputs.js';
import { closest } from '../../src/util/did-you-mean.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('genai-advisor-hostile-');
const cases = writeHostileInputs(dir);
const named = (name: string) => cases.find((c) => c.name === name)!;

describe('hostile inputs run in linear time', { timeout: 60_000 }, () => {
  it('"did you mean" on a 4 MB name: an unknown use case, quoted short, with no suggestion', async () => {
    const { argv, code } = named('a 4 MB preset name');
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n')[0]).toMatch(/^error: long-name\.yaml:1:11: use_case is "x+…", which is not allowed/);
    expect(result.stderr).not.toContain('Did you mean');
    expect(result.stderr.length).toBeLessThan(2000);
  });

  it('"did you mean" on 3,000 unknown keys of 2,000 characters', async () => {
    const { argv, code } = named('3,000 unknown keys of 2,000 characters');
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(/^error: unknown-keys\.yaml:1:1: unknown key "000000k+…" \(2,000 characters\)/);
    expect(result.stderr).toContain('… and 2900 more problems');
  });

  it('word-breaking a 2 MB word in the text report', async () => {
    const { argv, code } = named('a 2 MB word in the text report');
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stdout).toContain('vendor/model-unknown');
  });

  it('a duplicated key of 250 KB of spaces', async () => {
    const { argv, code } = named('a duplicated key of 250 KB of spaces');
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n')[0]).toBe('error: spaces-key.yaml:1:8: duplicate key: a key may appear only once in a mapping');
  });

  it('robustness with an overlay of 10,000 criteria', async () => {
    const { argv, code } = named('an overlay with 10,000 criteria');
    const result = await runInProcess(argv, { cwd: dir });
    expect(result.code, result.stderr).toBe(code);
    expect(Object.keys(JSON.parse(result.stdout).weights).length).toBeGreaterThan(10_000);
  });
});

describe('suggestions only when the match is close for the length', () => {
  it('the model m is not a typo of o1; a typo still finds its word', () => {
    expect(closest('m', ['o1', 'o3', 'gpt-4o'])).toBeUndefined();
    expect(closest('gna', ['gan', 'vae'])).toBe('gan');
    expect(closest('transformr', ['transformer', 'diffusion'])).toBe('transformer');
    expect(closest('x'.repeat(65), ['x'.repeat(65)])).toBeUndefined();
  });

  it('init with --model m names no o1', async () => {
    const result = await runInProcess(['init', 'stack.yaml', '--use-case', 'code-assistant', '--model', 'm', '--no-input'], { cwd: tempDir('genai-advisor-m-') });
    expect(result.stderr).toContain('model "m" is not in the catalogue');
    expect(result.stderr).not.toContain('Did you mean');
  });
});
