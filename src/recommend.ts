import { modelExamples, type ModelConstraints } from './catalogue/examples.js';
import { selectChecklist, type ChecklistEntry } from './governance/select.js';
import type { CatalogueModel, FamilyId, Knowledge, Overlap, Profile } from './knowledge/types.js';
import { rankFamilies } from './scoring/rank.js';
import { analyseRobustness, type Robustness } from './scoring/robustness.js';
import type { RankedAdvice } from './scoring/types.js';
import { closestVerdict, type Verdict } from './scoring/verdict.js';
import { applicableWeights } from './scoring/weights.js';

export interface Recommendation extends RankedAdvice {
  verdict: Verdict;
  /** Notes on families that overlap (an LLM is an autoregressive transformer), when they matter here. */
  overlaps: Overlap[];
  robustness: Robustness;
  checklist: ChecklistEntry[];
  /** Concrete catalogue models for each eligible family, and the constraints they were chosen under. */
  examples?: Partial<Record<FamilyId, CatalogueModel[]>>;
  modelConstraints?: ModelConstraints;
  /** The day the advice was given for (YYYY-MM-DD): model lifecycles and legal dates are judged as of it. */
  today: string;
  /** Answers keys filled from defaults (the checklist names those that decided an item). */
  defaulted?: readonly string[];
}

export interface RecommendOptions {
  /** "Today" as YYYY-MM-DD; the shell reads the clock or --as-of, the core never does. */
  today: string;
  models?: ModelConstraints;
  /** Answers keys filled from defaults: the checklist says which of them decided an item. */
  defaulted?: readonly string[];
}

/** The whole advice for one profile: ranking, verdict, robustness, the checklist for the winner, and example models. Pure. */
export function recommend(knowledge: Knowledge, profile: Profile, options: RecommendOptions): Recommendation {
  const { today, models: modelConstraints = {}, defaulted } = options;
  const { plan, matrix, ranking, ruledOut } = rankFamilies(knowledge, profile);
  // Robustness concerns the eligible families only: a ruled-out family cannot take first place by a weight.
  const robustness = analyseRobustness(matrix, applicableWeights(plan), ranking.map((r) => r.family));
  const verdict = closestVerdict(knowledge, profile, ranking, ruledOut);
  const checklist = selectChecklist(knowledge.governance, profile, ranking[0]?.family, knowledge.governance_areas, { today, defaulted });
  // A note matters when the user could mistake one family of the pair for the other: both are
  // in the ranking, or one of them is the recommendation.
  const eligible = new Set(ranking.map((r) => r.family));
  const winner = ranking[0]?.family;
  const overlaps = knowledge.overlaps.filter((o) => o.families.every((f) => eligible.has(f)) || (winner !== undefined && o.families.includes(winner)));
  const examples = modelExamples(knowledge, profile, [...eligible], today, modelConstraints);
  return { knowledge, profile, plan, matrix, ranking, ruledOut, verdict, overlaps, robustness, checklist, examples, modelConstraints, today, ...(defaulted ? { defaulted } : {}) };
}
