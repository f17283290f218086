// What a test injects through runInProcess reaches the CLI: the terminal width and the clock.
// (stdin: test/cli/bad-input.test.ts; colour in a terminal: test/cli/core.test.ts.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

describe('runInProcess', () => {
  it('gives the CLI the terminal width, only when stdout is a terminal', async () => {
    const wide = await runInProcess(['compare'], { isTTY: true, columns: 100, env: { NO_COLOR: '1' } });
    const piped = await runInProcess(['compare'], { columns: 100 });
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(widest(wide.stdout)).toBeLessThanOrEqual(100);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
  });

  it('gives check the clock: a plan due tomorrow is open, the same plan a day late is overdue', async () => {
    const cwd = tempDir('genai-advisor-clock-');
    const stack = readFileSync('examples/genai-stack.yaml', 'utf8').replace('energy-use: { status: done, evidence: docs/governance/energy.md }', 'energy-use: { status: planned, due: 2030-01-02 }');
    writeFileSync(join(cwd, 'genai-stack.yaml'), stack);
    const before = await runInProcess(['check'], { cwd, now: () => new Date(2030, 0, 1, 12) });
    const after = await runInProcess(['check'], { cwd, now: () => new Date(2030, 0, 3, 12) });
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('"energy-use" is planned, due 2030-01-02');
    expect(after.code).toBe(1);
    expect(after.stdout).toContain('"energy-use" was due 2030-01-02 and is still planned (overdue)');
  });
});
