import type { FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import type { Fit } from './fit.js';

/** criterion id → share of the total importance; the shares sum to 1. */
export type Weights = Record<string, number>;

/**
 * A minimum rating a family must reach to stay eligible, and which answer asked for it. Only
 * two things set one: an answer whose choice makes lower ratings impossible (real time needs
 * speed 4) and a criterion the user marks as a hard requirement (`hard`). Priorities never do.
 */
export interface Requirement {
  criterion: string;
  min: number;
  /** The answer behind it: "latency is realtime", "speed is a hard requirement". */
  because: string;
  /** Who needs it, in the reason's words: "real time" (the choice's label), "you" for a hard requirement. */
  need: string;
  /** True when the user marked it as a must (--require); false when an answer implies it. */
  hard: boolean;
}

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

export interface Contribution {
  criterion: string;
  weight: number;
  rating: number;
  points: number;
  /** The modality whose own rating was used ("speed 5/5 for text"); null when the family-wide one was. */
  modality: string | null;
}

export interface Knockout {
  /**
   * `modality`/`task`: the family's fit rules it out; `requirement`: an answer makes a lower
   * rating impossible (real time); `hard`: the user requires the criterion (--require).
   */
  kind: 'modality' | 'task' | 'requirement' | 'hard';
  criterion: string;
  rating: number;
  required: number;
  /** A cause: "sampling too slow for real time (speed 2, real time needs 4)". */
  reason: string;
  /**
   * On a fit knockout where the knowledge rates this kind of model under another family
   * (meta.yaml overlaps): that family. The fit is then no verdict on such models.
   */
  ratedUnder?: FamilyId;
}

/** A requirement the family meets only through a named variant (real time via a distilled sampler). */
export interface VariantUse {
  criterion: string;
  variant: string;
  rating: number;
  note: string;
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
