/**
 * Each tool's output schema: the schema of the document its command prints with --format json
 * (src/schemas/), for the knowledge in use. recommend and checklist may add `assumed`.
 */
import type { Knowledge } from '../knowledge/types.js';
import { vocabularyOf } from '../knowledge/vocabulary.js';
import { idsOf } from '../schemas/answers.js';
import { AssumedSchema } from '../schemas/assumed.js';
import { checkDocumentSchema } from '../schemas/check-document.js';
import { checklistDocumentSchema } from '../schemas/checklist-document.js';
import { Closed, Type, type TSchema } from '../schemas/common.js';
import { compareDocumentSchema, explainDocumentSchema } from '../schemas/families-document.js';
import { modelsDocumentSchema } from '../schemas/models-document.js';
import { recommendDocumentSchema } from '../schemas/recommend-document.js';
import { useCasesDocumentSchema } from '../schemas/use-cases-document.js';

export type OutputName = 'recommend' | 'checklist' | 'compare' | 'explain' | 'useCases' | 'models' | 'check';

/** A document's schema with `assumed` beside its own keys. */
function withAssumed<S extends TSchema & { properties: Record<string, TSchema> }>(document: S) {
  const { properties, type: _type, additionalProperties: _closed, required: _required, ...options } = document as S & Record<string, unknown>;
  return Closed({ ...properties, assumed: Type.Optional(AssumedSchema()) }, options);
}

export function outputSchemas(knowledge: Knowledge): Record<OutputName, object> {
  const vocabulary = vocabularyOf(knowledge);
  const ids = idsOf(knowledge);
  return {
    recommend: withAssumed(recommendDocumentSchema(vocabulary, ids)),
    checklist: withAssumed(checklistDocumentSchema(vocabulary, ids)),
    compare: compareDocumentSchema(vocabulary),
    explain: explainDocumentSchema(vocabulary),
    useCases: useCasesDocumentSchema(vocabulary),
    models: modelsDocumentSchema(vocabulary),
    // MCP asks for an object schema at the top; the check document is one of two objects.
    check: { type: 'object', ...checkDocumentSchema(vocabulary) },
  };
}
