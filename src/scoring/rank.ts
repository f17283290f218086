import type { Knowledge, Profile } from '../knowledge/types.js';
import { explainScore } from './explain.js';
import { compareScores, ratingMatrix, scoreFamilies } from './score.js';
import type { FamilyScore, RankedFamily, RatingMatrix, RuledOutFamily, WeightPlan } from './types.js';
import { deriveWeights } from './weights.js';

export interface Ranking {
  plan: WeightPlan;
  matrix: RatingMatrix;
  /** Eligible families only, best first, ranked 1..n. */
  ranking: RankedFamily[];
  /** Families ruled out by their fit or a requirement: unranked, highest score first, each with its reasons. */
  ruledOut: RuledOutFamily[];
}

/**
 * Profile → weights → knockouts → scores. Only eligible families are ranked: a family that
 * cannot serve the use case has no place in an order of the ones that can. Pure.
 */
export function rankFamilies(knowledge: Knowledge, profile: Profile, plan: WeightPlan = deriveWeights(knowledge, profile)): Ranking {
  const matrix = ratingMatrix(knowledge, profile.modality, profile.task);
  const ordered = orderScores(knowledge, matrix, profile, plan).map((score) => ({ ...score, ...explainScore(knowledge, score, plan) }));
  const ranking = ordered.filter((s) => s.eligible).map((s, i) => ({ rank: i + 1, ...s }));
  const ruledOut = ordered.filter((s) => !s.eligible);
  return { plan, matrix, ranking, ruledOut };
}

function orderScores(knowledge: Knowledge, matrix: RatingMatrix, profile: Profile, plan: WeightPlan): FamilyScore[] {
  return scoreFamilies(knowledge, matrix, plan.weights, plan.requirements, profile).sort(compareScores(matrix, 'maturity'));
}
