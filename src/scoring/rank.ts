import type { Knowledge, Profile } from '../knowledge/types.js';
import { explainScore } from './explain.js';
import { compareScores, ratingMatrix, scoreFamilies } from './score.js';
import type { RankedFamily, RatingMatrix, RuledOutFamily, WeightPlan } from './types.js';
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
  return rankPlan(knowledge, plan);
}

/**
 * The ranking of a weight plan. It reads nothing but the knowledge and the plan (whose context
 * names the modality and task), which is what lets rankPlanOnce key on them. Pure.
 */
export function rankPlan(knowledge: Knowledge, plan: WeightPlan): Ranking {
  const { modality, task } = plan.context;
  const matrix = ratingMatrix(knowledge, modality, task);
  const ordered = scoreFamilies(knowledge, matrix, plan.weights, plan.requirements, plan.context)
    .sort(compareScores(matrix, 'maturity'))
    .map((score) => ({ ...score, ...explainScore(knowledge, score) }));
  const ranking = ordered.filter((s) => s.eligible).map((s, i) => ({ rank: i + 1, ...s }));
  const ruledOut = ordered.filter((s) => !s.eligible);
  return { plan, matrix, ranking, ruledOut };
}

const rankings = new WeakMap<Knowledge, Map<string, Ranking>>();

/**
 * rankPlan, computed once per knowledge object and plan: a large stack has hundreds of
 * profiles but far fewer distinct plans (a profile's answers often change nothing ranking
 * reads). Keyed on both inputs whole, so another knowledge object or any change in the plan is
 * ranked afresh. The result is shared: callers must not change it.
 */
export function rankPlanOnce(knowledge: Knowledge, plan: WeightPlan): Ranking {
  let byPlan = rankings.get(knowledge);
  if (!byPlan) rankings.set(knowledge, (byPlan = new Map()));
  const key = JSON.stringify(plan);
  let ranking = byPlan.get(key);
  if (!ranking) byPlan.set(key, (ranking = rankPlan(knowledge, plan)));
  return ranking;
}
