import { governanceItemSchema } from './governance-schema.js';
import { COMMERCIAL_USES, HOSTING_OPTIONS, LEVELS, LICENSE_CATEGORIES, MODEL_STATUSES, type Knowledge, type Question } from './types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * JSON Schemas (draft-07) for the YAML users write. `strict` is the built-in knowledge base's
 * schema: every rating there must carry a rationale and sources. Overlays may give bare numbers.
 */
type Schema = Record<string, unknown>;

const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
const text: Schema = { type: 'string', minLength: 1 };
/** Shaped like a date here; whether the day exists is checked after (with a located error). */
const DATE: Schema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const texts: Schema = { type: 'array', items: text };
const sourceKeys: Schema = { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9-]+$' } };

function ratingSchema(strict: boolean): Schema {
  const object: Schema = {
    type: 'object',
    properties: { value: { type: 'integer', minimum: 1, maximum: 5 }, why: text, sources: sourceKeys },
    required: strict ? ['value', 'why', 'sources'] : ['value'],
    additionalProperties: false,
  };
  if (strict) return object;
  // One schema for both shapes: `minimum` only constrains numbers, `properties` only objects.
  return { ...object, type: ['integer', 'object'], minimum: 1, maximum: 5 };
}

/** A task fit: a rating, plus per-modality ratings where the modality changes the answer. */
function taskFitSchema(strict: boolean): Schema {
  const base = ratingSchema(strict);
  const object: Schema = {
    ...base,
    type: 'object',
    properties: { ...(base.properties as Schema), modalities: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: ratingSchema(strict) } },
  };
  delete object.minimum;
  delete object.maximum;
  if (strict) return object;
  return { ...object, type: ['integer', 'object'], minimum: 1, maximum: 5 };
}

const variantSchema: Schema = {
  type: 'object',
  properties: {
    name: text,
    note: text,
    ratings: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } },
    sources: sourceKeys,
    modalities: { type: 'array', items: { type: 'string', pattern: ID } },
  },
  required: ['name', 'note', 'ratings', 'sources'],
  additionalProperties: false,
};

function familySchema(strict: boolean): Schema {
  const properties: Schema = {
    name: text,
    short_name: text,
    aliases: texts,
    summary: text,
    how_it_works: text,
    best_at: texts,
    limitations: texts,
    business_uses: texts,
    examples: {
      type: 'array',
      items: { type: 'object', properties: { name: text, note: text }, required: ['name'], additionalProperties: false },
    },
    ratings: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: ratingSchema(strict) },
    modalities: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: ratingSchema(strict) },
    tasks: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: taskFitSchema(strict) },
    variants: { type: 'array', items: variantSchema },
    disagreements: texts,
    sources: sourceKeys,
  };
  return {
    type: 'object',
    properties,
    required: strict ? Object.keys(properties) : [],
    additionalProperties: false,
  };
}

const criterionSchema = (strict: boolean): Schema => ({
  type: 'object',
  properties: {
    label: text,
    description: text,
    default_level: { enum: [...LEVELS] },
    high_phrase: text,
    low_phrase: text,
  },
  required: strict ? ['label', 'description', 'default_level', 'high_phrase', 'low_phrase'] : ['label', 'description'],
  additionalProperties: false,
});

const effectSchema: Schema = {
  type: 'object',
  properties: {
    weights: { type: 'object', additionalProperties: { type: 'number', minimum: -10, maximum: 10 } },
    requires: { type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 } },
  },
  additionalProperties: false,
};

const questionSchema: Schema = {
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z]+(_[a-z]+)*$' },
    flag: { type: 'string', pattern: ID },
    kind: { enum: ['preset', 'choice', 'multi', 'priorities', 'boolean'] },
    prompt: text,
    help: text,
    value_name: text,
    group: { enum: ['use-case', 'governance'] },
    required: { type: 'boolean' },
    default: { type: ['string', 'boolean', 'array'], items: { type: 'string', pattern: ID } },
    choices: {
      type: 'array',
      minItems: 2,
      items: {
        type: 'object',
        properties: {
          value: { type: 'string', pattern: ID },
          label: text,
          help: text,
          effect: effectSchema,
          generative: { type: 'boolean' },
          uses: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: { type: 'string', pattern: ID } },
          excludes: { type: 'array', items: { type: 'string', pattern: ID } },
          note: text,
        },
        required: ['value', 'label', 'help'],
        additionalProperties: false,
      },
    },
    when_true: effectSchema,
    when_false: effectSchema,
  },
  required: ['key', 'kind', 'prompt', 'help', 'group'],
  additionalProperties: false,
};

function useCaseSchema(strict: boolean, familyIds: readonly string[]): Schema {
  const properties: Schema = {
    title: text,
    description: text,
    seed_families: { type: 'array', items: { enum: [...familyIds] } },
    rationale: text,
    answers: { type: 'object' },
    sources: sourceKeys,
  };
  return {
    type: 'object',
    properties,
    required: strict ? Object.keys(properties) : ['title', 'description', 'answers'],
    additionalProperties: false,
  };
}

/**
 * One catalogue entry. Built-in entries must be complete and cite a source; an overlay entry
 * may patch an existing model by id, so only its id is required there (a new one is checked
 * for completeness after the merge).
 */
function modelSchema(strict: boolean, familyIds: readonly string[]): Schema {
  const status: Schema = { enum: [...MODEL_STATUSES] };
  const route: Schema = {
    type: 'object',
    properties: { hosting: { enum: [...HOSTING_OPTIONS] }, name: text, status, shutdown: DATE, replacement: { type: 'string', pattern: ID }, note: text },
    required: ['hosting', 'status'],
    additionalProperties: false,
  };
  const properties: Schema = {
    id: { type: 'string', pattern: ID },
    name: text,
    vendor: text,
    families: { type: 'array', items: { enum: [...familyIds] }, minItems: 1, uniqueItems: true },
    family_note: text,
    modalities: { type: 'array', items: { type: 'string', pattern: ID }, minItems: 1, uniqueItems: true },
    tasks: { type: 'array', items: { type: 'string', pattern: ID }, minItems: 1, uniqueItems: true },
    license: text,
    license_category: { enum: [...LICENSE_CATEGORIES] },
    commercial_use: { enum: [...COMMERCIAL_USES] },
    commercial_note: text,
    open_weights: { type: 'boolean' },
    hosting: { type: 'array', items: { enum: [...HOSTING_OPTIONS] }, minItems: 1, uniqueItems: true },
    released: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$' },
    status,
    shutdown: DATE,
    replacement: { type: 'string', pattern: ID },
    routes: { type: 'array', items: route, minItems: 1 },
    verified: DATE,
    sources: { type: 'array', items: { type: 'string', pattern: '^https://\\S+$' }, minItems: 1, uniqueItems: true },
    note: text,
  };
  return {
    type: 'object',
    properties,
    required: strict ? ['id', ...MODEL_FIELDS, 'verified', 'sources'] : ['id'],
    additionalProperties: false,
  };
}

/** What every model needs once overlays are merged (built-in entries also need `verified` and `sources`). */
export const MODEL_FIELDS = ['name', 'vendor', 'families', 'modalities', 'tasks', 'license', 'license_category', 'commercial_use', 'open_weights', 'hosting', 'status'] as const;

/** The schema of one knowledge file (built-in when strict) or of an overlay. */
export function knowledgeFileSchema(strict: boolean, vocabulary: Vocabulary): Schema {
  const properties: Schema = {
    criteria: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: criterionSchema(strict) },
    families: {
      type: 'object',
      propertyNames: { enum: [...vocabulary.familyIds] },
      additionalProperties: familySchema(strict),
    },
    use_cases: { type: 'object', propertyNames: { pattern: ID }, additionalProperties: useCaseSchema(strict, vocabulary.familyIds) },
    governance: { type: 'array', items: governanceItemSchema(vocabulary) },
    models: { type: 'array', items: modelSchema(strict, vocabulary.familyIds) },
    /** The day the catalogue was checked; an overlay from `models refresh` moves it. */
    as_of: DATE,
    sources: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9-]+$' },
      additionalProperties: { type: 'object', properties: { citation: text }, required: ['citation'], additionalProperties: false },
    },
  };
  if (strict) {
    Object.assign(properties, {
      version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
      levels: {
        type: 'object',
        propertyNames: { enum: [...LEVELS] },
        additionalProperties: {
          type: 'object',
          properties: { points: { type: 'number', minimum: 0 }, min_rating: { type: 'integer', minimum: 1, maximum: 5 } },
          required: ['points'],
          additionalProperties: false,
        },
      },
      modality_fit: {
        type: 'object',
        properties: { criterion: { type: 'string', pattern: ID }, knockout_below: { type: 'integer', minimum: 1, maximum: 5 } },
        required: ['criterion', 'knockout_below'],
        additionalProperties: false,
      },
      questions: { type: 'array', items: questionSchema },
      governance_areas: {
        type: 'array',
        items: { type: 'object', properties: { id: { type: 'string', pattern: ID }, label: text }, required: ['id', 'label'], additionalProperties: false },
      },
      frameworks: {
        type: 'array',
        items: { type: 'object', properties: { name: text, clause_pattern: text }, required: ['name', 'clause_pattern'], additionalProperties: false },
      },
      overlaps: {
        type: 'array',
        items: {
          type: 'object',
          properties: { families: { type: 'array', minItems: 2, items: { enum: [...vocabulary.familyIds] } }, note: text, sources: sourceKeys },
          required: ['families', 'note', 'sources'],
          additionalProperties: false,
        },
      },
    });
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: strict ? 'genai-advisor built-in knowledge file' : 'genai-advisor knowledge overlay',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/**
 * The ids an overlay may add to. A schema given them lists them, for editors and
 * `knowledge schema`; without them any id passes the schema, and validation checks it against
 * the knowledge in use (knownIds in validate.ts), so that one compiled validator serves every
 * overlay.
 */
export interface KnowledgeIds {
  presets: string[];
  criteria: string[];
}

export const idsOf = (knowledge: Pick<Knowledge, 'criteria' | 'use_cases'>): KnowledgeIds => ({ presets: Object.keys(knowledge.use_cases), criteria: Object.keys(knowledge.criteria) });

/** Answers files: one key per question of the table, values from its choices. */
export function answersSchema(questions: readonly Question[], ids?: KnowledgeIds): Schema {
  const properties: Schema = {};
  for (const question of questions) properties[question.key] = answerSchema(question, ids);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'genai-advisor answers file',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

export function answerSchema(question: Question, ids?: KnowledgeIds): Schema {
  switch (question.kind) {
    case 'preset':
      return ids ? { enum: ids.presets } : { type: 'string', pattern: ID };
    case 'choice':
      return { enum: (question.choices ?? []).map((c) => c.value) };
    case 'multi':
      return { type: 'array', minItems: 1, uniqueItems: true, items: { enum: (question.choices ?? []).map((c) => c.value) } };
    case 'boolean':
      return { type: 'boolean' };
    case 'priorities':
      return {
        type: 'object',
        propertyNames: ids ? { enum: ids.criteria } : { pattern: ID },
        additionalProperties: { enum: [...LEVELS] },
      };
  }
}
