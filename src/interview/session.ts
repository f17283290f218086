import { Transform } from 'node:stream';
import { plain, terminalStyle, wrap, type Style } from '../render/style.js';
import type { Terminal } from './terminal.js';

const same = (text: string) => text;

/**
 * Inquirer colours its prompts by itself (yoctocolors reads only the environment), so
 * --no-color, NO_COLOR and a non-terminal output need a theme with every style neutralised.
 * The icons stay: they carry meaning (the cursor, checked boxes) and are not colour.
 */
export const plainTheme = {
  prefix: { idle: '?', done: '✔' },
  spinner: { interval: 80, frames: ['-', '\\', '|', '/'] },
  icon: { cursor: '❯', checked: '◉', unchecked: '◯' },
  style: {
    answer: same,
    message: same,
    error: (text: string) => `> ${text}`,
    defaultAnswer: (text: string) => `(${text})`,
    help: same,
    highlight: same,
    key: (text: string) => `<${text}>`,
    description: same,
    disabled: (text: string) => `- ${text}`,
    disabledChoice: (text: string) => `- ${text}`,
    searchTerm: same,
    keysHelpTip: (keys: Array<[string, string]>) => keys.map(([key, action]) => `${key} ${action}`).join(' • '),
  },
};

/** What every prompt of one consultation shares: where it reads and writes, and how it looks. */
export interface Session {
  context: { input: Terminal['stdin']; output: Terminal['stdout'] };
  /** Passed to every prompt; undefined keeps inquirer's own colours. */
  theme: typeof plainTheme | undefined;
  style: Style;
  width: number;
  /** Writes our own lines (headings, notes) between prompts, wrapped to the width, then styled. */
  say(text: string, tone?: keyof Style): void;
}

/**
 * Prompts go to stdout when it is a terminal; when stdout is redirected (`> out.json`) they go
 * to stderr so that the file receives only the result.
 */
export function openSession(io: Terminal, color: boolean): Session {
  const output = promptOutput(io);
  const style = terminalStyle(io.env, color, output);
  const columns = (output as { columns?: number }).columns;
  const width = Math.max(40, Math.min(columns ?? 80, 100));
  return {
    context: { input: io.stdin, output },
    theme: style === plain ? plainTheme : undefined,
    style,
    width,
    say: (text, tone) => {
      const lines = text.split('\n').flatMap((line) => wrap(line, width - 1, '  ').split('\n'));
      output.write(`${lines.map((line) => (tone && line ? style[tone](line) : line)).join('\n')}\n`);
    },
  };
}

// Cursor movement, erasing, scrolling, showing and hiding the cursor, saving and restoring it.
// eslint-disable-next-line no-control-regex
const CURSOR_CONTROL = /\u001b\[[0-9;?]*[A-HJKSTfhlsu]|\u001b[78]/g;

/**
 * Where prompts are drawn: stdout when it is a terminal, else stderr. A dumb terminal
 * (TERM=dumb) cannot move the cursor: the prompt library's cursor sequences are removed, and a
 * prompt that redraws simply writes its lines again.
 */
export function promptOutput(io: Terminal): Terminal['stdout'] {
  const output = io.stdout.isTTY ? io.stdout : io.stderr;
  if (io.env.TERM !== 'dumb') return output;
  const plainLines = new Transform({
    transform(chunk, _encoding, done) {
      done(null, String(chunk).replace(CURSOR_CONTROL, ''));
    },
  });
  plainLines.pipe(output as NodeJS.WritableStream);
  return Object.assign(plainLines, { isTTY: output.isTTY, columns: (output as { columns?: number }).columns });
}

/** The prompt's key help line ("↑↓ navigate • ⏎ select") with extra hints, styled like inquirer's own. */
export function keysTip(session: Session, keys: Array<[string, string]>): string {
  const { bold, dim } = session.style;
  return keys.map(([key, action]) => `${bold(key)} ${dim(action)}`).join(dim(' • '));
}

/** The session's theme with some styles replaced (inquirer merges it over its defaults). */
export function themeWith(session: Session, style: Record<string, unknown>) {
  return { ...session.theme, style: { ...session.theme?.style, ...style } };
}

/**
 * One line per choice: the label, padded so the help texts align, then the help, cut to the
 * width (the prompt draws a two-character cursor before it).
 */
export function choiceLine(label: string, help: string, labelWidth: number, width: number, style: Style): string {
  const room = width - 3 - labelWidth - 2;
  const shown = help.length > room ? `${help.slice(0, Math.max(0, room - 1)).trimEnd()}…` : help;
  return room < 8 ? label : `${label.padEnd(labelWidth)}  ${style.dim(shown)}`;
}
