/**
 * The stack file (`genai-stack.yaml`, version 1) as a JSON Schema (draft-07). The same schema
 * validates files in `check` and `init`, is printed by `knowledge schema`, and is what editors
 * load through the `# yaml-language-server: $schema=…` line that `init` writes.
 */
import { answersSchema, type KnowledgeIds } from '../knowledge/schema.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { HOSTING_OPTIONS, type HostingOption } from '../knowledge/types.js';

export const HOSTING = HOSTING_OPTIONS;
export type Hosting = HostingOption;

export const STATUSES = ['done', 'planned', 'not-applicable'] as const;
export type Status = (typeof STATUSES)[number];

/** The contract's policy defaults: what applies when a stack file sets no `policy`. */
export const POLICY_DEFAULTS = {
  max_rank: 2,
  min_score: 50,
  max_gap: 15,
  require_checklist: true,
  /** The level of a recommended item without a status (governance/missing-recommended). */
  recommended_missing: 'warning' as 'warning' | 'error',
  allowed_hosting: [...HOSTING] as string[],
  allowed_licenses: [] as string[],
};
export type Policy = typeof POLICY_DEFAULTS;

/** What `check` and `init` read and write when no stack file is named. */
export const DEFAULT_STACK_FILE = 'genai-stack.yaml';

/** Where the published package serves the schema; the file itself is `knowledge schema --which stack`. */
export const STACK_SCHEMA_FILE = 'schemas/genai-stack.schema.json';
export const STACK_SCHEMA_URL = `https://unpkg.com/genai-advisor/${STACK_SCHEMA_FILE}`;

const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** A use-case id: lowercase letters, digits and single dashes. */
export const USE_CASE_ID = new RegExp(ID);
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
type Schema = Record<string, unknown>;
const text = (description: string): Schema => ({ type: 'string', minLength: 1, description });

const statusSchema: Schema = {
  type: 'object',
  description: 'done (needs evidence), planned (needs due) or not-applicable (needs reason)',
  properties: {
    status: { enum: [...STATUSES], description: 'done, planned or not-applicable' },
    evidence: {
      type: ['string', 'array'],
      items: { type: 'string' },
      description: 'for done: a link, path or ticket that shows the item was done',
    },
    due: { type: 'string', pattern: DATE, description: 'for planned: the date it will be done (YYYY-MM-DD)' },
    reason: { type: 'string', description: 'for not-applicable: why the item does not apply' },
    owner: text('who is responsible for the item'),
  },
  required: ['status'],
  additionalProperties: false,
};

function policySchema(familyIds: readonly string[]): Schema {
  return {
    type: 'object',
    description: 'what every use case must satisfy; any key left out takes its default',
    properties: {
      max_rank: { type: 'integer', minimum: 1, maximum: familyIds.length, description: `the chosen family must be among the top N eligible families (default ${POLICY_DEFAULTS.max_rank})` },
      min_score: { type: 'number', minimum: 0, maximum: 100, description: `the chosen family must score at least this (default ${POLICY_DEFAULTS.min_score})` },
      max_gap: { type: 'number', minimum: 0, maximum: 100, description: `the chosen family must be within N points of the best (default ${POLICY_DEFAULTS.max_gap})` },
      require_checklist: { type: 'boolean', description: 'every applicable checklist item needs a status (default true)' },
      recommended_missing: {
        enum: ['warning', 'error'],
        description: `the level of a recommended item without a status (default ${POLICY_DEFAULTS.recommended_missing})`,
      },
      allowed_hosting: { type: 'array', items: { enum: [...HOSTING] }, uniqueItems: true, description: 'hosting a choice may use (default: all)' },
      allowed_licenses: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'licences a choice may use, by name (compared case-insensitively) or by category: permissive, copyleft, open-weights-restricted, proprietary (default: any)' },
    },
    additionalProperties: false,
  };
}

function useCaseSchema({ questions, familyIds }: Vocabulary, ids?: KnowledgeIds): Schema {
  const { $schema: _ignored, title: _title, ...profile } = answersSchema(questions, ids);
  return {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: ID, description: 'unique id: lowercase letters, digits and dashes' },
      description: text('what the use case does'),
      owner: text('who owns the use case'),
      profile: { ...profile, description: 'the answers that describe the use case (answers-file keys; use_case names a preset)' },
      choice: {
        type: 'object',
        description: 'what the team chose',
        properties: {
          family: { enum: [...familyIds], description: 'the model family' },
          vendor: text('vendor or provider (free text)'),
          model: text('the model: a catalogue id or name (`genai-advisor models`), verified by the vendor/model-* rules; other names get an info'),
          hosting: { enum: [...HOSTING], description: "api, self-hosted or on-device (default: the catalogued model's options)" },
          license: text("licence, matched against policy.allowed_licenses (default: the catalogued model's)"),
        },
        required: ['family'],
        additionalProperties: false,
      },
      governance: {
        type: 'object',
        description: 'checklist item id → status',
        propertyNames: { pattern: ID },
        additionalProperties: statusSchema,
      },
      decided_with: {
        type: 'object',
        description: 'the knowledge the decision was made with; check warns (knowledge/drift) when newer knowledge ranks another family first',
        properties: {
          knowledge_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'knowledge.sha256 from `genai-advisor --format json`' },
          knowledge_version: text('knowledge.version at the time'),
          family: { enum: [...familyIds], description: 'the family ranked first at the time (default: choice.family)' },
          date: { type: 'string', pattern: DATE, description: 'when the decision was made (YYYY-MM-DD)' },
        },
        required: ['knowledge_sha256'],
        additionalProperties: false,
      },
    },
    required: ['id', 'profile', 'choice'],
    additionalProperties: false,
  };
}

/** The stack-file schema for a vocabulary; with ids, it lists the presets and criteria (see KnowledgeIds). */
export function stackSchema(vocabulary: Vocabulary, ids?: KnowledgeIds): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'genai-advisor stack file (genai-stack.yaml)',
    type: 'object',
    properties: {
      version: { enum: [1], description: 'the stack-file format version' },
      policy: policySchema(vocabulary.familyIds),
      use_cases: { type: 'array', items: useCaseSchema(vocabulary, ids), description: 'one entry per generative-AI use case' },
    },
    required: ['version', 'use_cases'],
    additionalProperties: false,
  };
}
