/**
 * JSON Schema (draft-07) for one governance checklist item, as written in
 * knowledge/governance.yaml or in an overlay's `governance:` list.
 *
 * The schema carries its own `$id`, so its internal `#/definitions/...` references keep
 * resolving when it is embedded inside a larger schema (for example as `items` of the
 * overlay's `governance` array).
 */
import { JURISDICTIONS } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/** The values each profile key (and `family`) may take in a condition, from the question table. */
function leafProperties({ questions, familyIds }: Vocabulary): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const question of questions) {
    if (question.kind === 'choice') properties[question.key] = oneOrMany((question.choices ?? []).map((c) => c.value));
    if (question.kind === 'boolean') properties[question.key] = { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'boolean' }, minItems: 1 }] };
  }
  properties.family = oneOrMany(familyIds);
  return properties;
}

function oneOrMany(values: readonly string[]) {
  const one = { type: 'string', enum: [...values] };
  return { anyOf: [one, { type: 'array', items: one, minItems: 1 }] };
  }


  const nonEmptyString = { type: 'string', minLength: 1 };

  export function governanceItemSchema(vocabulary: Vocabulary) {
    const frameworks = vocabulary.frameworks;
    return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://genai-advisor.dev/schemas/governance-item.json',
    title: 'Governance checklist item',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'area', 'title', 'why', 'actions', 'evidence', 'severity', 'references'],
    properties: {
      id: {
        type: 'string',
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        description: 'Stable kebab-case id; never renamed once released.',
      },
      area: { type: 'string', enum: vocabulary.areas.map((a) => a.id) },
      title: nonEmptyString,
      why: nonEmptyString,
      actions: { type: 'array', minItems: 1, items: nonEmptyString },
      evidence: { type: 'array', minItems: 1, items: nonEmptyString },
      severity: { type: 'string', enum: ['required', 'recommended'] },
      jurisdiction: {
        type: 'string',
        enum: [...JURISDICTIONS],
        description: 'the legal order the duty comes from; global (the default) for international standards',
      },
      applies_from: {
        type: 'object',
        description: 'for a staged law: the date from which it applies to this item, and the source of that date',
        additionalProperties: false,
        required: ['date', 'source'],
        properties: {
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          source: nonEmptyString,
          note: nonEmptyString,
        },
      },
      until: {
        type: 'object',
        description: 'for a repealed law: the first day it no longer applies, its source, and the item that replaced it',
        additionalProperties: false,
        required: ['date', 'source'],
        properties: {
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          source: nonEmptyString,
          replaced_by: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          note: nonEmptyString,
        },
      },
      when: { $ref: '#/definitions/condition' },
      escalate_when: { $ref: '#/definitions/condition' },
      notes: {
        type: 'array',
        description: 'sentences shown with the item when their condition holds',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['text'],
          properties: { when: { $ref: '#/definitions/condition' }, text: nonEmptyString },
        },
      },
      references: { type: 'array', minItems: 1, items: { $ref: '#/definitions/reference' } },
    },
    definitions: {
      condition: {
        description:
          'A leaf { key: value } or { key: [values] } over profile keys and `family`, or all/any/not of conditions. {} always holds.',
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['all'],
            properties: { all: { type: 'array', items: { $ref: '#/definitions/condition' } } },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['any'],
            properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } } },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['not'],
            properties: { not: { $ref: '#/definitions/condition' } },
          },
          { $ref: '#/definitions/leaf' },
        ],
      },
      leaf: {
        type: 'object',
        additionalProperties: false,
        properties: leafProperties(vocabulary),
      },
      reference: {
        type: 'object',
        additionalProperties: false,
        required: ['framework', 'id', 'edition'],
        properties: {
          framework: { type: 'string', enum: frameworks.map((f) => f.name) },
          id: nonEmptyString,
          edition: nonEmptyString,
        },
        allOf: frameworks.map((framework) => ({
          if: { properties: { framework: { const: framework.name } }, required: ['framework'] },
          then: { properties: { id: { type: 'string', pattern: framework.clause_pattern } } },
        })),
      },
    },
  };
}
