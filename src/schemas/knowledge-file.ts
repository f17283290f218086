/**
 * A knowledge file: the built-in ones in knowledge/ (strict) or an overlay (lenient). Each
 * section's shape is its own module (family.ts, criterion.ts, question.ts, use-case.ts,
 * governance.ts, model.ts); this one puts them together with the built-in knowledge's meta
 * sections (version, levels, modality_fit, areas, frameworks, overlaps, as_of).
 */
import type { FamilyId } from '../knowledge/family-id.js';
import { LEVELS } from '../knowledge/types.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { Closed, documentOptions, Id, IsoDate, MapOf, OneOf, SOURCE_KEY, SourceKeys, Text, Type, type Static } from './common.js';
import { criterionSchema } from './criterion.js';
import { familySchema } from './family.js';
import { governanceItemSchema } from './governance.js';
import { modelSchema } from './model.js';
import { questionSchema } from './question.js';
import { useCaseSchema } from './use-case.js';

/** A source: its citation, and the year the work appeared (shown by `explain --sources`). */
const sourceSchema = () => Closed({ citation: Text(), year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })) });

/** The sections both built-in files and overlays may hold. */
function sharedSections(strict: boolean, vocabulary: Vocabulary) {
  return {
    criteria: Type.Optional(MapOf(criterionSchema(strict))),
    families: Type.Optional(MapOf(familySchema(strict), { enum: vocabulary.familyIds as FamilyId[] })),
    use_cases: Type.Optional(MapOf(useCaseSchema(strict, vocabulary.familyIds))),
    governance: Type.Optional(Type.Array(governanceItemSchema(vocabulary))),
    models: Type.Optional(Type.Array(modelSchema(strict, vocabulary.familyIds))),
    /** The day the catalogue was last checked; an overlay from `models refresh` moves it. */
    as_of: Type.Optional(IsoDate()),
    sources: Type.Optional(MapOf(sourceSchema(), { pattern: SOURCE_KEY })),
  };
}

/**
 * A note printed when both families of an overlapping pair appear together. `rated_under`
 * names the family of the pair whose ratings cover the shared kind of model on `modalities`
 * (and `tasks`; all when absent): the other family's fit there is no verdict on such models,
 * so a ruled-out line says "rated under Transformer for text and code", never "cannot".
 */
export const overlapSchema = (familyIds: readonly string[]) =>
  Closed({
    families: Type.Array(OneOf<FamilyId>(familyIds as FamilyId[]), { minItems: 2 }),
    note: Text(),
    sources: SourceKeys(),
    rated_under: Type.Optional(OneOf<FamilyId>(familyIds as FamilyId[])),
    modalities: Type.Optional(Type.Array(Id(), { minItems: 1 })),
    tasks: Type.Optional(Type.Array(Id(), { minItems: 1 })),
  });

/** A governance area and its label (knowledge/frameworks.yaml). */
const governanceAreaSchema = () => Closed({ id: Id(), label: Text() });
/** A framework items cite; every clause id an item cites from it must match its pattern. */
const frameworkSchema = () => Closed({ name: Text(), clause_pattern: Text() });

/** Sections only the built-in knowledge declares. */
function builtinSections(familyIds: readonly string[]) {
  return {
    version: Type.Optional(Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$' })),
    /** Importance points per level: preferences, which weigh and never rule a family out. */
    levels: Type.Optional(MapOf(Closed({ points: Type.Number({ minimum: 0 }) }), { enum: LEVELS })),
    /** The fit criterion (task and modality) and the fit below which a family is ruled out. */
    modality_fit: Type.Optional(Closed({ criterion: Id(), knockout_below: Type.Integer({ minimum: 1, maximum: 5 }) })),
    questions: Type.Optional(Type.Array(questionSchema())),
    /** The checklist's areas, in the order it lists them (knowledge/frameworks.yaml). */
    governance_areas: Type.Optional(Type.Array(governanceAreaSchema())),
    frameworks: Type.Optional(Type.Array(frameworkSchema())),
    /** The date the law behind the governance items was last reviewed. */
    governance_reviewed: Type.Optional(IsoDate({ description: 'the date the law behind the governance items was last reviewed' })),
    overlaps: Type.Optional(Type.Array(overlapSchema(familyIds))),
  };
}

const builtinFile = (vocabulary: Vocabulary) => Closed({ ...sharedSections(true, vocabulary), ...builtinSections(vocabulary.familyIds) }, documentOptions('genai-advisor built-in knowledge file'));
const overlayFile = (vocabulary: Vocabulary) => Closed(sharedSections(false, vocabulary), documentOptions('genai-advisor knowledge overlay'));

/** The schema of one knowledge file (built-in when strict) or of an overlay. */
export function knowledgeFileSchema(strict: boolean, vocabulary: Vocabulary) {
  return strict ? builtinFile(vocabulary) : overlayFile(vocabulary);
}

/** The built-in knowledge files' sections, all of them (each file holds some). */
export type KnowledgeFile = Required<Static<ReturnType<typeof builtinFile>>>;
export type Source = Static<ReturnType<typeof sourceSchema>> & { key: string };
export type Overlap = KnowledgeFile['overlaps'][number];
export type GovernanceArea = Static<ReturnType<typeof governanceAreaSchema>>;
export type Framework = Static<ReturnType<typeof frameworkSchema>>;
