/**
 * `checklist --format json|yaml` (schemaVersion 1): the checklist with the profile and family
 * it was selected for. Rendered by src/render/checklist-document.ts, published as
 * schemas/checklist.schema.json.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { answersSchema, type KnowledgeIds } from './answers.js';
import { Closed, documentOptions, Nullable, Type, type Static } from './common.js';
import { ChecklistItem, FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';

export function checklistDocumentSchema(vocabulary: Vocabulary, ids?: KnowledgeIds) {
  const { $schema: _schema, title: _title, ...profile } = answersSchema(vocabulary.questions, ids);
  return Closed(
    {
      schemaVersion: Type.Literal(1),
      tool: ToolInfo(),
      knowledge: KnowledgeStamp(),
      profile: Type.Unsafe<Static<ReturnType<typeof answersSchema>>>(profile),
      family: Nullable(FamilyRef(vocabulary.familyIds)),
      checklist: Type.Array(ChecklistItem(vocabulary.areas.map((a) => a.id))),
    },
    documentOptions('genai-advisor checklist --format json (schemaVersion 1)'),
  );
}

export type ChecklistDocument = Static<ReturnType<typeof checklistDocumentSchema>>;
