import type { Knowledge, Profile } from '../knowledge/types.js';
import { explainScore } from './explain.js';
import { compareScores, ratingMatrix, scoreFamilies } from './score.js';
import type { FamilyScore, RankedFamily, RatingMatrix, WeightPlan } from './types.js';
import { deriveWeights } from './weights.js';

export interface Ranking {
  plan: WeightPlan;
  matrix: RatingMatrix;
  ranking: RankedFamily[];
}

/** Profile → weights → knockouts → scores → a total order of all seven families. Pure. */
export function rankFamilies(knowledge: Knowledge, profile: Profile, plan: WeightPlan = deriveWeights(knowledge, profile)): Ranking {
  const matrix = ratingMatrix(knowledge, profile.modality);
  const ranking = orderScores(knowledge, matrix, profile, plan).map((score, i) => ({ rank: i + 1, ...score, ...explainScore(knowledge, score) }));
  return { plan, matrix, ranking };
}

/**
 * rankFamilies' order without the reasons for and against each family, which `check` never
 * prints and which cost most of a ranking (a large stack has hundreds of distinct rankings).
 */
export function orderFamilies(knowledge: Knowledge, profile: Profile, plan: WeightPlan): FamilyScore[] {
  return orderScores(knowledge, ratingMatrix(knowledge, profile.modality), profile, plan);
}

function orderScores(knowledge: Knowledge, matrix: RatingMatrix, profile: Profile, plan: WeightPlan): FamilyScore[] {
  return scoreFamilies(knowledge, matrix, plan.weights, plan.requirements, profile.modality).sort(compareScores(matrix, 'maturity'));
}
