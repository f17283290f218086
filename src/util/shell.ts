import { quote } from 'shell-quote';
import { visible } from './sanitize.js';

/**
 * A command line to paste into a POSIX shell: every word quoted by shell-quote, so a file name
 * or value holding `$(…)`, backticks, `;` or spaces is one literal word and runs nothing. A
 * control character (a newline in a file name) is shown as a visible escape: the line stays
 * one line, and the escape is then literal text, never a second command.
 */
export function shellCommand(words: readonly string[]): string {
  // A word of only these characters means itself to any POSIX shell; left bare, the usual
  // command stays readable (shell-quote would write `global\,eu`).
  return words.map(visible).map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : quote([word]))).join(' ');
}
