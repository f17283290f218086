import { selectChecklist, type ChecklistEntry } from './governance/select.js';
import type { Knowledge, Profile } from './knowledge/types.js';
import { rankFamilies } from './scoring/rank.js';
import { analyseRobustness, type Robustness } from './scoring/robustness.js';
import type { RankedFamily, RatingMatrix, WeightPlan } from './scoring/types.js';

export interface Recommendation {
  knowledge: Knowledge;
  profile: Profile;
  plan: WeightPlan;
  matrix: RatingMatrix;
  ranking: RankedFamily[];
  robustness: Robustness;
  checklist: ChecklistEntry[];
}

/** The whole advice for one profile: ranking, robustness, and the checklist for the winner. Pure. */
export function recommend(knowledge: Knowledge, profile: Profile): Recommendation {
  const { plan, matrix, ranking } = rankFamilies(knowledge, profile);
  const eligible = ranking.filter((r) => r.eligible).map((r) => r.family);
  const robustness = analyseRobustness(matrix, plan.weights, eligible);
  const checklist = selectChecklist(knowledge.governance, profile, ranking[0]?.family, knowledge.governance_areas);
  return { knowledge, profile, plan, matrix, ranking, robustness, checklist };
}
