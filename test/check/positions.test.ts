import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding } from '../../src/check/index.js';
import { check } from './helpers.js';

/** 1-based line and column of the first occurrence of `needle` (after `after`, if given). */
function positionOf(text: string, needle: string, after = ''): { line: number; col: number } {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  if (offset === -1) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

const at = (f: Finding | undefined) => (f ? { line: f.line, col: f.col } : undefined);
const find = (result: CheckResult, rule: string, useCase?: string) => result.findings.find((f) => f.rule === rule && (useCase === undefined || f.useCase === useCase));

const STACK = `# positions
version: 1
policy:
  allowed_hosting: [self-hosted]
  allowed_licenses: [mit]
use_cases:
  - id: chatbot
    profile: { use_case: customer-support-chatbot }
    choice:
      family: gan
      hosting: api
      license: gpl-3.0
    governance:
      ai-disclosure: { status: done }
      ai-disclosur: { status: done, evidence: x }
      prompt-injection:
        status: planned
        due: 2020-01-01
    decided_with: { knowledge_sha256: ${'c'.repeat(64)}, family: autoregressive }

- id: flow
  profile: { use_case: document-summarization }
  choice: { family: vae, hosting: self-hosted, license: MIT }
`;

describe('finding positions (file:line:col of the node each finding concerns)', () => {
  // The second item is indented differently on purpose: that is an error, so use a clean copy.
  const text = STACK.replace('\n- id: flow\n  profile', '\n  - id: flow\n    profile').replace('\n  choice: { family: vae', '\n    choice: { family: vae');

  for (const [name, source] of [
    ['fast reader', text],
    // An anchor sends the file through the full YAML parser: positions must not change.
    ['full parser', text.replace('version: 1', 'version: &v 1')],
  ] as const) {
    it(`point at the YAML node they concern (${name})`, () => {
      const result = check(source);
      const family = positionOf(text, 'gan');
      expect(at(find(result, 'family/ineligible'))).toEqual(family);
      expect(at(find(result, 'family-fit/rank', 'chatbot'))).toEqual(family);
      expect(at(find(result, 'vendor/hosting'))).toEqual(positionOf(text, 'api', 'hosting: api'));
      expect(at(find(result, 'vendor/license', 'chatbot'))).toEqual(positionOf(text, 'gpl-3.0'));
      expect(at(find(result, 'governance/missing', 'chatbot'))).toEqual(positionOf(text, 'governance:'));
      expect(at(find(result, 'governance/evidence'))).toEqual(positionOf(text, '{ status: done }'));
      expect(at(find(result, 'governance/unknown-item'))).toEqual(positionOf(text, 'ai-disclosur:'));
      expect(at(result.findings.find((f) => f.message.includes('overdue')))).toEqual(positionOf(text, '2020-01-01'));
      expect(at(find(result, 'knowledge/drift'))).toEqual(positionOf(text, 'decided_with'));
      // Inside a flow mapping: the column of the value on its line.
      expect(at(find(result, 'family-fit/rank', 'flow'))).toEqual(positionOf(text, 'vae'));
      // A use case with no governance key: its first line.
      expect(at(find(result, 'governance/missing', 'flow'))).toEqual(positionOf(text, 'id: flow'));
      expect(result.useCases.map((u) => u.line)).toEqual([positionOf(text, 'id: chatbot').line, positionOf(text, 'id: flow').line]);
    });
  }

  it('points the family findings of the failing example at its `family:` line', () => {
    const file = readFileSync('examples/genai-stack.failing.yaml', 'utf8');
    const result = check(file);
    const family = positionOf(file, 'gan', 'family:');
    for (const rule of ['family/ineligible', 'family-fit/rank']) expect(at(find(result, rule)), rule).toEqual(family);
    expect(at(find(result, 'vendor/hosting'))).toEqual(positionOf(file, 'api', 'hosting:'));
  });

  it('points stack/duplicate-id at the first repeat of the id', () => {
    const dup = `version: 1\nuse_cases:\n  - id: a\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n  - id: a\n    profile: { use_case: code-assistant }\n    choice: { family: transformer }\n`;
    const result = check(dup);
    expect(result.findings.filter((f) => f.rule === 'stack/duplicate-id').map(at)).toEqual([{ line: 6, col: 9 }]);
  });
});
