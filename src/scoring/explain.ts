import type { Knowledge } from '../knowledge/types.js';
import { round } from './score.js';
import type { Contribution, FamilyScore, WeightPlan } from './types.js';
import { compareIds } from '../util/compare-ids.js';

/** Criteria weighing less than this are too minor to mention as a reason. */
const NOTABLE_WEIGHT = 0.05;
const MAX_REASONS = 3;

const percent = (weight: number) => `${Math.round(weight * 100)}%`;

function lost(c: Contribution): number {
  return (c.weight * (5 - c.rating) * 100) / 4;
}

/** "5/5", or "5/5 for text" when the modality's own rating was used. */
export const ratedFor = (c: Pick<Contribution, 'rating' | 'modality'>): string => `${c.rating}/5${c.modality ? ` for ${c.modality}` : ''}`;

/**
 * A weakness is worth a caveat only on a criterion that matters to this profile: one whose
 * importance reaches the medium level. A criterion the user rated low or none (cost=low) never
 * earns a "but expensive to run".
 */
export function mattersTo(knowledge: Knowledge, plan: Pick<WeightPlan, 'raw'>, criterion: string): boolean {
  return (plan.raw[criterion] ?? 0) >= knowledge.levels.medium.points;
}

/**
 * Strengths and caveats templated from the contributions, so every sentence carries the
 * rating, the weight and the points behind it.
 */
export function explainScore(knowledge: Knowledge, score: FamilyScore, plan: Pick<WeightPlan, 'raw'>): { strengths: string[]; caveats: string[] } {
  const phrase = (c: Contribution, side: 'high' | 'low') => {
    const criterion = knowledge.criteria[c.criterion];
    return (side === 'high' ? criterion?.high_phrase : criterion?.low_phrase) ?? criterion?.label ?? c.criterion;
  };
  const label = (c: Contribution) => knowledge.criteria[c.criterion]?.label.toLowerCase() ?? c.criterion;

  const strengths = score.contributions
    .filter((c) => c.rating >= 4 && c.weight >= NOTABLE_WEIGHT)
    .sort((a, b) => b.points - a.points || compareIds(a.criterion, b.criterion))
    .slice(0, MAX_REASONS)
    .map((c) => `${phrase(c, 'high')}: ${label(c)} ${ratedFor(c)} at ${percent(c.weight)} weight (+${c.points.toFixed(1)} pts)`);

  // A requirement met only through a variant is a strength with a condition: name the variant.
  strengths.push(
    ...score.variants.map((v) => `${label({ criterion: v.criterion } as Contribution)} requirement met through ${v.variant} (${v.criterion} ${v.rating}/5): ${v.note}`),
  );

  const caveats = [
    ...score.knockouts.map((k) => `ineligible: ${k.reason}`),
    ...score.contributions
      .filter((c) => c.rating <= 2 && c.weight >= NOTABLE_WEIGHT && mattersTo(knowledge, plan, c.criterion))
      .sort((a, b) => lost(b) - lost(a) || compareIds(a.criterion, b.criterion))
      .slice(0, MAX_REASONS)
      .map((c) => `${phrase(c, 'low')}: ${label(c)} ${ratedFor(c)} at ${percent(c.weight)} weight (${round(-lost(c), 1).toFixed(1)} pts vs a 5)`),
  ];
  return { strengths, caveats };
}
