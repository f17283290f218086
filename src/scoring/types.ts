import type { FamilyId } from '../knowledge/types.js';

/** criterion id → share of the total importance; the shares sum to 1. */
export type Weights = Record<string, number>;

/** A minimum rating a family must reach to stay eligible, and which answer asked for it. */
export interface Requirement {
  criterion: string;
  min: number;
  because: string;
}

export interface WeightPlan {
  /** Importance in level points before normalising (for explanations). */
  raw: Record<string, number>;
  weights: Weights;
  requirements: Requirement[];
}

export interface Contribution {
  criterion: string;
  weight: number;
  rating: number;
  points: number;
}

export interface Knockout {
  criterion: string;
  rating: number;
  required: number;
  reason: string;
}

export interface FamilyScore {
  family: FamilyId;
  name: string;
  score: number;
  eligible: boolean;
  knockouts: Knockout[];
  contributions: Contribution[];
}

export interface RankedFamily extends FamilyScore {
  rank: number;
  strengths: string[];
  caveats: string[];
}

/** family → criterion → rating (1..5), the modality's fit included as a criterion. */
export type RatingMatrix = Record<FamilyId, Record<string, number>>;
