import type { CatalogueModel, Knowledge } from '../knowledge/types.js';
import type { ModelEntryDocument, ModelsDocument } from '../schemas/models-document.js';

/** What a list of models was filtered by, as the flags said it (only the ones given). */
export type AppliedFilters = ModelsDocument['filters'];

/** One catalogue entry as documents show it: camelCase keys, absent fields left out. */
export function modelEntry(model: CatalogueModel): ModelEntryDocument {
  return {
    id: model.id,
    name: model.name,
    vendor: model.vendor,
    family: model.family,
    ...(model.also?.length ? { also: model.also } : {}),
    ...(model.family_note !== undefined ? { familyNote: model.family_note } : {}),
    modalities: model.modalities,
    tasks: model.tasks,
    license: model.license,
    licenseCategory: model.license_category,
    openWeights: model.open_weights,
    hosting: model.hosting,
    ...(model.released !== undefined ? { released: model.released } : {}),
    ...(model.source !== undefined ? { source: model.source } : {}),
    ...(model.note !== undefined ? { note: model.note } : {}),
    ...(model.retired ? { retired: true } : {}),
    ...(model.successor !== undefined ? { successor: model.successor } : {}),
  };
}

/** `genai-advisor models --format json|yaml`. */
export function modelsDocument(knowledge: Knowledge, models: readonly CatalogueModel[], filters: AppliedFilters, tool: { name: string; version: string }): ModelsDocument {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    ...(knowledge.as_of !== undefined ? { asOf: knowledge.as_of } : {}),
    filters,
    count: models.length,
    models: models.map(modelEntry),
  };
}
