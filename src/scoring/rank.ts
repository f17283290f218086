import type { Knowledge, Profile } from '../knowledge/types.js';
import { explainScore } from './explain.js';
import { compareScores, ratingMatrix, scoreFamilies } from './score.js';
import type { RankedFamily, RatingMatrix, WeightPlan } from './types.js';
import { deriveWeights } from './weights.js';

export interface Ranking {
  plan: WeightPlan;
  matrix: RatingMatrix;
  ranking: RankedFamily[];
}

/** Profile → weights → knockouts → scores → a total order of all seven families. Pure. */
export function rankFamilies(knowledge: Knowledge, profile: Profile, plan: WeightPlan = deriveWeights(knowledge, profile)): Ranking {
  const matrix = ratingMatrix(knowledge, profile.modality);
  const scores = scoreFamilies(knowledge, matrix, plan.weights, plan.requirements, profile.modality);
  const ranking = scores.sort(compareScores(matrix, 'maturity')).map((score, i) => ({ rank: i + 1, ...score, ...explainScore(knowledge, score) }));
  return { plan, matrix, ranking };
}
