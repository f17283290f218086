/**
 * `use-cases --format json|yaml` (schemaVersion 1): the presets and what each one sets.
 * Rendered by src/render/use-cases.ts; the MCP tool list_use_cases declares it as its output.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { answersSchema } from './answers.js';
import { Closed, documentOptions, Id, SourceKeys, Text, Type, type Static } from './common.js';
import { FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';

export function useCasesDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds' | 'questions'>) {
  const { $schema: _schema, title: _title, ...answers } = answersSchema(vocabulary.questions);
  return Closed(
    {
      schemaVersion: Type.Literal(1),
      tool: ToolInfo(),
      knowledge: KnowledgeStamp(),
      useCases: Type.Array(
        Closed({
          id: Id(),
          title: Text(),
          description: Text(),
          rationale: Type.Optional(Text()),
          seedFamilies: Type.Optional(Type.Array(FamilyRef(vocabulary.familyIds))),
          answers: Type.Unsafe<Static<ReturnType<typeof answersSchema>>>({ ...answers, description: 'the answers the preset sets (answers-file keys)' }),
          sources: Type.Optional(SourceKeys()),
        }),
      ),
    },
    documentOptions('genai-advisor use-cases --format json (schemaVersion 1)'),
  );
}

export type UseCasesDocument = Static<ReturnType<typeof useCasesDocumentSchema>>;
