import type { CatalogueModel, FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import { examplesFor, type ModelFilter } from './filter.js';

/** What a user may demand of concrete models: `--hosting`, `--license` (name or category), `--open-weights`. */
export type ModelConstraints = Pick<ModelFilter, 'hosting' | 'license' | 'openWeights'>;

/** How many examples a recommended family names. */
export const EXAMPLES_PER_FAMILY = 3;

/** For each recommended family, up to three catalogue models current on `today` that serve the profile and meet the constraints, best fit first. */
export function modelExamples(knowledge: Pick<Knowledge, 'models'>, profile: Pick<Profile, 'modality' | 'task'>, families: readonly FamilyId[], today: string, constraints: ModelConstraints = {}): Partial<Record<FamilyId, CatalogueModel[]>> {
  const out: Partial<Record<FamilyId, CatalogueModel[]>> = {};
  // A knowledge base built in code (a library user's, a test's) may have no catalogue.
  for (const family of families) out[family] = examplesFor(knowledge.models ?? [], family, profile, { ...constraints, today }, EXAMPLES_PER_FAMILY);
  return out;
}
