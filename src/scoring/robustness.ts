import type { FamilyId } from '../knowledge/types.js';
import { NEUTRAL_RATING, pointsFor, rawScore, round } from './score.js';
import { keptSamples } from './sampler.js';
import type { RatingMatrix, Weights } from './types.js';

/**
 * How much the ranking depends on the exact weights.
 *
 * - margin: points between the first and second eligible family.
 * - winnerShare: the share of weight vectors drawn from a Dirichlet distribution centred on
 *   the user's weights (concentration CONCENTRATION, so each weight varies by roughly
 *   ±sqrt(w(1-w)/(CONCENTRATION+1))) in which the winner stays first. Seeded, so deterministic.
 * - flips: per criterion, the weight at which another family would take first place when that
 *   criterion's weight moves and the others keep their proportions; exact for a weighted sum.
 * - label: tie when margin < tieMargin; fragile when winnerShare < stableShare or
 *   margin < stableMargin; stable otherwise. With a single eligible family no weighting can
 *   change the winner (stable); with none there is no winner to keep (fragile, share 0).
 *
 * Criteria the user gave no weight stay at zero in the neighbourhood (a Dirichlet cannot move
 * them); the flips are where such a criterion's weight is explored.
 */
export const ROBUSTNESS = {
  samples: 1000,
  seed: 42,
  concentration: 50,
  tieMargin: 1,
  stableMargin: 3,
  stableShare: 0.8,
} as const;

/** Defined once, as `recommend --format json` shows it (src/schemas/recommend-document.ts). */
export type { Flip, Robustness, RobustnessLabel } from '../schemas/recommend-document.js';
import type { Flip, Robustness, RobustnessLabel } from '../schemas/recommend-document.js';

/**
 * The weights with one criterion set to `t` and the rest rescaled to keep their proportions,
 * so they still sum to 1. When that criterion held all the weight the others have no
 * proportions to keep, and 1 − t is shared equally among them.
 */
export function shiftWeight(weights: Weights, criterion: string, t: number): Weights {
  const rest = 1 - (weights[criterion] ?? 0);
  const others = Object.keys(weights).filter((c) => c !== criterion).length;
  const out: Weights = {};
  for (const [c, w] of Object.entries(weights)) {
    out[c] = c === criterion ? t : rest > 1e-12 ? (w * (1 - t)) / rest : (1 - t) / others;
  }
  return out;
}

function leader(matrix: RatingMatrix, weights: Weights, families: readonly FamilyId[]): FamilyId {
  let best = families[0]!;
  let bestScore = -Infinity;
  for (const family of families) {
    const score = rawScore(matrix[family], weights);
    if (score > bestScore + 1e-9) {
      best = family;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The nearest weight for `criterion` at which some other family overtakes the winner. Each
 * score is linear in that weight, so each rival crosses the winner at most once.
 */
function flipFor(matrix: RatingMatrix, weights: Weights, criterion: string, winner: FamilyId, rivals: readonly FamilyId[]): Flip | undefined {
  const w0 = weights[criterion] ?? 0;
  // rawScore(matrix[family], shiftWeight(weights, criterion, t)) without building a weights
  // object per point: the same arithmetic in the same order, so the same numbers, cheaper.
  const keys = Object.keys(weights);
  const rest = 1 - w0;
  const others = keys.filter((c) => c !== criterion).length;
  const at = (family: FamilyId, t: number) => {
    const row = matrix[family];
    let total = 0;
    for (const c of keys) {
      const shifted = c === criterion ? t : rest > 1e-12 ? (weights[c]! * (1 - t)) / rest : (1 - t) / others;
      total += pointsFor(shifted, row[c] ?? NEUTRAL_RATING);
    }
    return total;
  };
  const winnerAt0 = at(winner, 0);
  const winnerAt1 = at(winner, 1);
  let best: Flip | undefined;
  let bestDistance = Infinity;
  for (const rival of rivals) {
    const d0 = winnerAt0 - at(rival, 0);
    const d1 = winnerAt1 - at(rival, 1);
    if (Math.abs(d0 - d1) < 1e-12) continue;
    const t = d0 / (d0 - d1);
    if (t < 0 || t > 1) continue;
    // A crossing at the current weight (a tie now) may flip either way; try both sides.
    const directions = Math.abs(t - w0) < 1e-9 ? (['above', 'below'] as const) : t > w0 ? (['above'] as const) : (['below'] as const);
    for (const direction of directions) {
      // Just past the crossing, away from the current weight, the rival must lead.
      const probe = t + (direction === 'above' ? 1e-6 : -1e-6);
      if (probe < 0 || probe > 1 || at(rival, probe) <= at(winner, probe)) continue;
      const distance = Math.abs(t - w0);
      if (distance >= bestDistance) continue;
      // A third family may lead there already; the winner is whoever is first past the crossing.
      const newWinner = leader(matrix, shiftWeight(weights, criterion, probe), [winner, ...rivals]);
      if (newWinner === winner) continue;
      best = { criterion, weight: round(t, 3), newWinner, from: round(w0, 4), direction };
      bestDistance = distance;
    }
  }
  return best;
}

export function analyseRobustness(
  matrix: RatingMatrix,
  weights: Weights,
  /** Eligible families in ranking order, winner first. */
  eligible: readonly FamilyId[],
  options: Partial<Record<keyof typeof ROBUSTNESS, number>> = {},
): Robustness {
  const settings = { ...ROBUSTNESS, ...options };
  const neighbourhood = { distribution: 'dirichlet' as const, concentration: settings.concentration, samples: settings.samples, seed: settings.seed };
  const thresholds = { tieMargin: settings.tieMargin, stableMargin: settings.stableMargin, stableShare: settings.stableShare };
  const [winner, ...rivals] = eligible;
  if (winner === undefined) {
    return { label: 'fragile', winnerShare: 0, margin: 0, flips: [], runnerUp: null, eligible: 0, neighbourhood, thresholds };
  }
  if (rivals.length === 0) {
    // No rival to lose to: the whole score is the lead, and only an answer (not a weight) can change the winner.
    return { label: 'stable', winnerShare: 1, margin: round(rawScore(matrix[winner], weights), 1), flips: [], runnerUp: null, eligible: 1, neighbourhood, thresholds };
  }
  const runnerUp = rivals[0]!;
  // Measured on the displayed (rounded) scores, as the ranking orders them, so a reader can check it.
  const margin = round(round(rawScore(matrix[winner], weights), 1) - round(rawScore(matrix[runnerUp], weights), 1), 1);

  const criteria = Object.keys(weights);
  const kept = keptSamples({
    shares: criteria.map((c) => weights[c]!),
    rows: eligible.map((f) => criteria.map((c) => (matrix[f][c] ?? NEUTRAL_RATING) - 1)),
    samples: settings.samples,
    seed: settings.seed,
    concentration: settings.concentration,
  });
  const winnerShare = round(kept / settings.samples, 3);

  const flips = criteria.map((c) => flipFor(matrix, weights, c, winner, rivals)).filter((f): f is Flip => f !== undefined);
  const label: RobustnessLabel =
    margin < settings.tieMargin ? 'tie' : winnerShare < settings.stableShare || margin < settings.stableMargin ? 'fragile' : 'stable';
  return { label, winnerShare, margin, flips, runnerUp, eligible: eligible.length, neighbourhood, thresholds };
}
