/**
 * `models --format json|yaml` (schemaVersion 1): the catalogue entries a filter selected,
 * with camelCase keys. Rendered by src/render/models-json.ts, published as
 * schemas/models.schema.json. A field added to the catalogue (model.ts) that the document
 * shows is added here too, in camelCase.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, documentOptions, Id, IsoDate, OneOf, Text, Type, type Static } from './common.js';
import { FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';
import { COMMERCIAL_USES, HOSTING_OPTIONS, LICENSE_CATEGORIES, MODEL_STATUSES } from '../knowledge/types.js';

export function ModelEntry(familyIds: readonly string[]) {
  const family = FamilyRef(familyIds);
  const status = OneOf(MODEL_STATUSES);
  return Closed({
    id: Id(),
    name: Text(),
    vendor: Text(),
    /** The first of `families`: the one doing the decisive work. */
    family,
    families: Type.Array(family),
    familyNote: Type.Optional(Text()),
    modalities: Type.Array(Id()),
    tasks: Type.Array(Id()),
    license: Text(),
    licenseCategory: OneOf(LICENSE_CATEGORIES),
    commercialUse: OneOf(COMMERCIAL_USES),
    commercialNote: Type.Optional(Text()),
    openWeights: Type.Boolean(),
    hosting: Type.Array(OneOf(HOSTING_OPTIONS)),
    /** The ways it can still be hosted on `today` (a route whose shutdown has come is gone). */
    hostingToday: Type.Array(OneOf(HOSTING_OPTIONS)),
    released: Type.Optional(Type.String()),
    /** As of the document's `today`. */
    status,
    /** The entry's own status, where the date has overtaken it. */
    declaredStatus: Type.Optional(status),
    shutdown: Type.Optional(IsoDate()),
    daysLeft: Type.Optional(Type.Integer({ minimum: 0 })),
    replacement: Type.Optional(Id()),
    routes: Type.Optional(
      Type.Array(Closed({ hosting: OneOf(HOSTING_OPTIONS), name: Type.Optional(Text()), status, shutdown: Type.Optional(IsoDate()), replacement: Type.Optional(Id()), note: Type.Optional(Text()) })),
    ),
    verified: Type.Optional(IsoDate()),
    sources: Type.Array(Type.String()),
    note: Type.Optional(Text()),
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
      status: Type.String(),
    }),
  );

export function modelsDocumentSchema(vocabulary: Pick<Vocabulary, 'familyIds'>) {
  return Closed(
    {
      schemaVersion: Type.Literal(1),
      tool: ToolInfo(),
      knowledge: KnowledgeStamp(),
      asOf: Type.Optional(IsoDate({ description: 'the date the catalogue was last audited' })),
      today: IsoDate({ description: 'the day statuses are judged on (--as-of, or the clock)' }),
      filters: AppliedFilters(),
      count: Type.Integer({ minimum: 0 }),
      models: Type.Array(ModelEntry(vocabulary.familyIds)),
    },
    documentOptions('genai-advisor models --format json (schemaVersion 1)'),
  );
}

export type ModelsDocument = Static<ReturnType<typeof modelsDocumentSchema>>;
export type ModelEntryDocument = Static<ReturnType<typeof ModelEntry>>;
