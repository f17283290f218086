/**
 * `models` as a query: the filters a door was given (the CLI's flags, the MCP tool's
 * arguments), checked against the knowledge, and the catalogue entries that pass them on
 * `today`.
 */
import type { AppliedFilters } from '../render/models-json.js';
import { familyId } from '../knowledge/family-name.js';
import { MODEL_STATUSES, type CatalogueModel, type HostingOption, type Knowledge, type ModelStatus } from '../knowledge/types.js';
import { checkLicenseFilter, CURRENT, filterModels, type ModelFilter } from './filter.js';
import { statusOn } from './lifecycle.js';

export interface ModelQuery {
  family?: string;
  modality?: string;
  task?: string;
  license?: string;
  hosting?: HostingOption;
  openWeights?: boolean;
  /** Only models with these statuses on `today`; active and deprecated when absent. */
  status?: readonly ModelStatus[];
  /** Every status, retired included. */
  all?: boolean;
}

const STATUS_ORDER: Record<ModelStatus, number> = { active: 0, deprecated: 1, retired: 2 };

/** The models that pass on `today`, current ones first, and the filters as applied (family and licence as the catalogue spells them). */
export function queryModels(knowledge: Knowledge, query: ModelQuery, today: string): { models: CatalogueModel[]; filters: AppliedFilters } {
  const statuses = query.all ? MODEL_STATUSES : (query.status ?? CURRENT);
  const filter: ModelFilter = { today, statuses };
  const applied: AppliedFilters = {};
  if (query.family !== undefined) applied.family = filter.family = familyId(query.family, knowledge);
  if (query.modality !== undefined) applied.modality = filter.modality = query.modality;
  if (query.task !== undefined) applied.task = filter.task = query.task;
  if (query.license !== undefined) applied.license = filter.license = checkLicenseFilter(query.license, knowledge);
  if (query.hosting !== undefined) applied.hosting = filter.hosting = query.hosting;
  if (query.openWeights !== undefined) applied.openWeights = filter.openWeights = query.openWeights;
  if (query.all || query.status !== undefined) applied.status = statuses.join(',');
  // Current models first (a stable sort keeps catalogue order within a status).
  const models = filterModels(knowledge.models, filter).sort((a, b) => STATUS_ORDER[statusOn(a, today)] - STATUS_ORDER[statusOn(b, today)]);
  return { models, filters: applied };
}
