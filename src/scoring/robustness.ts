import type { FamilyId } from '../knowledge/types.js';
import { rawScore, round } from './score.js';
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
 * - label: tie when margin < TIE_MARGIN; fragile when winnerShare < STABLE_SHARE or
 *   margin < STABLE_MARGIN; stable otherwise.
 */
export const ROBUSTNESS = {
  samples: 1000,
  seed: 42,
  concentration: 50,
  tieMargin: 1,
  stableMargin: 3,
  stableShare: 0.8,
} as const;

export type RobustnessLabel = 'tie' | 'fragile' | 'stable';

export interface Flip {
  criterion: string;
  weight: number;
  newWinner: FamilyId;
}

export interface Robustness {
  label: RobustnessLabel;
  winnerShare: number;
  margin: number;
  flips: Flip[];
  neighbourhood: { distribution: 'dirichlet'; concentration: number; samples: number; seed: number };
}

/** mulberry32: tiny, fast and good enough for reproducible sampling. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang gamma sampler; shape < 1 via the boost trick. */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** The weights with one criterion set to `t` and the rest rescaled to keep their proportions. */
export function shiftWeight(weights: Weights, criterion: string, t: number): Weights {
  const rest = 1 - (weights[criterion] ?? 0);
  const out: Weights = {};
  for (const [c, w] of Object.entries(weights)) out[c] = c === criterion ? t : rest > 0 ? (w * (1 - t)) / rest : 0;
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
  const at = (family: FamilyId, t: number) => rawScore(matrix[family], shiftWeight(weights, criterion, t));
  let best: Flip | undefined;
  let bestDistance = Infinity;
  for (const rival of rivals) {
    const d0 = at(winner, 0) - at(rival, 0);
    const d1 = at(winner, 1) - at(rival, 1);
    if (d0 === d1) continue;
    const t = d0 / (d0 - d1);
    if (t < 0 || t > 1) continue;
    // Just past the crossing, away from the current weight, the rival leads.
    const probe = t + (t >= w0 ? 1e-6 : -1e-6);
    if (probe < 0 || probe > 1 || at(rival, probe) <= at(winner, probe)) continue;
    const distance = Math.abs(t - w0);
    if (distance < bestDistance) {
      const weight = round(t, 3);
      // Verify against the whole field: a third family may take over first.
      const newWinner = leader(matrix, shiftWeight(weights, criterion, Math.min(1, Math.max(0, probe))), [winner, ...rivals]);
      if (newWinner === winner) continue;
      best = { criterion, weight, newWinner };
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
  options: Partial<typeof ROBUSTNESS> = {},
): Robustness {
  const settings = { ...ROBUSTNESS, ...options };
  const neighbourhood = { distribution: 'dirichlet' as const, concentration: settings.concentration, samples: settings.samples, seed: settings.seed };
  const [winner, ...rivals] = eligible;
  if (winner === undefined || rivals.length === 0) {
    return { label: 'stable', winnerShare: 1, margin: winner === undefined ? 0 : round(rawScore(matrix[winner], weights), 1), flips: [], neighbourhood };
  }
  const margin = round(rawScore(matrix[winner], weights) - rawScore(matrix[rivals[0]!], weights), 1);

  const criteria = Object.keys(weights);
  const random = rng(settings.seed);
  let kept = 0;
  const sample: Weights = {};
  for (let i = 0; i < settings.samples; i++) {
    let total = 0;
    for (const c of criteria) {
      const w = weights[c]!;
      const g = w > 0 ? gamma(w * settings.concentration, random) : 0;
      sample[c] = g;
      total += g;
    }
    for (const c of criteria) sample[c] = sample[c]! / total;
    if (leader(matrix, sample, eligible) === winner) kept++;
  }
  const winnerShare = round(kept / settings.samples, 3);

  const flips = criteria.map((c) => flipFor(matrix, weights, c, winner, rivals)).filter((f): f is Flip => f !== undefined);
  const label: RobustnessLabel =
    margin < settings.tieMargin ? 'tie' : winnerShare < settings.stableShare || margin < settings.stableMargin ? 'fragile' : 'stable';
  return { label, winnerShare, margin, flips, neighbourhood };
}
