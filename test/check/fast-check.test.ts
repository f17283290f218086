/**
 * The streaming path (fast-check.ts) must either decline a file or return exactly what the full
 * path returns, and the shortcuts it is built from must equal the general functions they stand
 * in for. Generated stacks (the benchmark's generator) with random edits cover the files it
 * accepts; the edits also produce every kind of finding and many files it must decline.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conforms } from '../../src/check/conforms.js';
import { checklistItems } from '../../src/check/evaluate.js';
import { fastCheckStack } from '../../src/check/fast-check.js';
import { fullCheckStack, RULE_IDS, stackSchema, type CheckResult } from '../../src/check/index.js';
import { createPlanner, resolveAnswers } from '../../src/check/profiles.js';
import { selectChecklist } from '../../src/governance/select.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { FAMILY_IDS, type Answers } from '../../src/knowledge/types.js';
import { violations } from '../../src/knowledge/validate.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { deriveWeights } from '../../src/scoring/weights.js';
import { generateStack } from '../../scripts/bench-stack.js';

const TODAYS = ['2026-06-01', '2031-01-01'];

/** Declined, or equal to the full path's result (an error from the full path means it must decline). */
function agree(text: string, today: string, strict = false): boolean {
  const options = { today, strict };
  const fast = fastCheckStack(k, text, 'stack.yaml', options);
  if (fast === undefined) return false;
  let full: CheckResult;
  try {
    full = fullCheckStack(k, text, 'stack.yaml', options);
  } catch (error) {
    throw new Error(`the fast path accepted a file the full path rejects (${(error as Error).message}):\n${text}`);
  }
  expect(fast, text).toStrictEqual(full);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(full));
  for (const f of fast.findings) RULES_SEEN.add(f.rule);
  return true;
}
const RULES_SEEN = new Set<string>();

const items = k.governance.map((g) => g.id);
const scalars = ['x', '"quoted, text"', "'single ''quoted'''", '""', '" "', '123', 'true', 'null', '2026-02-30', '2025-01-01', 'https://example.com/a#b', 'a: b', '[a, b]', '{}', 'ünïcödé', '~', '.5'];

/** Edits to one line of a stack file: the ways people write, and the mistakes they make. */
const EDITS: Array<(line: string, pick: (n: number) => number) => string | string[]> = [
  (l) => `${l}   # a comment`,
  (l) => [l, ''],
  (l) => [l, '    # comment line'],
  (l) => l.replace(/status: done/, 'status: planned'),
  (l) => l.replace(/status: done, evidence: [^ ]+/, 'status: done, evidence: ""'),
  (l) => l.replace(/status: done, evidence: [^ ]+/, 'status: done, evidence: "  "'),
  (l, pick) => l.replace(/evidence: [^ ]+/, `evidence: ${scalars[pick(scalars.length)]}`),
  (l) => l.replace(/reason: "[^"]*"/, 'reason: " "'),
  (l) => l.replace(/status: done, evidence: [^ ]+/, 'status: done, evidence: [a.md, "b.md"]'),
  (l) => l.replace(/status: done, evidence: [^ ]+/, 'status: done'),
  (l) => l.replace(/due: \d{4}/, 'due: 2020'),
  (l) => l.replace(/due: ([\d-]+)/, 'due: "$1"'),
  (l) => l.replace(/due: [\d-]+/, 'due: 2026-02-30'),
  (l) => l.replace(/reason: "[^"]*"/, 'reason: plain reason'),
  (l) => l.replace(/reason: "[^"]*"/, 'reason: ""'),
  (l) => l.replace(/ }$/, ', owner: team-a }'),
  (l) => l.replace(/ }$/, ', owner: "" }'),
  (l) => l.replace(/ }$/, ', extra: 1 }'),
  (l) => l.replace(/\{ status/, '{status'),
  (l) => l.replace(/, /, ' , '),
  (l, pick) => l.replace(/^(\s+)[a-z0-9-]+:( \{ status)/, `$1${items[pick(items.length)]}:$2`),
  (l) => l.replace(/^(\s+)([a-z0-9-]+):( \{ status)/, '$1$2x:$3'),
  (l) => l.replace(/^(\s+)([a-z0-9-]+):( \{ status)/, '$1Bad_Key:$3'),
  (l) => l.replace(/^(\s+)([a-z0-9-]+): \{ status: (\S+), (\w+): (.*) \}$/, '$1$2:\n$1  status: $3\n$1  $4: $5'),
  (l, pick) => l.replace(/family: \S+/, `family: ${FAMILY_IDS[pick(FAMILY_IDS.length)]}`),
  (l) => l.replace(/family: (\S+)/, 'family: "$1"'),
  (l) => l.replace(/hosting: \S+/, 'hosting: cloud'),
  (l) => l.replace(/license: \S+/, 'license: MIT'),
  (l) => l.replace(/vendor: .*/, 'vendor: ""'),
  (l) => l.replace(/profile: \{ /, 'profile: { priorities: { quality: critical, cost: none }, '),
  (l) => l.replace(/profile: \{ /, 'profile: { modality: text, '),
  (l) => l.replace(/profile: \{ use_case: [^,}]+,? ?/, 'profile: { '),
  (l) => l.replace(/- id: use-case-\d+/, '- id: use-case-00001'),
  (l) => l.replace(/- id: (\S+)/, '- id: "$1"'),
  (l) => l.replace(/- id: \S+/, '- id: Not An Id'),
  (l) => l.replace(/description: .*/, 'description: "Tab\\there"'),
  (l) => l.replace(/description: .*/, 'description: plain words,  two  spaces'),
  (l) => l.replace(/description: .*/, 'description: "\u001b[31mred\u001b[0m"'),
  (l) => [l, l.replace(/description: .*/, 'owner: someone')],
  (l) => [l, l.replace(/description: .*/, `decided_with: { knowledge_sha256: ${'a'.repeat(64)}, family: gan, date: 2025-01-01 }`)],
  (l) => [l, l.replace(/description: .*/, `decided_with: { knowledge_sha256: ${k.sha256} }`)],
  (l) => [l, l.replace(/description: .*/, 'unknown: 1')],
  (l) => (l.includes('governance:') ? 'governance: {}'.padStart(l.length + 3) : l),
  (l) => (/^\s+choice:$/.test(l) ? `${l} # chosen` : l),
  (l) => ` ${l}`,
  (l) => l.slice(1),
  (l) => l.replace(/: /, ':'),
  (l) => `${l}\t`,
  (l, pick) => l.replace(/: .*/, `: ${scalars[pick(scalars.length)]}`),
  () => [],
];

function edit(text: string, edits: Array<[number, number, number]>): string {
  const lines = text.split('\n');
  for (const [at, which, seed] of edits) {
    const i = 8 + (at % Math.max(1, lines.length - 9));
    let n = seed;
    const pick = (m: number) => {
      n = (n * 1103515245 + 12345) >>> 0;
      return n % m;
    };
    const out = EDITS[which % EDITS.length]!(lines[i]!, pick);
    lines.splice(i, 1, ...(Array.isArray(out) ? out : out.split('\n')));
  }
  return lines.join('\n');
}

const POLICIES = [
  '',
  'policy:\n  allowed_hosting: [api, self-hosted]\n  allowed_licenses: [proprietary, apache-2.0]\n',
  'policy:\n  max_rank: 1\n  require_checklist: false\n',
  'policy:\n  min_score: 70\n  max_gap: 2\n',
];

function stack(count: number, seed: number, policy = 0): string {
  const text = generateStack(k, count, seed);
  return text.replace(/^policy:\n(?: {2}.*\n)*/m, POLICIES[policy % POLICIES.length]!);
}

describe('the streaming check', () => {
  it('accepts the generated stacks and the examples, with the full path’s result', () => {
    for (const today of TODAYS) {
      for (let seed = 1; seed <= 4; seed++) expect(agree(stack(60, seed, seed), today)).toBe(true);
      expect(agree(readFileSync('examples/genai-stack.yaml', 'utf8'), today, true)).toBe(true);
      expect(agree(readFileSync('examples/genai-stack.failing.yaml', 'utf8'), today)).toBe(true);
    }
  });

  it('agrees with the full path on edited stacks whenever it accepts one', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(3), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), fc.boolean(), (seed, policy, edits, strict) => {
        runs++;
        if (agree(edit(stack(6, seed, policy), edits), TODAYS[seed % 2]!, strict)) accepted++;
      }),
      { numRuns: 1500 },
    );
    // The edits must exercise the fast path and its refusals alike.
    // Most rules fire somewhere in the accepted files (every one does in the test below).
    expect(RULES_SEEN.size).toBeGreaterThanOrEqual(8);
    expect(accepted).toBeGreaterThan(runs / 4);
    expect(accepted).toBeLessThan(runs);
  });

  it('produces every rule’s findings itself, as the full path does', () => {
    const base = stack(8, 3, 1);
    const lines = base.split('\n');
    const governanceLine = lines.findIndex((l) => /^ {6}[a-z0-9-]+: \{ status: done/.test(l));
    const variants = [
      ...FAMILY_IDS.map((family) => base.replace(/family: \S+/g, `family: ${family}`)),
      base.replace(/status: done, evidence: [^ ]+/, 'status: done, evidence: ""'),
      base.replace(/^( {6})[a-z0-9-]+:( \{ status)/m, '$1ai-disclosur:$2'),
      [...lines.slice(0, governanceLine), ...lines.slice(governanceLine + 1)].join('\n'),
      base.replace(/- id: use-case-00002/, '- id: use-case-00001'),
      base.replace(/(description: .*)/, `$1\n    decided_with: { knowledge_sha256: ${'a'.repeat(64)}, family: gan }`),
      base.replace(/^( {6})hosting: \S+/gm, '$1hosting: on-device').replace(/^( {6})license: \S+/gm, '$1license: gpl-3.0'),
    ];
    const rules = new Set<string>();
    for (const text of variants) {
      for (const today of TODAYS) {
        const options = { today, strict: false };
        expect(agree(text, today), text).toBe(true);
        for (const f of fastCheckStack(k, text, 'stack.yaml', options)!.findings) rules.add(f.rule);
      }
    }
    expect([...rules].sort()).toEqual([...RULE_IDS].sort());
  });

  it('declines what the full path reports as a problem, so the diagnostics stay the full path’s', () => {
    const base = stack(3, 1);
    const broken = [
      base.replace('version: 1', 'version: 2'),
      base.replace(/due: \d{4}-\d\d-\d\d/, 'due: 2026-02-30'),
      base.replace(/profile: \{ use_case: [^,}]+/, 'profile: { latency: batch'),
      base.replace(/family: \S+/, 'family: gann'),
      base.replace(/- id: \S+/, '- id: Not An Id'),
      `${base}extra: 1\n`,
    ];
    for (const text of broken) {
      expect(fastCheckStack(k, text, 'stack.yaml', { today: TODAYS[0]! }), text).toBeUndefined();
      expect(() => fullCheckStack(k, text, 'stack.yaml', { today: TODAYS[0]! })).toThrow();
    }
  });
});

const answers: fc.Arbitrary<Answers> = fc
  .record(
    Object.fromEntries(
      k.questions.map((q) => {
        const values =
          q.kind === 'preset'
            ? fc.constantFrom(...Object.keys(k.use_cases))
            : q.kind === 'boolean'
              ? fc.boolean()
              : q.kind === 'priorities'
                ? fc.dictionary(fc.constantFrom(...Object.keys(k.criteria)), fc.constantFrom(...Object.keys(k.levels)), { maxKeys: 3 })
                : fc.constantFrom(...(q.choices ?? []).map((c) => c.value));
        return [q.key, values];
      }),
    ),
    { requiredKeys: [] },
  )
  .map((a) => a as Answers);

describe('the shortcuts the streaming check is built from', () => {
  it('resolveAnswers is completeProfile(mergeAnswers(…)) for one layer', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const resolution = mergeAnswers(k, [a]);
        const expected = resolution.unanswered.some((q) => q.required) ? undefined : completeProfile(k, resolution);
        const actual = resolveAnswers(k, a);
        expect(actual).toStrictEqual(expected);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 2000 },
    );
  });

  it('the planner gives deriveWeights’ plan, and one object per plan and modality', () => {
    const plan = createPlanner(k);
    fc.assert(
      fc.property(answers, (a) => {
        const profile = resolveAnswers(k, a);
        if (!profile) return;
        let expected;
        try {
          expected = deriveWeights(k, profile);
        } catch (error) {
          expect(() => plan(profile)).toThrow((error as Error).message);
          return;
        }
        const actual = plan(profile);
        expect(actual).toStrictEqual(expected);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        expect(plan({ ...profile })).toBe(actual);
      }),
      { numRuns: 2000 },
    );
  });

  it('checklistItems is selectChecklist without the reasons', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(...FAMILY_IDS, undefined), (a, family) => {
        const profile = resolveAnswers(k, a);
        if (!profile) return;
        const expected = selectChecklist(k.governance, profile, family).map(({ id, area, title, severity }) => ({ id, area, title, severity }));
        expect(checklistItems(k.governance, { ...profile, family })).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('conforms says yes exactly when ajv does, on the stack schema’s parts', () => {
    const item = (stackSchema(k) as { properties: { use_cases: { items: { properties: Record<string, object> } } } }).properties.use_cases.items;
    const parts: Array<[string, object]> = [
      ['use case', item],
      ['choice', item.properties.choice!],
      ['status', (item.properties.governance as { additionalProperties: object }).additionalProperties],
      ['profile', item.properties.profile!],
      ['decided_with', item.properties.decided_with!],
      ['governance', item.properties.governance!],
      ['stack', stackSchema(k)],
    ];
    const words = [...FAMILY_IDS, 'api', 'cloud', 'done', 'planned', 'not-applicable', '2026-01-15', '2026-1-5', 'a'.repeat(64), '', ' ', 'x', 'Bad Id', 'ok-id', ...Object.keys(k.use_cases).slice(0, 3), 'text', 'high', 'quality'];
    const keys = ['family', 'vendor', 'hosting', 'license', 'status', 'evidence', 'due', 'reason', 'owner', 'knowledge_sha256', 'date', 'modality', 'task', 'priorities', 'id', 'profile', 'choice', 'version', 'use_cases', 'quality', 'extra'];
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(...words),
        fc.integer({ min: -1, max: 10 }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom(...keys), tie('v'), { maxKeys: 5, noNullPrototype: true }),
      ),
    })).v;
    const VALID = new Map<string, number>();
    /** Values shaped by the schema (so that many are valid), with random values mixed in. */
    const shaped = (schema: Record<string, unknown>, depth = 0): fc.Arbitrary<unknown> => {
      const options: fc.Arbitrary<unknown>[] = [];
      if (Array.isArray(schema.enum)) options.push(fc.constantFrom(...(schema.enum as unknown[])));
      const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
      const types = ([] as unknown[]).concat(schema.type ?? []);
      if (props && depth < 4) {
        options.push(fc.record(Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, shaped(sub, depth + 1)])), { requiredKeys: (schema.required as string[] | undefined) ?? [], noNullPrototype: true }));
      }
      if (types.includes('object') && !props && depth < 4) {
        const sub = (schema.additionalProperties ?? {}) as Record<string, unknown>;
        options.push(fc.dictionary(fc.constantFrom(...items.slice(0, 4), 'Bad Key', 'ok-key'), shaped(sub, depth + 1), { maxKeys: 3, noNullPrototype: true }));
      }
      if (types.includes('array')) options.push(fc.array(shaped((schema.items ?? {}) as Record<string, unknown>, depth + 1), { maxLength: 3 }));
      if (types.includes('string')) options.push(fc.constantFrom(...words));
      if (types.includes('integer') || types.includes('number')) options.push(fc.integer({ min: -1, max: 120 }), fc.double({ min: 0, max: 100 }));
      if (types.includes('boolean')) options.push(fc.boolean());
      return fc.oneof({ weight: 8, arbitrary: options.length > 0 ? fc.oneof(...options) : value }, { weight: 1, arbitrary: value });
    };
    for (const [name, schema] of parts) {
      fc.assert(
        fc.property(fc.oneof(shaped(schema as Record<string, unknown>), value), (v) => {
          const ok = violations(v, schema).length === 0;
          if (ok) VALID.set(name, (VALID.get(name) ?? 0) + 1);
          expect(conforms(v, schema), `${name}: ${JSON.stringify(v)}`).toBe(ok);
        }),
        { numRuns: 1500 },
      );
    }
    for (const name of ['choice', 'status', 'profile', 'governance', 'stack']) expect(VALID.get(name) ?? 0, name).toBeGreaterThan(20);
  });
});
