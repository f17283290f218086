import { familyIds, type FamilyId, type Knowledge, type Overlap } from '../knowledge/types.js';
import { criterionRating, familyFit, NEUTRAL_RATING, taskChoice, variantServes, type Fit, type UseContext } from './fit.js';
import type { Contribution, FamilyScore, Knockout, RatingMatrix, Requirement, VariantUse, Weights } from './types.js';

export { NEUTRAL_RATING };

export const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Ratings per family for one modality and task; the fit for both joins them as its own criterion. */
export function ratingMatrix(knowledge: Knowledge, modality: string, task: string): RatingMatrix {
  const matrix = {} as RatingMatrix;
  for (const id of familyIds(knowledge)) {
    const row: Record<string, number> = {};
    for (const criterion of Object.keys(knowledge.criteria)) {
      row[criterion] = criterion === knowledge.modality_fit.criterion ? familyFit(knowledge, id, modality, task).value : criterionRating(knowledge, id, criterion, modality)?.value ?? NEUTRAL_RATING;
    }
    matrix[id] = row;
  }
  return matrix;
}

/** Points on the absolute scale: rating 1 earns nothing, 5 earns the criterion's full weight × 100. */
export function pointsFor(weight: number, rating: number): number {
  return (weight * (rating - 1) * 100) / 4;
}

/** Unrounded weighted score of one row; the hot path of robustness sampling. */
export function rawScore(row: Record<string, number>, weights: Weights): number {
  let total = 0;
  for (const criterion in weights) total += pointsFor(weights[criterion]!, row[criterion] ?? NEUTRAL_RATING);
  return total;
}

/**
 * Per weighted criterion, the rating and the points it earns; `modalityOf` names the modality
 * when the family's own rating for it was used rather than the family-wide one.
 */
export function contributionsFor(row: Record<string, number>, weights: Weights, modalityOf: (criterion: string) => string | null = () => null): Contribution[] {
  return Object.entries(weights).map(([criterion, weight]) => {
    const rating = row[criterion] ?? NEUTRAL_RATING;
    return { criterion, weight: round(weight, 4), rating, points: round(pointsFor(weight, rating), 2), modality: modalityOf(criterion) };
  });
}

/** The reason a fit rules a family out, in the words of the judgement that set it. */
function fitReason(knowledge: Knowledge, fit: Fit, modality: string, task: string): string {
  const why = fit.why ? `: ${fit.why}` : '';
  if (fit.limitedBy === 'modality') return `cannot practically generate ${modality} (fit ${fit.value}/5)${why}`;
  const label = (taskChoice(knowledge, task)?.label ?? task).toLowerCase();
  return `not a practical choice for ${label} on ${modality} (fit ${fit.value}/5)${why}`;
}

/** "a, b and c" */
export const listWords = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/**
 * The family that rates this family's kind of model on the modality instead (an LLM is an
 * autoregressive transformer, rated under transformer), from meta.yaml's overlaps.
 */
export function ratedElsewhere(knowledge: Knowledge, family: FamilyId, use: Pick<UseContext, 'modality' | 'task'>): Overlap | undefined {
  return knowledge.overlaps.find(
    (o) => o.rated_under !== undefined && o.rated_under !== family && o.families.includes(family) && (o.modalities ?? []).includes(use.modality) && (o.tasks ?? [use.task]).includes(use.task),
  );
}

/** Why a variant that reaches the rating does not help here, in a few words; undefined when none reaches it. */
function variantMiss(knowledge: Knowledge, family: FamilyId, requirement: Requirement, use: UseContext): string | undefined {
  const reaching = knowledge.families[family].variants.filter((v) => (v.ratings[requirement.criterion] ?? 0) >= requirement.min);
  const variant = reaching.find((v) => (v.modalities ?? [use.modality]).includes(use.modality) && (v.tasks ?? [use.task]).includes(use.task)) ?? reaching[0];
  if (!variant) return undefined;
  if (!(variant.modalities ?? [use.modality]).includes(use.modality)) return `${variant.name} is for ${listWords(variant.modalities!)} only`;
  if (!(variant.tasks ?? [use.task]).includes(use.task)) return `${variant.name} serves ${listWords(variant.tasks!)} only`;
  return `${variant.name} needs ${variant.compute} compute`;
}

/** A missed requirement as a cause: "sampling too slow for real time (speed 2, real time needs 4)". */
function requirementReason(knowledge: Knowledge, requirement: Requirement, rating: number, miss: string | undefined): string {
  const criterion = knowledge.criteria[requirement.criterion];
  const shortfall = criterion?.shortfall ?? `${criterion?.label.toLowerCase() ?? requirement.criterion} too low`;
  const figures = requirement.hard
    ? `${requirement.criterion} ${rating}, you require ${requirement.min}`
    : `${requirement.criterion} ${rating}, ${requirement.need} needs ${requirement.min}`;
  return `${shortfall}${requirement.hard ? '' : ` for ${requirement.need}`} (${figures}${miss ? `; ${miss}` : ''})`;
}

export function knockoutsFor(knowledge: Knowledge, family: FamilyId, row: Record<string, number>, requirements: Requirement[], use: UseContext): { knockouts: Knockout[]; variants: VariantUse[] } {
  const knockouts: Knockout[] = [];
  const variants: VariantUse[] = [];
  const fit = knowledge.modality_fit;
  const fitRating = row[fit.criterion] ?? NEUTRAL_RATING;
  if (fitRating < fit.knockout_below) {
    const detail = familyFit(knowledge, family, use.modality, use.task);
    const overlap = ratedElsewhere(knowledge, family, use);
    const reason = overlap
      ? `rated under ${knowledge.families[overlap.rated_under!].short_name} for ${listWords(overlap.modalities ?? [])}: ${overlap.note}`
      : fitReason(knowledge, detail, use.modality, use.task);
    knockouts.push({ kind: detail.limitedBy, criterion: fit.criterion, rating: fitRating, required: fit.knockout_below, reason, ...(overlap ? { ratedUnder: overlap.rated_under! } : {}) });
  }
  for (const requirement of requirements) {
    const rating = row[requirement.criterion] ?? NEUTRAL_RATING;
    if (rating >= requirement.min || knockouts.some((k) => k.criterion === requirement.criterion)) continue;
    // A named variant that reaches the rating meets the requirement (real time via a distilled sampler).
    const variant = knowledge.families[family].variants.find((v) => (v.ratings[requirement.criterion] ?? 0) >= requirement.min && variantServes(knowledge, v, use));
    if (variant) {
      if (!variants.some((v) => v.criterion === requirement.criterion)) variants.push({ criterion: requirement.criterion, variant: variant.name, rating: variant.ratings[requirement.criterion]!, note: variant.note });
      continue;
    }
    knockouts.push({
      kind: requirement.hard ? 'hard' : 'requirement',
      criterion: requirement.criterion,
      rating,
      required: requirement.min,
      reason: requirementReason(knowledge, requirement, rating, variantMiss(knowledge, family, requirement, use)),
    });
  }
  return { knockouts, variants };
}

export function scoreFamilies(knowledge: Knowledge, matrix: RatingMatrix, weights: Weights, requirements: Requirement[], use: UseContext): FamilyScore[] {
  return familyIds(knowledge).map((id) => {
    const row = matrix[id];
    const { knockouts, variants } = knockoutsFor(knowledge, id, row, requirements, use);
    const own = knowledge.families[id].ratings;
    return {
      family: id,
      name: knowledge.families[id].name,
      score: round(rawScore(row, weights), 1),
      eligible: knockouts.length === 0,
      fit: familyFit(knowledge, id, use.modality, use.task),
      knockouts,
      contributions: contributionsFor(row, weights, (c) => (own[c]?.modalities?.[use.modality] ? use.modality : null)),
      variants,
    };
  });
}

/**
 * Eligible families first, then by score; ties go to the more mature family, then to the
 * order of the family list in the contract, so the ranking is total and deterministic.
 */
export function compareScores(matrix: RatingMatrix, maturity: string) {
  const order = Object.keys(matrix);
  return (a: FamilyScore, b: FamilyScore): number =>
    Number(b.eligible) - Number(a.eligible) ||
    b.score - a.score ||
    (matrix[b.family][maturity] ?? 0) - (matrix[a.family][maturity] ?? 0) ||
    order.indexOf(a.family) - order.indexOf(b.family);
}
