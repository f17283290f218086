/**
 * One governance checklist item, as written in knowledge/governance.yaml or in an overlay's
 * `governance:` list. The item's enums (areas, frameworks, profile keys in conditions) come
 * from the vocabulary.
 *
 * The schema carries its own `$id`, so its internal `#/definitions/...` references keep
 * resolving when it is embedded inside a larger schema (for example as `items` of the
 * overlay's `governance` array).
 */
import { JURISDICTIONS, type Condition } from '../knowledge/types.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, DRAFT_07, ID, IsoDate, OneOf, Text, Type, type Static } from './common.js';

/** The values each profile key (and `family`) may take in a condition, from the question table. */
function leafProperties({ questions, familyIds }: Pick<Vocabulary, 'questions' | 'familyIds'>): Record<string, unknown> {
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

/** A condition over the profile and the recommended family: the recursive definition below. */
const condition = () => Type.Unsafe<Condition>({ $ref: '#/definitions/condition' });

export const appliesFromSchema = () =>
  Closed(
    {
      /** YYYY-MM-DD */
      date: IsoDate(),
      source: Text(),
      /** A qualification, e.g. a later date for some of the cases the item covers. */
      note: Type.Optional(Text()),
    },
    { description: 'for a staged law: the date from which it applies to this item, and the source of that date' },
  );

/** A sentence shown with the item when its condition holds (e.g. why related duties are not listed). */
const itemNoteSchema = () => Closed({ when: Type.Optional(condition()), text: Text() });

const referenceSchema = (frameworks: Vocabulary['frameworks']) =>
  Closed(
    { framework: OneOf(frameworks.map((f) => f.name), { typed: true }), id: Text(), edition: Text() },
    {
      allOf: frameworks.map((framework) => ({
        if: { properties: { framework: { const: framework.name } }, required: ['framework'] },
        then: { properties: { id: { type: 'string', pattern: framework.clause_pattern } } },
      })),
    },
  );

function itemProperties(vocabulary: Pick<Vocabulary, 'areas'>) {
  return {
    id: Type.String({ pattern: ID, description: 'Stable kebab-case id; never renamed once released.' }),
    area: OneOf(vocabulary.areas.map((a) => a.id), { typed: true }),
    title: Text(),
    why: Text(),
    actions: Type.Array(Text(), { minItems: 1 }),
    evidence: Type.Array(Text(), { minItems: 1 }),
    severity: OneOf(['required', 'recommended'] as const, { typed: true }),
    /** Absent means `global`. */
    jurisdiction: Type.Optional(OneOf(JURISDICTIONS, { typed: true, description: 'the legal order the duty comes from; global (the default) for international standards' })),
    applies_from: Type.Optional(appliesFromSchema()),
    when: Type.Optional(condition()),
    /** Raise to required when this condition also holds (e.g. human_review is off). */
    escalate_when: Type.Optional(condition()),
    notes: Type.Optional(Type.Array(itemNoteSchema(), { description: 'sentences shown with the item when their condition holds' })),
    references: Type.Array(Type.Unsafe<Static<ReturnType<typeof referenceSchema>>>({ $ref: '#/definitions/reference' }), { minItems: 1 }),
  };
}

export function governanceItemSchema(vocabulary: Pick<Vocabulary, 'questions' | 'familyIds' | 'areas' | 'frameworks'>) {
  return Closed(itemProperties(vocabulary), {
    $schema: DRAFT_07,
    $id: 'https://genai-advisor.dev/schemas/governance-item.json',
    title: 'Governance checklist item',
    definitions: {
      condition: {
        description: 'A leaf { key: value } or { key: [values] } over profile keys and `family`, or all/any/not of conditions. {} always holds.',
        anyOf: [
          { type: 'object', additionalProperties: false, required: ['all'], properties: { all: { type: 'array', items: { $ref: '#/definitions/condition' } } } },
          { type: 'object', additionalProperties: false, required: ['any'], properties: { any: { type: 'array', minItems: 1, items: { $ref: '#/definitions/condition' } } } },
          { type: 'object', additionalProperties: false, required: ['not'], properties: { not: { $ref: '#/definitions/condition' } } },
          { $ref: '#/definitions/leaf' },
        ],
      },
      leaf: { type: 'object', additionalProperties: false, properties: leafProperties(vocabulary) },
      reference: referenceSchema(vocabulary.frameworks),
    },
  });
}

export type GovernanceItem = Static<ReturnType<typeof governanceItemSchema>>;
export type AppliesFrom = Static<ReturnType<typeof appliesFromSchema>>;
export type ItemNote = Static<ReturnType<typeof itemNoteSchema>>;
export type Reference = Static<ReturnType<typeof referenceSchema>>;
