/**
 * `recommend --format json|yaml` (schemaVersion 3 of the contract; migration notes in docs/knowledge.md), and the engine's result
 * shapes it carries: rendered by src/render/recommend-json.ts, published as
 * schemas/recommend.schema.json.
 */
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { answersSchema, type KnowledgeIds } from './answers.js';
import { Closed, documentOptions, Id, IsoDate, MapOf, Nullable, OneOf, Text, Type, type Static } from './common.js';
import { MODEL_STATUSES } from '../knowledge/types.js';
import { ChecklistItem, ChecklistScope, FamilyRef, KnowledgeStamp, ToolInfo } from './document.js';

export const Knockout = () =>
  Closed({
    kind: OneOf(['modality', 'task', 'requirement', 'hard'] as const, {
      description: 'modality/task: the fit rules the family out; requirement: an answer makes a lower rating impossible (real time); hard: the user requires the criterion (--require)',
    }),
    criterion: Text(),
    rating: Type.Number(),
    required: Type.Number(),
    reason: Text({ description: 'a cause: "sampling too slow for real time (speed 2, real time needs 4)"' }),
    ratedUnder: Type.Optional(Id({ description: 'on a fit knockout where the knowledge rates this kind of model under another family (meta.yaml overlaps): that family' })),
  });

/** A requirement the family meets only through a named variant (real time via a distilled sampler). */
export const VariantUse = () => Closed({ criterion: Text(), variant: Text(), rating: Type.Number(), note: Text() });
export const Contribution = () =>
  Closed({
    criterion: Text(),
    weight: Type.Number(),
    rating: Type.Number(),
    points: Type.Number(),
    modality: Nullable(Text({ description: 'the modality whose own rating was used ("speed 5/5 for text"); null when the family-wide one was' })),
  });
/**
 * A minimum rating a family must reach to stay eligible, and which answer asked for it. Only
 * two things set one: an answer whose choice makes lower ratings impossible (real time needs
 * speed 4) and a criterion the user marks as a hard requirement (`hard`). Priorities never do.
 */
export const Requirement = () =>
  Closed({
    criterion: Id(),
    min: Type.Number(),
    because: Text({ description: 'the answer behind it: "latency is realtime", "speed is a hard requirement"' }),
    need: Text({ description: 'who needs it, in the reason\'s words: "real time" (the choice\'s label), "you" for a hard requirement' }),
    hard: Type.Boolean({ description: 'true when the user marked it as a must (--require); false when an answer implies it' }),
  });

function familyFields(familyIds: readonly string[]) {
  return {
    family: FamilyRef(familyIds),
    name: Text(),
    score: Type.Number(),
    fit: Closed({ value: Type.Number(), limitedBy: OneOf(['modality', 'task'] as const), why: Nullable(Type.String()), sources: Type.Array(Type.String()) }),
    knockouts: Type.Array(Knockout()),
    variants: Type.Array(VariantUse()),
    contributions: Type.Array(Contribution()),
    strengths: Type.Array(Text()),
    caveats: Type.Array(Text()),
  };
}

const ExampleModel = () =>
  Closed({
    id: Id(),
    name: Text(),
    vendor: Text(),
    license: Text(),
    licenseCategory: Text(),
    openWeights: Type.Boolean(),
    hosting: Type.Array(Text()),
    /** As of the document's `today`: active, or deprecated (named only with its shutdown date). */
    status: OneOf(MODEL_STATUSES),
    shutdown: Type.Optional(IsoDate()),
    replacement: Type.Optional(Id()),
  });

/** An answer that would change the advice (why-not.ts): what to set, and what it would give. */
export function AnswerChange(familyIds: readonly string[]) {
  return Closed({
    key: Text(),
    from: Type.String(),
    to: Type.String(),
    flags: Text({ description: 'the flags that ask for it, ready to paste' }),
    score: Type.Number(),
    margin: Type.Number(),
    alone: Type.Optional(Type.Literal(true)),
    family: Type.Optional(FamilyRef(familyIds)),
  });
}

/**
 * The headline of the advice. Either a family is recommended, or none is eligible: then the
 * verdict names the family that comes closest, what it misses, and which single answer to
 * relax (none when only the modality or the task itself rules everything out).
 */
export function Verdict(familyIds: readonly string[]) {
  const relax = AnswerChange(familyIds);
  return Type.Union([
    Closed({ status: Type.Literal('recommended'), family: FamilyRef(familyIds) }),
    Closed({ status: Type.Literal('none-eligible'), closest: Nullable(FamilyRef(familyIds)), misses: Type.Array(Knockout()), relax: Type.Array(relax) }),
  ]);
}

export function Robustness(familyIds: readonly string[]) {
  return Closed({
    label: OneOf(['tie', 'fragile', 'stable'] as const),
    winnerShare: Type.Number({ minimum: 0, maximum: 1 }),
    margin: Type.Number(),
    flips: Type.Array(Closed({ criterion: Text(), weight: Type.Number(), newWinner: FamilyRef(familyIds), from: Type.Number(), direction: OneOf(['above', 'below'] as const) })),
    runnerUp: Nullable(FamilyRef(familyIds)),
    eligible: Type.Integer({ minimum: 0 }),
    neighbourhood: Closed({ distribution: Type.Literal('dirichlet'), concentration: Type.Number(), samples: Type.Integer(), seed: Type.Integer() }),
    thresholds: Closed({ tieMargin: Type.Number(), stableMargin: Type.Number(), stableShare: Type.Number() }),
  });
}

/** The recommend document for a vocabulary; with ids, its profile lists the presets and criteria. */
export function recommendDocumentSchema(vocabulary: Vocabulary, ids?: KnowledgeIds) {
  const { familyIds } = vocabulary;
  const { $schema: _schema, title: _title, ...profile } = answersSchema(vocabulary.questions, ids);
  return Closed(
    {
      schemaVersion: Type.Literal(3),
      tool: ToolInfo(),
      knowledge: Closed({ ...KnowledgeStamp().properties, overlays: Type.Optional(Type.Array(Text(), { description: 'the overlay files merged in, as named' })) }),
      profile: Type.Unsafe<Static<ReturnType<typeof answersSchema>>>({ ...profile, description: 'the resolved answers: every key of the question table' }),
      useCase: Type.Optional(Closed({ id: Id(), title: Text(), rationale: Text() })),
      task: Closed({ id: Text(), generative: Type.Boolean(), renamed: MapOf(Id()), notApplicable: Type.Array(Id()), note: Nullable(Text()) }),
      weights: MapOf(Type.Number({ minimum: 0, maximum: 1 }), undefined, { description: 'criterion → share of the importance (they sum to 1)' }),
      requirements: Type.Array(Requirement()),
      verdict: Verdict(familyIds),
      ranking: Type.Array(Closed({ rank: Type.Integer({ minimum: 1 }), ...familyFields(familyIds), examples: Type.Optional(Type.Array(ExampleModel())) }), { description: 'the eligible families, best first' }),
      ruledOut: Type.Array(Closed(familyFields(familyIds)), { description: 'families ruled out, unranked, each with its knockouts' }),
      overlaps: Type.Array(Closed({ families: Type.Array(FamilyRef(familyIds)), note: Text(), sources: Type.Array(Type.String()) })),
      robustness: Robustness(familyIds),
      checklistScope: ChecklistScope(),
      checklist: Type.Array(ChecklistItem(vocabulary.areas.map((a) => a.id))),
    },
    documentOptions('genai-advisor recommend --format json (schemaVersion 3)'),
  );
}

export type RecommendDocument = Static<ReturnType<typeof recommendDocumentSchema>>;
export type Knockout = Static<ReturnType<typeof Knockout>>;
export type VariantUse = Static<ReturnType<typeof VariantUse>>;
export type Contribution = Static<ReturnType<typeof Contribution>>;
export type Requirement = Static<ReturnType<typeof Requirement>>;
export type AnswerChange = Static<ReturnType<typeof AnswerChange>>;
export type Verdict = Static<ReturnType<typeof Verdict>>;
export type Robustness = Static<ReturnType<typeof Robustness>>;
export type Flip = Robustness['flips'][number];
export type RobustnessLabel = Robustness['label'];
