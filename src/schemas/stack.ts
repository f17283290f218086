/**
 * The stack file (`genai-stack.yaml`, version 1). The same schema validates files in `check`
 * and `init`, is printed by `knowledge schema --which stack`, and is what editors load through
 * the `# yaml-language-server: $schema=…` line that `init` writes.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { answersSchema, type KnowledgeIds } from './answers.js';
import { Closed, documentOptions, Id, IsoDate, MapOf, OneOf, Text, Type, type Static } from './common.js';
import { POLICY_DEFAULTS, STATUSES } from '../check/schema.js';
import { HOSTING_OPTIONS } from '../knowledge/types.js';


const described = (description: string) => Text({ description });

const statusSchema = () =>
  Closed(
    {
      status: OneOf(STATUSES, { description: 'done, planned or not-applicable' }),
      evidence: Type.Optional(Type.Unsafe<string | string[]>({ type: ['string', 'array'], items: { type: 'string' }, description: 'for done: a link, path or ticket that shows the item was done' })),
      due: Type.Optional(IsoDate({ description: 'for planned: the date it will be done (YYYY-MM-DD)' })),
      reason: Type.Optional(Type.String({ description: 'for not-applicable: why the item does not apply' })),
      owner: Type.Optional(described('who is responsible for the item')),
    },
    { description: 'done (needs evidence), planned (needs due) or not-applicable (needs reason)' },
  );

/** `policy`: every key optional in the file; POLICY_DEFAULTS fills the rest (ResolvedPolicy). */
export function policySchema(familyIds: readonly string[]) {
  const d: Record<string, unknown> = POLICY_DEFAULTS;
  return Type.Partial(
    Closed(
      {
        max_rank: Type.Integer({ minimum: 1, maximum: familyIds.length, description: `the chosen family must be among the top N eligible families (default ${d.max_rank})` }),
        min_score: Type.Number({ minimum: 0, maximum: 100, description: `the chosen family must score at least this (default ${d.min_score})` }),
        max_gap: Type.Number({ minimum: 0, maximum: 100, description: `the chosen family must be within N points of the best (default ${d.max_gap})` }),
        require_checklist: Type.Boolean({ description: 'every applicable checklist item needs a status (default true)' }),
        recommended_missing: OneOf(['warning', 'error'] as const, { description: `the level of a recommended item without a status (default ${d.recommended_missing})` }),
        allowed_hosting: Type.Array(OneOf(HOSTING_OPTIONS), { uniqueItems: true, description: 'hosting a choice may use (default: all)' }),
        allowed_licenses: Type.Array(Type.String({ minLength: 1 }), {
          description: 'licences a choice may use, by name (compared case-insensitively) or by category: permissive, copyleft, open-weights-restricted, proprietary (default: any)',
        }),
      },
      { description: 'what every use case must satisfy; any key left out takes its default' },
    ),
  );
}

/** The policy a stack is judged by: its own keys over POLICY_DEFAULTS. */
export type Policy = Required<Static<ReturnType<typeof policySchema>>>;

function useCaseSchema({ questions, familyIds }: Vocabulary, ids?: KnowledgeIds) {
  const { $schema: _ignored, title: _title, ...profile } = answersSchema(questions, ids);
  return Closed({
    id: Id({ description: 'unique id: lowercase letters, digits and dashes' }),
    description: Type.Optional(described('what the use case does')),
    owner: Type.Optional(described('who owns the use case')),
    profile: Type.Unsafe<Static<ReturnType<typeof answersSchema>>>({ ...profile, description: 'the answers that describe the use case (answers-file keys; use_case names a preset)' }),
    choice: Closed(
      {
        family: OneOf(familyIds, { description: 'the model family' }),
        vendor: Type.Optional(described('vendor or provider (free text)')),
        model: Type.Optional(described('the model: a catalogue id or name (`genai-advisor models`), verified by the vendor/model-* rules; other names get an info')),
        hosting: Type.Optional(OneOf(HOSTING_OPTIONS, { description: "api, self-hosted or on-device (default: the catalogued model's options)" })),
        license: Type.Optional(described("licence, matched against policy.allowed_licenses (default: the catalogued model's)")),
      },
      { description: 'what the team chose' },
    ),
    governance: Type.Optional(MapOf(statusSchema(), undefined, { description: 'checklist item id → status' })),
    decided_with: Type.Optional(
      Closed(
        {
          knowledge_sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'knowledge.sha256 from `genai-advisor --format json`' }),
          knowledge_version: Type.Optional(described('knowledge.version at the time')),
          family: Type.Optional(OneOf(familyIds, { description: 'the family ranked first at the time (default: choice.family)' })),
          date: Type.Optional(IsoDate({ description: 'when the decision was made (YYYY-MM-DD)' })),
        },
        { description: 'the knowledge the decision was made with; check warns (knowledge/drift) when newer knowledge ranks another family first' },
      ),
    ),
  });
}

/** The stack-file schema for a vocabulary; with ids, it lists the presets and criteria (see KnowledgeIds). */
export function stackSchema(vocabulary: Vocabulary, ids?: KnowledgeIds) {
  return Closed(
    {
      version: OneOf([1] as const, { description: 'the stack-file format version' }),
      policy: Type.Optional(policySchema(vocabulary.familyIds)),
      use_cases: Type.Array(useCaseSchema(vocabulary, ids), { description: 'one entry per generative-AI use case' }),
    },
    documentOptions('genai-advisor stack file (genai-stack.yaml)'),
  );
}

export type StackFile = Static<ReturnType<typeof stackSchema>>;
