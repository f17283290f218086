/**
 * JSON Schema (draft-07) for one governance checklist item, as written in
 * knowledge/governance.yaml or in an overlay's `governance:` list.
 *
 * The schema carries its own `$id`, so its internal `#/definitions/...` references keep
 * resolving when it is embedded inside a larger schema (for example as `items` of the
 * overlay's `governance` array).
 */
import { FAMILY_IDS } from './types.js';

export const GOVERNANCE_AREAS = [
  'transparency',
  'privacy',
  'security',
  'fairness',
  'human-oversight',
  'regulatory',
  'provenance',
  'operations',
  'value',
  'safety',
] as const;

export const FRAMEWORKS = ['NIST AI 600-1', 'EU AI Act', 'OWASP LLM Top 10', 'ISO/IEC 42001'] as const;

/** The clause-id pattern of each framework. */
export const REFERENCE_ID_PATTERNS: Record<(typeof FRAMEWORKS)[number], string> = {
  'NIST AI 600-1': '^((GV|MP|MS|MG)-\\d+\\.\\d+-\\d{3}|Risk \\d+: .+)$',
  'EU AI Act': '^(Art\\. \\d+(\\(\\d+\\))?(\\([a-z]\\))?|Annex [IVX]+(\\(\\d+\\))?)$',
  'OWASP LLM Top 10': '^LLM(0[1-9]|10):2025$',
  'ISO/IEC 42001': '^A\\.\\d+(\\.\\d+)?$',
};

const PROFILE_VALUES: Record<string, readonly string[]> = {
  modality: ['text', 'code', 'image', 'audio', 'video', 'tabular', 'time-series', '3d', 'multimodal'],
  task: ['generate', 'edit', 'conversation', 'anomaly-detection', 'synthetic-data', 'density-estimation'],
  latency: ['realtime', 'interactive', 'batch'],
  data: ['scarce', 'moderate', 'abundant'],
  compute: ['low', 'medium', 'high'],
  sector: [
    'general',
    'healthcare',
    'finance',
    'legal',
    'education',
    'employment',
    'public-sector',
    'critical-infrastructure',
    'media',
  ],
  family: FAMILY_IDS,
};

const BOOLEAN_KEYS = ['customer_facing', 'sensitive_data', 'synthetic_media', 'high_stakes', 'human_review'];

function oneOrMany(values: readonly string[]) {
  const one = { type: 'string', enum: [...values] };
  return { anyOf: [one, { type: 'array', items: one, minItems: 1 }] };
}

const leafProperties: Record<string, unknown> = {};
for (const [key, values] of Object.entries(PROFILE_VALUES)) leafProperties[key] = oneOrMany(values);
for (const key of BOOLEAN_KEYS) {
  leafProperties[key] = { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'boolean' }, minItems: 1 }] };
}

const nonEmptyString = { type: 'string', minLength: 1 };

export const governanceItemSchema = {
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
    area: { type: 'string', enum: [...GOVERNANCE_AREAS] },
    title: nonEmptyString,
    why: nonEmptyString,
    actions: { type: 'array', minItems: 1, items: nonEmptyString },
    evidence: { type: 'array', minItems: 1, items: nonEmptyString },
    severity: { type: 'string', enum: ['required', 'recommended'] },
    when: { $ref: '#/definitions/condition' },
    escalate_when: { $ref: '#/definitions/condition' },
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
      properties: leafProperties,
    },
    reference: {
      type: 'object',
      additionalProperties: false,
      required: ['framework', 'id', 'edition'],
      properties: {
        framework: { type: 'string', enum: [...FRAMEWORKS] },
        id: nonEmptyString,
        edition: nonEmptyString,
      },
      allOf: FRAMEWORKS.map((framework) => ({
        if: { properties: { framework: { const: framework } }, required: ['framework'] },
        then: { properties: { id: { type: 'string', pattern: REFERENCE_ID_PATTERNS[framework] } } },
      })),
    },
  },
};
