import type { FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import type { Fit } from './fit.js';
import type { Contribution, Knockout, Requirement, VariantUse } from '../schemas/recommend-document.js';

/** The engine's result parts, defined once as `recommend --format json` shows them (src/schemas/recommend-document.ts). */
export type { Contribution, Knockout, Requirement, VariantUse } from '../schemas/recommend-document.js';

/** criterion id → share of the total importance; the shares sum to 1. */
export type Weights = Record<string, number>;

export interface WeightPlan {
  /** The modality and task the weights were derived for: the fit criterion depends on both. */
  context: { modality: string; task: string };
  /** Importance in level points before normalising (for explanations). */
  raw: Record<string, number>;
  weights: Weights;
  requirements: Requirement[];
  /** Criteria the task excludes (weight zero whatever the answers say), e.g. diversity for anomaly detection. */
  notApplicable: string[];
  /** What a criterion means on this task: its weight and requirements moved to another one. */
  renamed: Record<string, string>;
}

export interface FamilyScore {
  family: FamilyId;
  name: string;
  score: number;
  eligible: boolean;
  fit: Fit;
  knockouts: Knockout[];
  contributions: Contribution[];
  variants: VariantUse[];
}

export interface ExplainedFamily extends FamilyScore {
  strengths: string[];
  caveats: string[];
}

/** An eligible family with its place in the ranking. */
export interface RankedFamily extends ExplainedFamily {
  rank: number;
}

/** A family ruled out by its fit or a requirement: listed with its reasons, never ranked. */
export type RuledOutFamily = ExplainedFamily;

/** family → criterion → rating (1..5), the modality's fit included as a criterion. */
export type RatingMatrix = Record<FamilyId, Record<string, number>>;

/** A profile ranked by the engine: what whyNot reads, and the core of every Recommendation. */
export interface RankedAdvice {
  knowledge: Knowledge;
  profile: Profile;
  plan: WeightPlan;
  matrix: RatingMatrix;
  /** Eligible families, ranked. */
  ranking: RankedFamily[];
  /** Families ruled out, unranked, each with its reasons. */
  ruledOut: RuledOutFamily[];
}
