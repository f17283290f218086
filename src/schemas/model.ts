/**
 * One entry of the model catalogue (knowledge/models.yaml, or an overlay's `models:`). A new
 * catalogue field goes here once: its schema gives the validator, the published schema and
 * the CatalogueModel type; models-document.ts says how `models --format json` shows it.
 */
import type { FamilyId } from '../knowledge/family-id.js';
import { Closed, Id, OneOf, Text, Type, type Static } from './common.js';

// The fixed lists are values the engine reads at run time: they stay out of this module, so
// that using them loads no TypeBox.
import { COMMERCIAL_USES, HOSTING_OPTIONS, LICENSE_CATEGORIES, MODEL_STATUSES } from '../knowledge/types.js';

const Source = () => Type.String({ pattern: '^https://\\S+$' });
const IdList = () => Type.Array(Id(), { minItems: 1, uniqueItems: true });
/** Shaped like a date here; whether the day exists is checked after, with a located error. */
const Day = () => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Status = () => OneOf(MODEL_STATUSES);

/** A hosting route with a lifecycle of its own: the route ends while the model lives on (the whisper-1 API; the MIT weights stay). */
const Route = () =>
  Closed({
    hosting: OneOf(HOSTING_OPTIONS),
    /** Who offers the route, or its API id ("whisper-1"). */
    name: Type.Optional(Text()),
    status: Status(),
    shutdown: Type.Optional(Day()),
    replacement: Type.Optional(Id()),
    note: Type.Optional(Text()),
  });

/** Every field; the optional ones are optional in every variant. */
function modelProperties(familyIds: readonly string[]) {
  const family = OneOf<FamilyId>(familyIds as FamilyId[]);
  return {
    id: Id(),
    name: Text(),
    vendor: Text(),
    /** The families the architecture belongs to, the one doing the decisive work first (an LLM is [transformer, autoregressive]; rectified flow is [diffusion, flow, ...]). */
    families: Type.Array(family, { minItems: 1, uniqueItems: true }),
    /** Why the model is filed where it is, when its architecture spans families. */
    family_note: Type.Optional(Text()),
    modalities: IdList(),
    tasks: IdList(),
    /** An SPDX id where one exists, else the vendor's named terms ("proprietary" for closed services). */
    license: Text(),
    license_category: OneOf(LICENSE_CATEGORIES),
    /** Whether the licence lets you use the model commercially; commercial_note says how far. */
    commercial_use: OneOf(COMMERCIAL_USES),
    commercial_note: Type.Optional(Text()),
    /** Weights can be downloaded, or are produced on your own machines by released training code. */
    open_weights: Type.Boolean(),
    hosting: Type.Array(OneOf(HOSTING_OPTIONS), { minItems: 1, uniqueItems: true }),
    /** YYYY-MM or YYYY-MM-DD. */
    released: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$' })),
    status: Status(),
    /** The announced (or past) shutdown date. */
    shutdown: Type.Optional(Day()),
    /** The vendor's recommended replacement: an active catalogue model. */
    replacement: Type.Optional(Id()),
    routes: Type.Optional(Type.Array(Route(), { minItems: 1 })),
    /** The day the entry was last checked against its sources. */
    verified: Type.Optional(Day()),
    /** URLs of the model's status and licence. */
    sources: Type.Optional(Type.Array(Source(), { minItems: 1, uniqueItems: true })),
    note: Type.Optional(Text()),
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
  if (strict) return Closed({ ...properties, verified: Day(), sources: Type.Array(Source(), { minItems: 1, uniqueItems: true }) });
  return Closed({ ...Type.Partial(Closed(properties)).properties, id: properties.id });
}

/** What every model needs once overlays are merged (built-in entries also need `verified` and `sources`). */
export const MODEL_FIELDS = catalogueModelSchema([]).required.filter((key) => key !== 'id') as Array<Exclude<keyof CatalogueModel, 'id'>>;

export type CatalogueModel = Static<ReturnType<typeof catalogueModelSchema>>;
export type ModelRoute = Static<ReturnType<typeof Route>>;
