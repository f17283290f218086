import { Chalk } from 'chalk';

/** Colour as renderers see it: plain functions, so renderers stay pure and testable. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const same = (text: string) => text;
export const plain: Style = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

/**
 * Colour only for a terminal, and never with NO_COLOR (any non-empty value), TERM=dumb or
 * --no-color. chalk does not read NO_COLOR itself, so the decision is made here.
 */
export function terminalStyle(env: NodeJS.ProcessEnv, colorFlag: boolean, stream: { isTTY?: boolean }): Style {
  const off = !colorFlag || (env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb' || stream.isTTY !== true;
  if (off) return plain;
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green, yellow: chalk.yellow, cyan: chalk.cyan };
}

/** A horizontal bar for a 0–100 score. */
export function bar(score: number, width: number): string {
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on screen: colour codes take none. */
export const visibleLength = (text: string): number => text.replace(SGR, '').length;

/**
 * A word longer than a whole line, in pieces that fit, each but the last ending in "-" so the
 * break shows. A word with colour codes is left whole: cutting it would cut a code.
 */
function breakWord(word: string, room: number): string[] {
  if (visibleLength(word) <= room || word !== word.replace(SGR, '') || room < 2) return [word];
  // By index: taking pieces off the front of the array would copy the rest each time (a 2 MB word took minutes).
  const chars = [...word];
  const pieces: string[] = [];
  let at = 0;
  for (; chars.length - at > room; at += room - 1) pieces.push(`${chars.slice(at, at + room - 1).join('')}-`);
  pieces.push(chars.slice(at).join(''));
  return pieces;
}

/**
 * Wraps text to `width` columns, continuing lines with `indent`. Colour codes take no columns.
 * A line breaks only between words; a word longer than a line is broken, visibly.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const whole of text.split(/\s+/).filter(Boolean)) {
    for (const word of breakWord(whole, width - indent.length)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (visibleLength(candidate) > width && line !== '') {
        lines.push(line);
        line = `${indent}${word}`;
      } else {
        line = candidate;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * Wraps `text` behind a hanging prefix: `first` starts the paragraph, `rest` (default: as
 * many spaces) starts every following line; the width is measured on `rest`, so `first` may
 * carry colour codes. Unlike `wrap`, the prefixes keep their spacing.
 */
export function hang(first: string, text: string, width: number, rest = ' '.repeat(first.length)): string {
  return wrap(text, Math.max(20, width - rest.length))
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}
