import { selectChecklist, type ChecklistEntry } from './governance/select.js';
import type { Knowledge, Overlap, Profile } from './knowledge/types.js';
import { rankFamilies } from './scoring/rank.js';
import { analyseRobustness, type Robustness } from './scoring/robustness.js';
import type { RankedFamily, RatingMatrix, RuledOutFamily, WeightPlan } from './scoring/types.js';
import { closestVerdict, type Verdict } from './scoring/verdict.js';
import { applicableWeights } from './scoring/weights.js';

export interface Recommendation {
  knowledge: Knowledge;
  profile: Profile;
  plan: WeightPlan;
  matrix: RatingMatrix;
  /** Eligible families, ranked. */
  ranking: RankedFamily[];
  /** Families ruled out, unranked, each with its reasons. */
  ruledOut: RuledOutFamily[];
  verdict: Verdict;
  /** Notes on families that overlap (an LLM is an autoregressive transformer), when they matter here. */
  overlaps: Overlap[];
  robustness: Robustness;
  checklist: ChecklistEntry[];
}

/** The whole advice for one profile: ranking, verdict, robustness, and the checklist for the winner. Pure. */
export function recommend(knowledge: Knowledge, profile: Profile): Recommendation {
  const { plan, matrix, ranking, ruledOut } = rankFamilies(knowledge, profile);
  // Robustness concerns the eligible families only: a ruled-out family cannot take first place by a weight.
  const robustness = analyseRobustness(matrix, applicableWeights(plan), ranking.map((r) => r.family));
  const verdict = closestVerdict(knowledge, profile, ranking, ruledOut);
  const checklist = selectChecklist(knowledge.governance, profile, ranking[0]?.family);
  const eligible = new Set(ranking.map((r) => r.family));
  const overlaps = knowledge.overlaps.filter((o) => o.families.some((f) => eligible.has(f)));
  return { knowledge, profile, plan, matrix, ranking, ruledOut, verdict, overlaps, robustness, checklist };
}
