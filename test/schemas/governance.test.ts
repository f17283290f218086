import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { governanceItemSchema as schemaFor } from '../../src/schemas/governance.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { vocabularyOf } from '../../src/knowledge/vocabulary.js';

/** The schema as the built-in knowledge's frameworks, areas and questions derive it. */
const governanceItemSchema = schemaFor(vocabularyOf(builtinKnowledge));
import { ITEMS } from '../governance/fixtures.js';

const valid = {
  id: 'my-item',
  area: 'privacy',
  title: 'A title',
  why: 'A reason.',
  actions: ['Do it'],
  evidence: ['Proof'],
  severity: 'recommended',
  when: { all: [{ customer_facing: true }, { any: [{ modality: ['text', 'code'] }, { not: { family: 'gan' } }] }] },
  escalate_when: { human_review: false },
  references: [{ framework: 'OWASP LLM Top 10', id: 'LLM02:2025', edition: '2025' }],
};

function validator() {
  return new Ajv({ allErrors: true }).compile(governanceItemSchema);
}

describe('governanceItemSchema', () => {
  const validate = validator();

  it('accepts every built-in item', () => {
    for (const item of ITEMS) {
      const ok = validate(item);
      expect(ok ? [] : validate.errors, item.id).toEqual([]);
    }
  });

  it('accepts a hand-written item with nested conditions', () => {
    expect(validate(valid)).toBe(true);
  });

  it.each([
    ['a non-kebab id', { id: 'My_Item' }],
    ['an unknown area', { area: 'marketing' }],
    ['an unknown severity', { severity: 'optional' }],
    ['no references', { references: [] }],
    ['a reference without edition', { references: [{ framework: 'EU AI Act', id: 'Art. 9' }] }],
    ['an unknown framework', { references: [{ framework: 'NIST CSF', id: 'PR.AC-1', edition: '1.1' }] }],
    ['a malformed OWASP id', { references: [{ framework: 'OWASP LLM Top 10', id: 'LLM1', edition: '2025' }] }],
    ['a malformed EU AI Act id', { references: [{ framework: 'EU AI Act', id: 'Article 50', edition: 'x' }] }],
    ['an unknown condition key', { when: { colour: 'blue' } }],
    ['an unknown condition value', { when: { sector: 'retail' } }],
    ['a non-boolean flag value', { when: { customer_facing: 'yes' } }],
    ['an unknown family', { when: { not: { family: 'rnn' } } }],
    ['an extra property', { owner: 'me' }],
    ['empty actions', { actions: [] }],
  ])('rejects %s', (_label, patch) => {
    expect(validate({ ...valid, ...patch })).toBe(false);
  });

  it('still resolves its definitions when embedded in a larger schema', () => {
    const overlay = {
      type: 'object',
      properties: { governance: { type: 'array', items: governanceItemSchema } },
    };
    const validateOverlay = new Ajv().compile(overlay);
    expect(validateOverlay({ governance: [valid] })).toBe(true);
    expect(validateOverlay({ governance: [{ ...valid, when: { sector: 'retail' } }] })).toBe(false);
  });
});
