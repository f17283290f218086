/**
 * `models` as a query: the filters a door was given (the CLI's flags, the MCP tool's
 * arguments), checked against the knowledge, and the catalogue entries that pass them.
 */
import type { AppliedFilters } from '../render/models-json.js';
import { familyId } from '../knowledge/family-name.js';
import type { CatalogueModel, HostingOption, Knowledge } from '../knowledge/types.js';
import { checkLicenseFilter, filterModels, type ModelFilter } from './filter.js';

export interface ModelQuery {
  family?: string;
  modality?: string;
  task?: string;
  license?: string;
  hosting?: HostingOption;
  openWeights?: boolean;
}

/** The models that pass, retired ones last, and the filters as applied (family and licence as the catalogue spells them). */
export function queryModels(knowledge: Knowledge, query: ModelQuery): { models: CatalogueModel[]; filters: AppliedFilters } {
  const filter: ModelFilter = { includeRetired: true };
  const applied: AppliedFilters = {};
  if (query.family !== undefined) applied.family = filter.family = familyId(query.family, knowledge);
  if (query.modality !== undefined) applied.modality = filter.modality = query.modality;
  if (query.task !== undefined) applied.task = filter.task = query.task;
  if (query.license !== undefined) applied.license = filter.license = checkLicenseFilter(query.license, knowledge);
  if (query.hosting !== undefined) applied.hosting = filter.hosting = query.hosting;
  if (query.openWeights !== undefined) applied.openWeights = filter.openWeights = query.openWeights;
  // Retired models last (a stable sort keeps catalogue order otherwise): current ones matter more.
  const models = filterModels(knowledge.models, filter).sort((a, b) => Number(a.retired === true) - Number(b.retired === true));
  return { models, filters: applied };
}
