/** Terminal-width helpers for the renderer tests (not a test file itself). */
import { Chalk } from 'chalk';
import { expect } from 'vitest';
import type { Style } from '../../src/render/style.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export const stripAnsi = (text: string) => text.replace(ANSI, '');

/** Every character these renderers print (box drawing, bars, bullets) takes one column. */
export function expectFits(text: string, width: number): void {
  const long = stripAnsi(text)
    .split('\n')
    .map((line, i) => ({ line: i + 1, columns: [...line].length, text: line }))
    .filter((l) => l.columns > width);
  expect(long, `lines wider than ${width} columns`).toEqual([]);
}

/** A real colour style, as a terminal would get. */
export function colour(): Style {
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green, yellow: chalk.yellow, cyan: chalk.cyan };
}
