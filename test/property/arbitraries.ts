/**
 * Generators of hostile YAML: arbitrary JSON-like documents that use the real keys often
 * enough to get past the first check, and random mutations of real, valid files.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { ROOT } from '../helpers/cli.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

export type Kind = 'answers' | 'overlay' | 'stack';

const questionValues = k.questions.flatMap((q) => q.choices?.map((c) => c.value) ?? []);

/** Words the files are made of, so that random documents reach deep into validation. */
const WORDS = [
  ...k.questions.map((q) => q.key),
  ...questionValues,
  ...FAMILY_IDS,
  ...Object.keys(k.criteria),
  ...Object.keys(k.use_cases),
  ...k.governance.map((g) => g.id),
  ...['version', 'policy', 'use_cases', 'id', 'profile', 'choice', 'family', 'governance', 'status', 'evidence', 'due', 'reason', 'hosting', 'license'],
  ...['families', 'criteria', 'sources', 'ratings', 'modalities', 'summary', 'value', 'why', 'label', 'description', 'title', 'answers'],
  ...['max_rank', 'min_score', 'max_gap', 'require_checklist', 'allowed_hosting', 'allowed_licenses', 'done', 'planned', 'not-applicable'],
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '<<') },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 200 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('2026-01-31', '2020-02-30', '1', 'yes', '~', '.inf', '0x1F') },
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 5 }),
  ),
}));

/** An arbitrary JSON-like document written as YAML (flow or block style). */
export const randomDocument: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.dictionary(word, value, { maxKeys: 6 }), value), fc.boolean())
  .map(([doc, flow]) => {
    try {
      return stringify(doc, flow ? { collectionStyle: 'flow' } : undefined);
    } catch {
      return String(doc);
    }
  });

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

/** Real files that pass, one per kind: the starting points of mutation. */
export const SEEDS: Record<Kind, string[]> = {
  answers: [
    'use_case: customer-support-chatbot\nmodality: text\ntask: conversation\nlatency: interactive\npriorities:\n  quality: high\n  speed: low\ndata: moderate\ncompute: medium\nsector: finance\ncustomer_facing: true\nsensitive_data: true\nsynthetic_media: false\nhigh_stakes: false\nhuman_review: true\n',
  ],
  overlay: [read('test/knowledge/fixtures/good-overlay.yaml')],
  stack: [read('examples/genai-stack.yaml'), read('examples/genai-stack.failing.yaml')],
};

/** Inserted anywhere: mostly YAML syntax, so most of these break the parse somewhere. */
const SYNTAX = [
  ':', ': ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '!!js/function ', '!!binary ', '!custom ', '\t', '  ', '\n', '#', '"', "'", '|', '>-', '? ',
  '---\n', '<<: *a\n', '__proto__: 1\n', 'constructor: {}\n', '\u001b[31m', '\u0000', '\r', '\ufeff', '%YAML 1.1\n', '\\', '\u2028',
];
/** Put in place of a value: well-formed YAML of the wrong type, range or vocabulary. */
const VALUES = [
  '~', 'null', 'yes', 'true', '0', '-1', '6', '1.5', '1e309', '.nan', '0x1F', '99999999999999999999', '2026-13-45', '2020-01-01', '""', '[]', '{}',
  '[a, b]', '{ value: 9 }', '{ status: done }', 'gann', 'critical', 'hgh', '"\u001b[2J"', '!!js/function "f"', '*nowhere', ...FAMILY_IDS, ...questionValues,
];

type Mutation = { op: 'delete' | 'insert' | 'duplicate' | 'swap' | 'indent' | 'dedent' | 'truncate' | 'replace'; at: number; other: number; token: string; value: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'insert', 'insert', 'duplicate', 'swap', 'indent', 'dedent', 'truncate', 'replace', 'replace', 'replace', 'replace'),
  at: fc.nat(),
  other: fc.nat(),
  token: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SYNTAX) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }),
  value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS) }),
});

function apply(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  const lines = text.split('\n');
  const line = m.at % lines.length;
  const other = m.other % lines.length;
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1 + (m.other % 20));
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'duplicate':
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 'swap':
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    case 'indent':
      lines[line] = `  ${lines[line]}`;
      return lines.join('\n');
    case 'dedent':
      lines[line] = lines[line]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 'truncate':
      return text.slice(0, at);
    case 'replace': {
      // A value after "key: " swapped for a token: wrong types, unknown ids, odd scalars.
      lines[line] = lines[line]!.replace(/: .*$/, `: ${m.value}`);
      return lines.join('\n');
    }
  }
}

/** A real file of the kind with one to five random mutations. */
export const mutatedFile = (kind: Kind): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...SEEDS[kind]), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([seed, mutations]) => mutations.reduce(apply, seed));

/** Either a random document or a mutated real file, for the given kind. */
export const hostileFile = (kind: Kind): fc.Arbitrary<string> => fc.oneof(randomDocument, mutatedFile(kind), mutatedFile(kind));
