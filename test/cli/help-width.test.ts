/** Help wraps at the terminal's width: commander's columns and the examples and notes added after them. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/program.js';
import { runInProcess } from '../helpers/run.js';
import { expectFits } from '../render/width.js';

const HELP: string[][] = [[], ...COMMANDS.flatMap((c) => c.names.map((name) => [name])), ['knowledge', 'validate'], ['knowledge', 'schema']];

describe.each([60, 80])('--help at %i columns', (columns) => {
  it.each(HELP.map((args) => [args.join(' ') || '(root)', args]))('%s: no line wider than the terminal', async (_name, args) => {
    const result = await runInProcess([...args, '--help'], { isTTY: true, columns });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expectFits(result.stdout, columns);
  });
});

it('keeps the descriptions in their column at 60 columns', async () => {
  const { stdout } = await runInProcess(['recommend', '--help'], { isTTY: true, columns: 60 });
  const lines = stdout.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  --details '));
  const column = lines[at]!.search(/(?<=--details +)\S/);
  expect(column).toBeGreaterThan(10);
  // The description continues under itself, not under the flag.
  expect(lines[at + 1]!.search(/\S/)).toBe(column);
});
