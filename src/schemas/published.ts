/**
 * The JSON Schemas the package publishes (schemas/*.schema.json) and `knowledge schema --which
 * <name>` prints, for the knowledge in use: the files users write, then the documents the
 * CLI prints. One table, so the two never list different schemas.
 */
import type { Knowledge } from '../knowledge/types.js';
import { vocabularyOf } from '../knowledge/vocabulary.js';
import { answersSchema, idsOf } from './answers.js';
import { checkDocumentSchema } from './check-document.js';
import { checklistDocumentSchema } from './checklist-document.js';
import { knowledgeFileSchema } from './knowledge-file.js';
import { modelsDocumentSchema } from './models-document.js';
import type { PublishedSchema } from './names.js';
import { recommendDocumentSchema } from './recommend-document.js';
import { stackSchema } from './stack.js';

export function publishedSchema(name: PublishedSchema, knowledge: Knowledge): object {
  const vocabulary = vocabularyOf(knowledge);
  const ids = idsOf(knowledge);
  switch (name) {
    case 'overlay':
      return knowledgeFileSchema(false, vocabulary);
    case 'answers':
      return answersSchema(knowledge.questions, ids);
    case 'stack':
      return stackSchema(vocabulary, ids);
    case 'recommend':
      return recommendDocumentSchema(vocabulary, ids);
    case 'check':
      return checkDocumentSchema(vocabulary);
    case 'models':
      return modelsDocumentSchema(vocabulary);
    case 'checklist':
      return checklistDocumentSchema(vocabulary, ids);
  }
}

export { PUBLISHED_SCHEMAS, schemaFile, type PublishedSchema } from './names.js';
