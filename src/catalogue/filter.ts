/**
 * The model catalogue as a list to search: filters, licence matching and lookups by id. Pure;
 * the catalogue itself is knowledge (knowledge/models.yaml plus overlays).
 */
import { UsageError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { LICENSE_CATEGORIES, type CatalogueModel, type FamilyId, type HostingOption, type Knowledge, type LicenseCategory, type ModelStatus } from '../knowledge/types.js';
import { hostingOn, statusOn } from './lifecycle.js';

export interface ModelFilter {
  family?: FamilyId;
  modality?: string;
  task?: string;
  /** A licence category (`permissive`, …) or a licence name, compared case-insensitively. */
  license?: string;
  hosting?: HostingOption;
  openWeights?: boolean;
  /** The day statuses and hosting routes are judged on; the entries' own statuses without it. */
  today?: string;
  /** The statuses (as of today) to keep; active and deprecated when absent: retired models only on request. */
  statuses?: readonly ModelStatus[];
}

export const CURRENT: readonly ModelStatus[] = ['active', 'deprecated'];

export const isLicenseCategory = (value: string): value is LicenseCategory => (LICENSE_CATEGORIES as readonly string[]).includes(value.toLowerCase());

/** Whether a licence name matches an allowed licence or licence category, case-insensitively. */
export function licenseAllowed(license: string, category: LicenseCategory | undefined, allowed: string): boolean {
  const wanted = allowed.toLowerCase();
  if (isLicenseCategory(wanted)) return category === wanted;
  return license.toLowerCase() === wanted;
}

/** Whether the catalogue lists this way of hosting the model (still open on `today`, when given). */
export const hostableAs = (model: CatalogueModel, hosting: string, today?: string) => (hostingOn(model, today) as readonly string[]).includes(hosting);

/** Whether a declared licence is the model's own; a bare category is not contradicted by the catalogue. */
export const licenseMatches = (model: CatalogueModel, license: string) => isLicenseCategory(license) || license.toLowerCase() === model.license.toLowerCase();

/** The model's architecture belongs to the family. */
export const inFamily = (model: CatalogueModel, family: FamilyId) => model.families.includes(family);

/** The family the catalogue files the model under: the one doing the decisive work. */
export const primaryFamily = (model: CatalogueModel): FamilyId => model.families[0]!;

export function matches(model: CatalogueModel, filter: ModelFilter): boolean {
  if (!(filter.statuses ?? CURRENT).includes(statusOn(model, filter.today))) return false;
  if (filter.family !== undefined && !inFamily(model, filter.family)) return false;
  if (filter.modality !== undefined && !model.modalities.includes(filter.modality)) return false;
  if (filter.task !== undefined && !model.tasks.includes(filter.task)) return false;
  if (filter.hosting !== undefined && !hostableAs(model, filter.hosting, filter.today)) return false;
  if (filter.openWeights !== undefined && model.open_weights !== filter.openWeights) return false;
  if (filter.license !== undefined && !licenseAllowed(model.license, model.license_category, filter.license)) return false;
  return true;
}

/** The models that pass the filter, in catalogue order. */
export function filterModels(models: readonly CatalogueModel[], filter: ModelFilter): CatalogueModel[] {
  return models.filter((model) => matches(model, filter));
}

/** A model by id, or by its exact name, case-insensitively. */
export function findModel(knowledge: Pick<Knowledge, 'models'>, idOrName: string): CatalogueModel | undefined {
  const needle = idOrName.trim().toLowerCase();
  return knowledge.models.find((m) => m.id === needle) ?? knowledge.models.find((m) => m.name.toLowerCase() === needle);
}

/** Every licence name in the catalogue, once, in catalogue order. */
export const licenseNames = (models: readonly CatalogueModel[]) => [...new Set(models.map((m) => m.license))];

/**
 * How well a model that serves the need fits it, for ordering (higher first): filed under the
 * family, then still active (a deprecated one is on its way out), made for this modality
 * rather than also serving it, and newer.
 */
function fitKey(model: CatalogueModel, family: FamilyId, modality: string, today: string | undefined): Array<number | string> {
  return [Number(primaryFamily(model) === family), Number(statusOn(model, today) === 'active'), Number(model.modalities[0] === modality), model.released ?? ''];
}

function byFit(a: Array<number | string>, b: Array<number | string>): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? -1 : 1;
  return 0;
}

/**
 * Up to `limit` models of a family, current on `today`, that serve the modality and task and
 * meet the constraints (hosting, licence, open weights), best fit first; ties keep catalogue order.
 */
export function examplesFor(models: readonly CatalogueModel[], family: FamilyId, need: { modality: string; task: string }, constraints: Pick<ModelFilter, 'hosting' | 'license' | 'openWeights' | 'today'> = {}, limit = 3): CatalogueModel[] {
  const fitting = filterModels(models, { ...constraints, family, modality: need.modality, task: need.task });
  const keyed = fitting.map((model) => ({ model, key: fitKey(model, family, need.modality, constraints.today) }));
  return keyed.sort((a, b) => byFit(a.key, b.key)).slice(0, limit).map((k) => k.model);
}

/**
 * A licence filter must name a category or a licence some model has: a typo would otherwise
 * silently match nothing. Returns the value as the catalogue spells it.
 */
export function checkLicenseFilter(value: string, knowledge: Pick<Knowledge, 'models'>): string {
  const names = licenseNames(knowledge.models);
  const known = [...LICENSE_CATEGORIES, ...names];
  const match = known.find((k) => k.toLowerCase() === value.trim().toLowerCase());
  if (match !== undefined) return match;
  // Licence names are long ("Apache-2.0"): a typed beginning is the likelier mistake.
  const start = value.trim().length >= 3 ? known.find((k) => k.toLowerCase().startsWith(value.trim().toLowerCase())) : undefined;
  throw new UsageError(
    `no model in the catalogue has the licence "${value}".${start !== undefined ? ` Did you mean "${start}"?` : didYouMean(value, known)}`,
    `use a licence category (${LICENSE_CATEGORIES.join(', ')}) or a licence name from \`genai-advisor models\``,
  );
}
