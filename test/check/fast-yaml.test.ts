import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFastYaml } from '../../src/check/fast-yaml.js';
import { parseYaml, type ParsedYaml, type PathSegment } from '../../src/knowledge/yaml.js';

/** Every path in a value, with one step past each end (a missing key, an index too far). */
function paths(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [at];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...paths(v, [...at, i])));
    out.push([...at, value.length], [...at, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
    out.push([...at, 'no-such-key']);
  }
  return out;
}

function full(text: string): ParsedYaml | Error {
  try {
    return parseYaml(text, 'f.yaml');
  } catch (error) {
    return error as Error;
  }
}

/** The fast reader either declines, or agrees with the full parser on the value and every position. */
function expectAgreement(text: string): boolean {
  const fast = parseFastYaml(text, 'f.yaml');
  if (fast === undefined) return false;
  const slow = full(text);
  if (slow instanceof Error) throw new Error(`fast reader accepted a file the parser rejects (${slow.message}):\n${text}`);
  expect(fast.value, text).toStrictEqual(slow.value);
  expect(JSON.stringify(fast.value), text).toBe(JSON.stringify(slow.value));
  for (const path of paths(slow.value)) {
    for (const key of [false, true]) {
      expect(fast.locate(path, key), `${text}\npath ${JSON.stringify(path)} key=${key}`).toEqual(slow.locate(path, key));
    }
  }
  return true;
}

// Scalars chosen to sit on the subset's edges: indicators, comments, colons, numbers, booleans.
const SCALARS = [
  'api', 'Example Corp', 'docs/a.md', 'https://x.example/a?b=c#frag', 'C#', 'a #b', 'a#b', 'a: b', 'a:b', 'a:', '1', '-5', '+3',
  '1.5', '.5', '1.', '1e3', '1.5E-2', '+.5', '-0', '007', '1_000', '+', '.', '1e', 'e1', '0o8', '0xG', 'FALSE', 'fALSE', 'tRUE', 'NULL', 'nULL', '~x', 'nan', 'Inf', '0x1F', '0o17', '.inf', '-.Inf', '.nan', 'true', 'False', 'TRUE', 'yes', 'no', 'on', 'null',
  'Null', '~', '2026-01-15', '1.0.0', "it's", "O'Neil's 'best' model", "''", 'say "hi"', '- dash', '-dash', '? q', '?q', '[x]', '{x}', 'a, b', '&anchor', '*alias',
  '!tag', '|', '>', '%', '@at', '`tick`', 'tab\there', 'ünïcödé ✓', '', ' lead', 'trail ', 'back\\slash', '__proto__', 'x'.repeat(70),
];
const KEYS = ['id', 'profile', 'choice', 'family', 'use_case', 'ai-disclosure', 'a_b', 'x-1', 'true', 'null', 'Yes', '1a', 'a b', 'a.b', '__proto__', 'k'];

type Tree = string | Tree[] | { [key: string]: Tree };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 3 }),
  ),
})).node;

const scalarText = (s: string, style: number): string => (style === 1 ? `'${s.replace(/'/g, "''")}'` : style === 2 ? JSON.stringify(s) : s);

/** Renders a tree as YAML with randomly chosen styles (block/flow, indentless lists, comments…). */
function render(t: Tree, choices: number[]): string {
  let n = 0;
  const pick = (k: number) => choices[n++ % choices.length]! % k;
  const flow = (v: Tree): string => {
    if (typeof v === 'string') return scalarText(v, pick(3));
    if (Array.isArray(v)) return `[${v.map(flow).join(pick(2) ? ', ' : ',')}]`;
    return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')} }`;
  };
  const comment = () => (pick(4) === 0 ? '   # note' : '');
  const block = (v: Tree, indent: number): string[] => {
    const pad = ' '.repeat(indent);
    if (typeof v === 'string' || pick(4) === 0) return [`${pad}${flow(v)}${comment()}`];
    if (Array.isArray(v)) {
      if (v.length === 0) return [`${pad}[]`];
      return v.flatMap((item) => {
        const inner = block(item, indent + 2);
        if (typeof item !== 'string' && !Array.isArray(item) && Object.keys(item).length > 0 && pick(2)) {
          // compact `- key: value`
          return [`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
        }
        if (inner.length === 1) return [`${pad}- ${inner[0]!.trimStart()}`];
        return [`${pad}-${comment()}`, ...inner];
      });
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, x]) => {
      const sep = pick(3) === 0 ? ':   ' : ': ';
      if (typeof x === 'string') return [`${pad}${k}${sep}${scalarText(x, pick(3))}${comment()}`];
      const indentless = Array.isArray(x) && pick(2) === 0;
      const inner = block(x, indentless ? indent : indent + 2 + pick(2));
      if (inner.length === 1 && !indentless) return [`${pad}${k}${sep}${inner[0]!.trimStart()}`];
      return [`${pad}${k}:${comment()}`, ...(pick(5) === 0 ? ['', `${pad}# a comment`] : []), ...inner];
    });
  };
  const root = typeof t === 'object' && !Array.isArray(t) ? t : { root: t };
  return `${pick(3) === 0 ? '# header\n' : ''}${block(root, 0).join('\n')}${pick(2) ? '\n' : ''}`;
}

/** Random damage: the kind of typo that turns valid YAML into something else. */
function damage(text: string, at: number, what: number): string {
  const pieces = ['\t', ' ', ':', '- ', '"', "'", '{', '}', '[', ']', ',', '#', '\n', '  ', '&a ', '*a', '!!str ', '|', '---\n'];
  const i = at % (text.length + 1);
  return what % 2 === 0 ? text.slice(0, i) + pieces[what % pieces.length]! + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
}

describe('parseFastYaml', () => {
  it('agrees with parseYaml on the value and every position of the example stack files', () => {
    for (const file of ['examples/genai-stack.yaml', 'examples/genai-stack.failing.yaml']) {
      expect(expectAgreement(readFileSync(file, 'utf8'))).toBe(true);
    }
  });

  it('reads the styles stack files are written in', () => {
    const text = [
      'version: 1',
      'use_cases:',
      '- id: a   # indentless list, compact item',
      '  profile: { use_case: x, priorities: { quality: high } }',
      '  choice:',
      '    family: gan',
      '    vendor: "Quoted, Inc"',
      "    model: 'it''s'",
      '  governance:',
      '    # comment between entries',
      '    x-1: { status: done, evidence: [a, b] }',
      '  -',
      '    id: b',
    ].join('\n');
    // The last item is malformed (a dash deeper than its list); the fast reader must decline it too.
    expect(parseFastYaml(text, 'f.yaml')).toBeUndefined();
    expect(expectAgreement(text.split('\n').slice(0, 11).join('\n'))).toBe(true);
  });

  it('declines what it does not handle, leaving it to the full parser', () => {
    for (const text of ['a: &x 1\nb: *x', 'a: |\n  text', 'a: "esc\\n"', 'a:\n  b\n  c', 'a: 1\na: 2', 'a:\tb', '--- \na: 1', '- a', 'a: 0x1F', 'a: null', '__proto__: 1', 'a: {b: 1,}', 'a: b\r\n', '\ufeffa: 1']) {
      expect(parseFastYaml(text, 'f.yaml'), text).toBeUndefined();
    }
  });

  it('agrees with parseYaml on random documents whenever it accepts one', () => {
    let accepted = 0;
    fc.assert(
      fc.property(tree, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (t, choices) => {
        if (expectAgreement(render(t, choices))) accepted++;
      }),
      { numRuns: 1500 },
    );
    // The generator must exercise the fast path, not only its refusals.
    expect(accepted).toBeGreaterThan(300);
  });

  it('never accepts a damaged document that parseYaml rejects, nor reads one differently', () => {
    fc.assert(
      fc.property(tree, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (t, choices, at, what) => {
        expectAgreement(damage(render(t, choices), at, what));
      }),
      { numRuns: 1500 },
    );
  });
});
