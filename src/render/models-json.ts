import { daysLeft, hostingOn, statusOn } from '../catalogue/lifecycle.js';
import type { CatalogueModel, Knowledge } from '../knowledge/types.js';
import type { ModelEntryDocument, ModelsDocument } from '../schemas/models-document.js';

/** What a list of models was filtered by, as the flags said it (only the ones given). */
export type AppliedFilters = ModelsDocument['filters'];

/**
 * One catalogue entry as documents show it: camelCase keys, absent fields left out. `status`
 * is as of `today`; `declaredStatus` is the entry's own, where the date has overtaken it.
 */
export function modelEntry(model: CatalogueModel, today: string): ModelEntryDocument {
  const status = statusOn(model, today);
  const left = daysLeft(model, today);
  return {
    id: model.id,
    name: model.name,
    vendor: model.vendor,
    family: model.families[0]!,
    families: model.families,
    ...(model.family_note !== undefined ? { familyNote: model.family_note } : {}),
    modalities: model.modalities,
    tasks: model.tasks,
    license: model.license,
    licenseCategory: model.license_category,
    commercialUse: model.commercial_use,
    ...(model.commercial_note !== undefined ? { commercialNote: model.commercial_note } : {}),
    openWeights: model.open_weights,
    hosting: model.hosting,
    hostingToday: hostingOn(model, today),
    ...(model.released !== undefined ? { released: model.released } : {}),
    status,
    ...(status !== model.status ? { declaredStatus: model.status } : {}),
    ...(model.shutdown !== undefined ? { shutdown: model.shutdown } : {}),
    ...(left !== undefined ? { daysLeft: left } : {}),
    ...(model.replacement !== undefined ? { replacement: model.replacement } : {}),
    ...(model.routes !== undefined ? { routes: model.routes.map((r) => ({ ...r, status: statusOn(r, today) })) } : {}),
    ...(model.verified !== undefined ? { verified: model.verified } : {}),
    sources: model.sources ?? [],
    ...(model.note !== undefined ? { note: model.note } : {}),
  };
}

/** `genai-advisor models --format json|yaml`. */
export function modelsDocument(knowledge: Knowledge, models: readonly CatalogueModel[], filters: AppliedFilters, today: string, tool: { name: string; version: string }): ModelsDocument {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    ...(knowledge.as_of !== undefined ? { asOf: knowledge.as_of } : {}),
    today,
    filters,
    count: models.length,
    models: models.map((m) => modelEntry(m, today)),
  };
}
