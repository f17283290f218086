/**
 * JSON Schema (draft-07) for one governance checklist item, as written in
 * knowledge/governance.yaml or in an overlay's `governance:` list.
 *
 * The schema carries its own `$id`, so its internal `#/definitions/...` references keep
 * resolving when it is embedded inside a larger schema (for example as `items` of the
 * overlay's `governance` array).
 */
import { FAMILY_IDS, JURISDICTIONS } from './types.js';

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

export const FRAMEWORKS = [
  'NIST AI 600-1',
  'EU AI Act',
  'OWASP LLM Top 10',
  'ISO/IEC 42001',
  'GDPR',
  'UK GDPR',
  'ICO guidance',
  'DSM Directive',
  'Colorado AI Act',
  'NYC Local Law 144',
  'California law',
  'China AI rules',
  'Model Cards',
] as const;

const ARTICLE = '^Art\\. \\d+(\\(\\d+\\))?(\\([a-z]\\))?$';

/**
 * The clause-id pattern of each framework. Instruments cited as a whole (where a finer clause
 * could not be checked against the primary text) are a closed list, so no clause can be made up.
 */
export const REFERENCE_ID_PATTERNS: Record<(typeof FRAMEWORKS)[number], string> = {
  // Action ids (GV-1.3-007), AI RMF subcategories the profile's actions are grouped under (MANAGE 4.1), or risks.
  'NIST AI 600-1': '^((GV|MP|MS|MG)-\\d+\\.\\d+-\\d{3}|(GOVERN|MAP|MEASURE|MANAGE) \\d+\\.\\d+|Risk \\d+: .+)$',
  'EU AI Act': '^(Art\\. \\d+(\\(\\d+\\))?(\\([a-z]\\))?|Annex [IVX]+(\\(\\d+\\))?(\\([a-z]\\))?)$',
  'OWASP LLM Top 10': '^LLM(0[1-9]|10):2025$',
  'ISO/IEC 42001': '^A\\.\\d+(\\.\\d+)?$',
  GDPR: ARTICLE,
  'UK GDPR': ARTICLE,
  'ICO guidance': '^Guidance on AI and data protection$',
  'DSM Directive': ARTICLE,
  'Colorado AI Act': '^SB 24-205$',
  'NYC Local Law 144': '^Local Law 144 of 2021$',
  'California law': '^(AB 2013|SB 942)$',
  'China AI rules': '^(Deep Synthesis Provisions|Interim Measures for Generative AI Services|Measures for Labelling AI-Generated Synthetic Content|GB 45438-2025)$',
  'Model Cards': '^Mitchell et al\\. 2019$',
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
  model_role: ['use', 'fine-tune', 'train', 'release'],
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
