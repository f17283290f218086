/**
 * A model family as knowledge/families.yaml (or an overlay's `families:`) writes it. The
 * built-in file is strict: every rating carries its rationale and sources. An overlay may
 * give bare numbers and any subset of fields; compile.ts normalises both to Family.
 */
import type { FamilyId } from '../knowledge/family-id.js';
import { Closed, Id, MapOf, Score, SourceKeys, Text, Texts, Type, type Static } from './common.js';

/** A 1..5 judgement with the reason for it and the evidence keys behind it. */
const builtinRating = () => Closed({ value: Score(), why: Text(), sources: SourceKeys() });
/** Overlays may leave out the rationale and the sources. */
const overlayRating = () => Closed({ ...Type.Partial(builtinRating()).properties, value: Score() });
const ratingObject = (strict: boolean) => (strict ? builtinRating() : overlayRating());

/** Where an overlay may write a bare number for `{ value }`: one schema for both forms (`minimum` only constrains numbers, `properties` only objects). */
const orBareNumber = <T>(object: object) => Type.Unsafe<number | T>({ ...object, type: ['integer', 'object'], minimum: 1, maximum: 5 });

export function ratingSchema(strict: boolean) {
  const object = ratingObject(strict);
  return strict ? object : orBareNumber<Static<typeof object>>(object);
}

/**
 * How well a family serves one task, with the evidence, and where a modality changes the
 * answer (energy scoring works on images although energy-based image generation is weak).
 */
function taskFitObject(strict: boolean) {
  return Closed({
    ...ratingObject(strict).properties,
    /** modality → fit for this task on that modality; overrides `value` there. */
    modalities: Type.Optional(MapOf(ratingSchema(strict))),
  });
}

export function taskFitSchema(strict: boolean) {
  const object = taskFitObject(strict);
  return strict ? object : orBareNumber<Static<typeof object>>(object);
}

/**
 * A named variant of a family that reaches better ratings than the family as a whole (a
 * distilled diffusion model samples in 1-4 steps). A variant can satisfy a requirement, such
 * as real-time speed, and is then named in the advice; the family's score keeps its own ratings.
 */
export const variantSchema = () =>
  Closed({
    name: Text(),
    note: Text(),
    /** criterion id → the rating this variant reaches. */
    ratings: MapOf(Score()),
    sources: SourceKeys(),
    /** The modalities the variant is documented for; all when absent. */
    modalities: Type.Optional(Type.Array(Id())),
  });

function familyProperties(strict: boolean) {
  return {
    name: Text(),
    short_name: Text(),
    aliases: Texts(),
    summary: Text(),
    how_it_works: Text(),
    best_at: Texts(),
    limitations: Texts(),
    business_uses: Texts(),
    examples: Type.Array(Closed({ name: Text(), note: Type.Optional(Text()) })),
    /** criterion id → rating; a family has one for every criterion that rates families. */
    ratings: MapOf(ratingSchema(strict)),
    /** modality → generation fit (1 = cannot generate it, 5 = a leading choice). */
    modalities: MapOf(ratingSchema(strict)),
    /** task → how well the family serves it (per modality where that matters). */
    tasks: MapOf(taskFitSchema(strict)),
    /** Variants that reach ratings the family as a whole does not (fast samplers). */
    variants: Type.Array(variantSchema()),
    /** Where the seed guide and the research literature disagree, in our words. */
    disagreements: Texts(),
    sources: SourceKeys(),
  };
}

const builtinFamily = () => Closed(familyProperties(true));

/** Built-in: every field required. Overlay: any subset, patched over the family by id. */
export function familySchema(strict: boolean) {
  return strict ? builtinFamily() : Type.Partial(Closed(familyProperties(false)));
}

/** A rating as the engine sees it: overlays' bare numbers become `{ value }`, why and sources stay optional. */
export type Rating = Static<ReturnType<typeof overlayRating>>;
export type TaskFit = Rating & { modalities?: Record<string, Rating> };
export type Variant = Static<ReturnType<typeof variantSchema>>;
export type Example = Family['examples'][number];

type FamilyFile = Static<ReturnType<typeof builtinFamily>>;
/** A family once compiled: its id, and its ratings normalised (see compile.ts). */
export type Family = Omit<FamilyFile, 'ratings' | 'modalities' | 'tasks'> & {
  id: FamilyId;
  ratings: Record<string, Rating>;
  modalities: Record<string, Rating>;
  tasks: Record<string, TaskFit>;
};
