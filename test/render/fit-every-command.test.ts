/**
 * Every human-readable command, run as in a terminal of 60 to 200 columns: no line is wider
 * than the terminal, and no word is cut. A word counts as whole when it also occurs in the
 * same command's output on a very wide terminal or in its JSON, so a wrap that splits
 * `likelihood` into `likeliho` / `od`, or an ellipsis that ends `out-of-distribut…`, fails.
 */
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { runInProcess } from '../helpers/run.js';
import { expectFits, stripAnsi } from './width.js';

const WIDTHS = [60, 80, 120, 200];
const now = () => new Date('2026-06-01T12:00:00Z');

/** A command's human view, and the arguments that give the same result as JSON. */
interface Case {
  name: string;
  args: string[];
  json: string[];
}
const withJson = (name: string, args: string[]): Case => ({ name, args, json: [...args, '--format', 'json'] });

const CASES: Case[] = [
  ...['customer-support-chatbot', 'marketing-visuals', 'fraud-detection'].flatMap((preset) => [
    withJson(`recommend ${preset}`, ['recommend', '--use-case', preset, '--no-input']),
    withJson(`recommend ${preset} --details`, ['recommend', '--use-case', preset, '--details', '--no-input']),
  ]),
  withJson('compare', ['compare']),
  withJson('compare gan diffusion transformer', ['compare', 'gan', 'diffusion', 'transformer']),
  ...familyIds(builtinKnowledge).map((id) => withJson(`explain ${id}`, ['explain', id])),
  withJson('compare gan flow --sources', ['compare', 'gan', 'flow', '--sources']),
  withJson('explain diffusion --sources', ['explain', 'diffusion', '--sources']),
  withJson('use-cases', ['use-cases']),
  withJson('checklist', ['checklist', '--use-case', 'customer-support-chatbot', '--no-input']),
  withJson('check', ['check', 'examples/genai-stack.failing.yaml']),
  withJson('models', ['models']),
];

const BOX = /[\s\u2500-\u257f]+/;
/** The words of a text, in lower case: split on white space and box drawing, trimmed of punctuation. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(BOX)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Every string (and key and number) a JSON document holds, as words. */
function jsonWords(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string' || typeof value === 'number') for (const w of words(String(value))) into.add(w);
  else if (Array.isArray(value)) for (const v of value) jsonWords(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      for (const w of words(k)) into.add(w);
      jsonWords(v, into);
    }
  }
  return into;
}

const terminal = (columns: number) => ({ isTTY: true, columns, now });

describe.each(CASES)('$name', ({ args, json }) => {
  let known: Promise<Set<string>> | undefined;
  /** The words the command prints when nothing has to be wrapped, or holds in its JSON. */
  const whole = () =>
    (known ??= (async () => {
      const [wide, doc] = await Promise.all([runInProcess(args, terminal(1000)), runInProcess(json, { now })]);
      const set = jsonWords(JSON.parse(doc.stdout), new Set<string>());
      for (const w of words(stripAnsi(wide.stdout))) set.add(w);
      return set;
    })());

  it.each(WIDTHS)('fits %i columns and cuts no word', async (columns) => {
    const { stdout, stderr, code } = await runInProcess(args, terminal(columns));
    expect([0, 1], stderr).toContain(code);
    expect(stdout.trim()).not.toBe('');
    expectFits(stdout, columns);
    // A bullet whose text went to the next line: a table cell, or a line, holding only "•".
    const lonely = stripAnsi(stdout).split('\n').filter((line) => line.split('│').some((cell) => cell.trim() === '•'));
    expect(lonely, 'a bullet alone on its line').toEqual([]);
    const known = await whole();
    const cut = [...new Set(words(stripAnsi(stdout)))].filter((w) => !known.has(w));
    expect(cut, `words at ${columns} columns that no unwrapped output holds`).toEqual([]);
  });
});

describe('a wide terminal', () => {
  it.each([120, 200])('is used to its %i columns', async (columns) => {
    const { stdout } = await runInProcess(['compare'], terminal(columns));
    expect(Math.max(...stripAnsi(stdout).split('\n').map((line) => [...line].length))).toBe(columns);
  });
});
