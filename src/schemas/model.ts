/**
 * One entry of the model catalogue (knowledge/models.yaml, or an overlay's `models:`). A new
 * catalogue field goes here once: its schema gives the validator, the published schema and
 * the CatalogueModel type; models-document.ts says how `models --format json` shows it.
 */
import type { FamilyId } from '../knowledge/family-id.js';
import { Closed, Id, OneOf, Text, Type, type Static } from './common.js';

// The fixed lists are values the engine reads at run time: they stay out of this module, so
// that using them loads no TypeBox.
import { HOSTING_OPTIONS, LICENSE_CATEGORIES } from '../knowledge/types.js';

const Source = () => Type.String({ pattern: '^https://\\S+$' });
const IdList = () => Type.Array(Id(), { minItems: 1, uniqueItems: true });

/** Every field; the optional ones are optional in every variant. */
function modelProperties(familyIds: readonly string[]) {
  const family = OneOf<FamilyId>(familyIds as FamilyId[]);
  return {
    id: Id(),
    name: Text(),
    vendor: Text(),
    /** The family id the catalogue files the model under: the one doing the decisive work. */
    family,
    /** Other families the architecture also belongs to (an LLM is an autoregressive transformer). */
    also: Type.Optional(Type.Array(family, { uniqueItems: true })),
    /** Why the model is filed where it is, when its architecture spans families. */
    family_note: Type.Optional(Text()),
    modalities: IdList(),
    tasks: IdList(),
    /** An SPDX id where one exists, else the licence's own name ("proprietary" for closed services). */
    license: Text(),
    license_category: OneOf(LICENSE_CATEGORIES),
    /** Weights can be downloaded, or are produced on your own machines by released training code. */
    open_weights: Type.Boolean(),
    hosting: Type.Array(OneOf(HOSTING_OPTIONS), { minItems: 1, uniqueItems: true }),
    /** YYYY-MM or YYYY-MM-DD. */
    released: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$' })),
    source: Type.Optional(Source()),
    note: Type.Optional(Text()),
    retired: Type.Optional(Type.Boolean()),
    successor: Type.Optional(Id()),
  };
}

/** A merged catalogue entry: what every model needs once overlays are merged. */
export const catalogueModelSchema = (familyIds: readonly string[]) => Closed(modelProperties(familyIds));

/**
 * One catalogue entry as a file writes it. Built-in entries must be complete and cite a
 * source; an overlay entry may patch an existing model by id, so only its id is required
 * there (a new one is checked for completeness after the merge, against MODEL_FIELDS).
 */
export function modelSchema(strict: boolean, familyIds: readonly string[]) {
  const properties = modelProperties(familyIds);
  if (strict) return Closed({ ...properties, source: Source() });
  return Closed({ ...Type.Partial(Closed(properties)).properties, id: properties.id });
}

/** What every model needs once overlays are merged (built-in entries also need a source). */
export const MODEL_FIELDS = catalogueModelSchema([]).required.filter((key) => key !== 'id') as Array<Exclude<keyof CatalogueModel, 'id'>>;

export type CatalogueModel = Static<ReturnType<typeof catalogueModelSchema>>;
