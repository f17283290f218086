import { familyIds, type FamilyId, type Knowledge } from '../knowledge/types.js';
import type { Contribution, FamilyScore, Knockout, RatingMatrix, Requirement, Weights } from './types.js';

/** A rating nobody gave (a criterion added by an overlay) counts as neutral. */
export const NEUTRAL_RATING = 3;

export const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Ratings per family for one modality; the modality fit joins them as its own criterion. */
export function ratingMatrix(knowledge: Knowledge, modality: string): RatingMatrix {
  const matrix = {} as RatingMatrix;
  for (const id of familyIds(knowledge)) {
    const family = knowledge.families[id];
    const row: Record<string, number> = {};
    for (const criterion of Object.keys(knowledge.criteria)) {
      const rating = criterion === knowledge.modality_fit.criterion ? family.modalities[modality] : family.ratings[criterion];
      row[criterion] = rating?.value ?? NEUTRAL_RATING;
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

export function contributionsFor(row: Record<string, number>, weights: Weights): Contribution[] {
  return Object.entries(weights).map(([criterion, weight]) => {
    const rating = row[criterion] ?? NEUTRAL_RATING;
    return { criterion, weight: round(weight, 4), rating, points: round(pointsFor(weight, rating), 2) };
  });
}

export function knockoutsFor(knowledge: Knowledge, family: FamilyId, row: Record<string, number>, requirements: Requirement[], modality: string): Knockout[] {
  const knockouts: Knockout[] = [];
  const fit = knowledge.modality_fit;
  const fitRating = row[fit.criterion] ?? NEUTRAL_RATING;
  if (fitRating < fit.knockout_below) {
    const why = knowledge.families[family].modalities[modality]?.why;
    knockouts.push({
      criterion: fit.criterion,
      rating: fitRating,
      required: fit.knockout_below,
      reason: `cannot practically serve ${modality} (fit ${fitRating}/5)${why ? `: ${why}` : ''}`,
    });
  }
  for (const requirement of requirements) {
    const rating = row[requirement.criterion] ?? NEUTRAL_RATING;
    if (rating < requirement.min && !knockouts.some((k) => k.criterion === requirement.criterion)) {
      const label = knowledge.criteria[requirement.criterion]?.label.toLowerCase() ?? requirement.criterion;
      knockouts.push({
        criterion: requirement.criterion,
        rating,
        required: requirement.min,
        reason: `${label} is rated ${rating}/5, below the ${requirement.min} needed because ${requirement.because}`,
      });
    }
  }
  return knockouts;
}

export function scoreFamilies(knowledge: Knowledge, matrix: RatingMatrix, weights: Weights, requirements: Requirement[], modality: string): FamilyScore[] {
  return familyIds(knowledge).map((id) => {
    const row = matrix[id];
    const knockouts = knockoutsFor(knowledge, id, row, requirements, modality);
    return {
      family: id,
      name: knowledge.families[id].name,
      score: round(rawScore(row, weights), 1),
      eligible: knockouts.length === 0,
      knockouts,
      contributions: contributionsFor(row, weights),
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
