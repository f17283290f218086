import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/knowledge/yaml.js';
import { diagnosticsOf } from './helpers.js';

const parse = (text: string) => diagnosticsOf(() => parseYaml(text, 'overlay.yaml'));

/** 9^7 ≈ 4.8 million strings from a few hundred bytes: the classic "billion laughs". */
const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((name, i) => {
  const prev = 'abcdefg'[i]!;
  return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
})].join('\n');

describe('parseYaml refuses unsafe or ambiguous YAML, each time with file:line:col', () => {
  it.each([
    ['a tab used as indentation', 'families:\n\tgan:\n    summary: x\n', 2, 1, /Tabs are not allowed as indentation; indent with spaces/],
    ['a duplicate key', 'families:\n  gan:\n    summary: a\n    summary: b\n', 4, 5, /duplicate key "summary"/],
    ['a !!js/function tag', 'families:\n  gan:\n    summary: !!js/function "function () {}"\n', 3, 14, /custom tags are not allowed/],
    ['a __proto__ key', 'families:\n  __proto__:\n    summary: x\n', 2, 3, /key "__proto__" is not allowed/],
    ['a constructor key', 'families:\n  gan:\n    constructor: x\n', 3, 5, /key "constructor" is not allowed/],
    ['an alias bomb', ALIAS_BOMB, 1, 1, /alias bomb/],
    ['two documents', 'families: {}\n---\ncriteria: {}\n', 2, 1, /more than one YAML document/],
    ['deep nesting', `a: ${'['.repeat(200)}${']'.repeat(200)}\n`, 1, 67, /nesting is too deep/],
    ['a NUL byte', 'families:\n  gan: \u0000\n', 2, 8, /binary/],
    ['an unclosed bracket', 'a: [1, 2\n', 2, 1, /^this line is indented less than expected: close any bracket, brace or quote left open above$/],
    ['a key out of line', 'a: 1\n b: 2\n', 2, 3, /^this key does not line up with the keys around it/],
    ['a line without a key', 'a: 1\nb\n', 3, 1, /^a line without "key:" inside a mapping/],
    ['a missing comma', 'a: {b: 1 c: 2}\n', 1, 11, /^a comma is missing between the items in \[ \] or \{ \}$/],
  ])('%s', (_label, text, line, col, message) => {
    const [first, ...rest] = parse(text);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ file: 'overlay.yaml', line, col });
    expect(first!.message).toMatch(message);
  });

  it('locates a problem with an empty document at line 1, column 1', () => {
    expect(parseYaml('---\n', 'empty.yaml').diagnostic([], 'not a mapping')).toMatchObject({ line: 1, col: 1 });
  });

  it('reports every forbidden key, not only the first', () => {
    const problems = parse('families:\n  gan:\n    __proto__: 1\n    prototype: 2\n');
    expect(problems.map((d) => [d.line, d.col])).toEqual([
      [3, 5],
      [4, 5],
    ]);
  });

  it('does not pollute Object.prototype', () => {
    try {
      parseYaml('__proto__: { polluted: true }\n', 'x.yaml');
    } catch {
      // Refused, as it should be.
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('allows a few ordinary aliases and tab characters inside values', () => {
    expect(parseYaml('a: &x 1\nb: *x\nc: "tab\there"\n', 'ok.yaml').value).toEqual({ a: 1, b: 1, c: 'tab\there' });
  });

  it('locates nested nodes and their keys, falling back to the nearest parent', () => {
    const doc = parseYaml('families:\n  gan:\n    ratings:\n      quality: 9\n', 'f.yaml');
    expect(doc.locate(['families', 'gan', 'ratings', 'quality'])).toEqual({ line: 4, col: 16 });
    expect(doc.locate(['families', 'gan', 'ratings', 'quality'], true)).toEqual({ line: 4, col: 7 });
    expect(doc.locate(['families', 'gan', 'ratings', 'speed'])).toEqual({ line: 4, col: 7 });
    expect(doc.diagnostic(['families', 'gan'], 'msg', true)).toEqual({ file: 'f.yaml', line: 2, col: 3, message: 'msg' });
  });
});
