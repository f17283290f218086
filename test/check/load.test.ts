import { describe, expect, it } from 'vitest';
import { stackSchema } from '../../src/schemas/stack.js';
import { idsOf } from '../../src/schemas/answers.js';
import { vocabularyOf } from '../../src/knowledge/vocabulary.js';
import { DiagnosticsError, formatDiagnostic } from '../../src/errors.js';
import { check, knowledge, stackText, useCase } from './helpers.js';

/** The located problems a file that cannot be checked produces. */
function problems(text: string): string[] {
  try {
    check(text);
  } catch (error) {
    if (error instanceof DiagnosticsError) return error.diagnostics.map(formatDiagnostic);
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

const base = `version: 1
use_cases:
  - id: chatbot
    profile: { use_case: customer-support-chatbot }
    choice: { family: transformer }
`;

describe('a stack file that cannot be checked', () => {
  it('reports a YAML syntax error with its position', () => {
    expect(problems('version: 1\nuse_cases:\n  - id: [a\n')).toEqual([expect.stringMatching(/^stack\.yaml:\d+:\d+: /)]);
  });

  it('reports every schema problem at once, each at its node', () => {
    const text = `version: 2
polcy: {}
use_cases:
  - id: Chat Bot
    profile: { use_case: customer-support-chatbot, modalty: text }
    choice: { family: gann, hosting: cloud }
    governance:
      ai-disclosure: { status: finished }
`;
    expect(problems(text)).toEqual([
      'stack.yaml:1:10: version is 2, which is not allowed. Allowed: 1.',
      expect.stringMatching(/^stack\.yaml:2:1: unknown key "polcy" in the file\. Did you mean "policy"\?/),
      expect.stringMatching(/^stack\.yaml:4:9: use_cases\[0\]\.id is "Chat Bot", which does not match/),
      expect.stringMatching(/^stack\.yaml:5:52: unknown key "modalty" in use_cases\[0\]\.profile\. Did you mean "modality"\?/),
      expect.stringMatching(/^stack\.yaml:6:23: use_cases\[0\]\.choice\.family is "gann", which is not allowed\. Did you mean "gan"\?/),
      expect.stringMatching(/^stack\.yaml:6:38: use_cases\[0\]\.choice\.hosting is "cloud", which is not allowed\./),
      expect.stringMatching(/^stack\.yaml:8:32: use_cases\[0\]\.governance\.ai-disclosure\.status is "finished"/),
    ]);
  });

  it('requires a mapping with version and use_cases', () => {
    expect(problems('- a\n- b\n')).toEqual(['stack.yaml:1:1: a stack file must be a mapping with "version: 1" and a "use_cases:" list']);
    expect(problems('version: 1\n')).toEqual(['stack.yaml:1:1: the file is missing the required key "use_cases"']);
  });

  it('rejects a profile that does not say its modality and task, at the profile', () => {
    const text = base.replace('{ use_case: customer-support-chatbot }', '{ latency: batch }');
    expect(problems(text)).toEqual(['stack.yaml:4:14: use_cases[0].profile does not say its modality and task: add modality: … and task: …, or a use_case preset that sets them']);
  });

  it('rejects a profile whose priorities leave nothing to rank', () => {
    const none = Object.fromEntries(Object.keys(knowledge.criteria).map((c) => [c, 'none' as const]));
    const text = stackText([useCase({ profile: { modality: 'text', task: 'generate', priorities: none }, choice: { family: 'transformer' }, governance: {} })]);
    expect(problems(text)).toEqual([expect.stringMatching(/^stack\.yaml:\d+:\d+: use_cases\[0\]\.profile: every criterion has importance none/)]);
  });

  it('rejects dates that do not exist', () => {
    const text = `${base}    governance:\n      ai-disclosure: { status: planned, due: 2026-02-30 }\n`;
    expect(problems(text)).toEqual(['stack.yaml:7:46: use_cases[0].governance.ai-disclosure.due is "2026-02-30", which is not a date']);
  });

  it('rejects unsafe YAML (custom tags, prototype keys)', () => {
    expect(problems(`${base}    description: !!js/function "x"\n`)[0]).toMatch(/custom tags are not allowed|tag/i);
    expect(problems(`${base}    __proto__: { a: 1 }\n`)[0]).toMatch(/"__proto__" is not allowed/);
  });
});

/** The schema as JSON carries it: TypeBox's symbol keys left out. */
const plain = (schema: object): unknown => JSON.parse(JSON.stringify(schema));

describe('the stack schema', () => {
  it('is a draft-07 schema that follows the knowledge (presets, families)', () => {
    const schema = plain(stackSchema(vocabularyOf(knowledge), idsOf(knowledge))) as { $schema: string; properties: { use_cases: { items: { properties: Record<string, { properties?: Record<string, unknown> }> } } } };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const item = schema.properties.use_cases.items.properties;
    expect(item.profile!.properties!.use_case).toEqual({ enum: Object.keys(knowledge.use_cases) });
    expect(Object.keys(item)).toEqual(['id', 'description', 'owner', 'profile', 'choice', 'governance', 'decided_with']);
  });

  it('without the ids, accepts any well-formed preset: check tests ids against the knowledge in use', () => {
    const schema = plain(stackSchema(vocabularyOf(knowledge))) as { properties: { use_cases: { items: { properties: Record<string, { properties?: Record<string, unknown> }> } } } };
    expect(schema.properties.use_cases.items.properties.profile!.properties!.use_case).toEqual({ type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
    expect(problems(base.replace('customer-support-chatbot', 'customer-support-chatbt'))[0]).toMatch(/use_case is "customer-support-chatbt", which is not allowed\. Did you mean "customer-support-chatbot"\?/);
  });
});
