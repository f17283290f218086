/**
 * `models --format json|yaml` (schemaVersion 1): the catalogue entries a filter selected,
 * with camelCase keys. Rendered by src/render/models-json.ts, published as
 * schemas/models.schema.json. A field added to the catalogue (model.ts) that the document
 * shows is added here too, in camelCase.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, documentOptions, Id, IsoDate, OneOf, Text, Type, type Static } from './common.js';
import { FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';
import { HOSTING_OPTIONS, LICENSE_CATEGORIES } from '../knowledge/types.js';

export function ModelEntry(familyIds: readonly string[]) {
  const family = FamilyRef(familyIds);
  return Closed({
    id: Id(),
    name: Text(),
    vendor: Text(),
    family,
    also: Type.Optional(Type.Array(family)),
    familyNote: Type.Optional(Text()),
    modalities: Type.Array(Id()),
    tasks: Type.Array(Id()),
    license: Text(),
    licenseCategory: OneOf(LICENSE_CATEGORIES),
    openWeights: Type.Boolean(),
    hosting: Type.Array(OneOf(HOSTING_OPTIONS)),
    released: Type.Optional(Type.String()),
    source: Type.Optional(Type.String()),
    note: Type.Optional(Text()),
    retired: Type.Optional(Type.Literal(true)),
    successor: Type.Optional(Id()),
  });
}

/** What a list of models was filtered by, as the flags said it (only the ones given). */
export const AppliedFilters = () =>
  Type.Partial(
    Closed({
      family: Type.String(),
      modality: Type.String(),
      task: Type.String(),
      license: Type.String(),
      hosting: Type.String(),
      openWeights: Type.Boolean(),
    }),
  );

export function modelsDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds'>) {
  return Closed(
    {
      schemaVersion: Type.Literal(1),
      tool: ToolInfo(),
      knowledge: KnowledgeStamp(),
      asOf: Type.Optional(IsoDate({ description: 'the date the catalogue describes the market as of' })),
      filters: AppliedFilters(),
      count: Type.Integer({ minimum: 0 }),
      models: Type.Array(ModelEntry(vocabulary.familyIds)),
    },
    documentOptions('genai-advisor models --format json (schemaVersion 1)'),
  );
}

export type ModelsDocument = Static<ReturnType<typeof modelsDocumentSchema>>;
export type ModelEntryDocument = Static<ReturnType<typeof ModelEntry>>;
