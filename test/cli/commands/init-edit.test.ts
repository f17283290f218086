import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendUseCase, type NewUseCase } from '../../../src/cli/commands/init-edit.js';
import { selectChecklist } from '../../../src/governance/select.js';
import { builtinKnowledge } from '../../../src/knowledge/builtin.js';
import { makeProfile } from '../../helpers/profile.js';

const SCHEMA = 'https://example.test/stack.schema.json';

function entry(id: string): NewUseCase {
  const profile = makeProfile({ customer_facing: true });
  return {
    id,
    profile,
    choice: { family: 'transformer', hosting: 'api' },
    checklist: selectChecklist(builtinKnowledge.governance, profile, 'transformer', builtinKnowledge.governance_areas, { today: '2026-12-04' }).slice(0, 2),
    due: '2027-01-31',
    decidedWith: { knowledge_sha256: builtinKnowledge.sha256, knowledge_version: builtinKnowledge.version, family: 'transformer', date: '2026-12-01' },
  };
}

/** The text a result inserted into `before`, or a failure if anything of `before` changed. */
function insertion(before: string, after: string): string {
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before.at(-1 - tail) === after.at(-1 - tail)) tail++;
  expect(before.slice(0, head) + before.slice(before.length - tail)).toBe(before);
  return after.slice(head, after.length - tail);
}

// Aligned comments, flow lists with their own spacing, a comment inside the last item and one
// after the list: all things a whole-document rewrite changes.
const EXISTING = `version: 1      # the format
policy:  # team policy
  allowed_hosting: [api,  self-hosted]
use_cases:
  - id: bot          # the chatbot
    profile: { use_case: customer-support-chatbot }
    choice: { family: transformer, hosting: api }
    # its governance comes later
# end of the list
`;

describe('appendUseCase', () => {
  it('keeps every existing line as it was, inserting the new item after the last one', () => {
    const after = appendUseCase(EXISTING, entry('new-bot'), SCHEMA);
    const added = insertion(EXISTING, after);
    expect(after.indexOf(added)).toBe(EXISTING.indexOf('# end of the list'));
    expect(added).toMatch(/^ {2}- id: new-bot\n {4}profile:\n/);
    const doc = parse(after);
    expect(doc.use_cases.map((u: { id: string }) => u.id)).toEqual(['bot', 'new-bot']);
    expect(doc.use_cases[1].governance).toEqual(Object.fromEntries(entry('x').checklist.map((item) => [item.id, { status: 'planned', due: '2027-01-31' }])));
    expect(doc.policy.allowed_hosting).toEqual(['api', 'self-hosted']);
  });

  it('follows an indentless list', () => {
    const before = 'version: 1\nuse_cases:\n- id: bot\n  profile: { use_case: seo-content }\n  choice: { family: transformer }\n';
    const after = appendUseCase(before, entry('new-bot'), SCHEMA);
    expect(insertion(before, after)).toMatch(/^- id: new-bot\n {2}profile:\n/);
    expect(parse(after).use_cases).toHaveLength(2);
  });

  it('writes a list of its own where there is none in block style to add to', () => {
    for (const before of ['version: 1\nuse_cases: []\n', 'version: 1\n']) {
      const doc = parse(appendUseCase(before, entry('first'), SCHEMA));
      expect(doc.use_cases.map((u: { id: string }) => u.id)).toEqual(['first']);
    }
  });

  it('starts a new file with the schema hint and the policy defaults as comments', () => {
    const text = appendUseCase(undefined, entry('first'), SCHEMA);
    expect(text.startsWith(`# yaml-language-server: $schema=${SCHEMA}\n`)).toBe(true);
    expect(text).toMatch(/^use_cases:\n {2}- id: first$/m);
  });
});
