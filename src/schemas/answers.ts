/**
 * The answers file (and a stack file's `profile`): one key per question of the table in
 * knowledge/questions.yaml, its values from the question's choices. The keys come from the
 * data, so the schema is a function of the questions; its static type is Answers.
 */
import type { Answers, Knowledge, Question } from '../knowledge/types.js';
import { LEVELS } from '../knowledge/types.js';
import { DRAFT_07, ID, Type, type TSchema } from './common.js';

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
export function answersSchema(questions: readonly Question[], ids?: KnowledgeIds) {
  const properties: Record<string, TSchema> = {};
  for (const question of questions) properties[question.key] = answerSchema(question, ids);
  return Type.Unsafe<Answers>({
    $schema: DRAFT_07,
    title: 'genai-advisor answers file',
    type: 'object',
    properties,
    additionalProperties: false,
  });
}

export function answerSchema(question: Question, ids?: KnowledgeIds): TSchema {
  const values = (question.choices ?? []).map((c) => c.value);
  switch (question.kind) {
    case 'preset':
      return Type.Unsafe(ids ? { enum: ids.presets } : { type: 'string', pattern: ID });
    case 'choice':
      return Type.Unsafe({ enum: values });
    case 'multi':
      return Type.Unsafe({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: values } });
    case 'boolean':
      return Type.Unsafe({ type: 'boolean' });
    case 'priorities':
      return Type.Unsafe({ type: 'object', propertyNames: ids ? { enum: ids.criteria } : { pattern: ID }, additionalProperties: { enum: [...LEVELS] } });
  }
}
