/**
 * `check --format json|yaml` (schemaVersion 1): one file's result, or with several files the
 * run's totals and each file's result. Rendered by src/render/check-json.ts, published as
 * schemas/check.schema.json.
 */
import { RULE_IDS, type RuleId } from '../check/rules.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, documentOptions, Nullable, OneOf, Text, Type, type Static } from './common.js';
import { FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';
import { policySchema } from './stack.js';

const Count = () => Type.Integer({ minimum: 0 });

export const CheckSummary = () =>
  Closed({
    useCases: Count(),
    passed: Count(),
    failed: Count(),
    errors: Count(),
    warnings: Count(),
    notes: Type.Optional(Count()),
    omitted: Type.Optional(Count()),
  });

const Position = { line: Type.Integer({ minimum: 1 }), col: Type.Integer({ minimum: 1 }) };

export const Finding = () =>
  Closed({
    rule: OneOf<RuleId>(RULE_IDS, { typed: true }),
    level: OneOf(['error', 'warning', 'info'] as const),
    message: Text(),
    useCase: Type.String({ description: 'the id of the use case it concerns, as written' }),
    index: Type.Integer({ minimum: 0, description: 'its position in use_cases (0-based)' }),
    file: Text(),
    ...Position,
    fingerprint: Text({ description: 'stable across edits that move lines' }),
  });

export function UseCaseReport(familyIds: readonly string[]) {
  return Closed({
    id: Type.String(),
    index: Type.Integer({ minimum: 0 }),
    ...Position,
    description: Type.Optional(Type.String()),
    family: FamilyRef(familyIds),
    rank: Nullable(Type.Integer({ minimum: 1 })),
    score: Type.Number(),
    best: Nullable(Closed({ family: FamilyRef(familyIds), score: Type.Number() })),
    errors: Count(),
    warnings: Count(),
  });
}

/** The policy a result was judged by: the stack file's, every default filled in. */
export const ResolvedPolicy = (familyIds: readonly string[]) => Type.Required(policySchema(familyIds));

function fileFields(familyIds: readonly string[]) {
  return {
    file: Text(),
    ok: Type.Boolean(),
    policy: ResolvedPolicy(familyIds),
    summary: CheckSummary(),
    useCases: Type.Array(UseCaseReport(familyIds)),
    findings: Type.Array(Finding()),
  };
}

export function checkDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds'>) {
  const { familyIds } = vocabulary;
  const { file, ok, policy, summary, useCases, findings } = fileFields(familyIds);
  const head = { schemaVersion: Type.Literal(1), tool: ToolInfo(), knowledge: KnowledgeStamp() };
  const today = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the date plans were judged against' });
  const one = Closed({ ...head, file, ok, strict: Type.Boolean(), today, policy, summary, useCases, findings });
  const many = Closed({
    ...head,
    ok,
    strict: Type.Boolean(),
    today,
    summary: Closed({ files: Type.Integer({ minimum: 1 }), ...CheckSummary().properties }),
    files: Type.Array(Closed(fileFields(familyIds))),
  });
  return Type.Union([one, many], documentOptions('genai-advisor check --format json (schemaVersion 1): one file, or several files with their totals'));
}

export type CheckDocument = Static<ReturnType<typeof checkDocumentSchema>>;
export type CheckFileDocument = Extract<CheckDocument, { useCases: unknown }>;
export type CheckFilesDocument = Extract<CheckDocument, { files: unknown }>;
export type Finding = Static<ReturnType<typeof Finding>>;
export type UseCaseReport = Static<ReturnType<typeof UseCaseReport>>;
export type CheckSummary = Static<ReturnType<typeof CheckSummary>>;
