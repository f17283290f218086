import { applicableWeights } from '../../src/scoring/weights.js';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type FamilyId, type Profile, familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend, type Recommendation } from '../../src/recommend.js';
import { analyseRobustness, ROBUSTNESS, shiftWeight } from '../../src/scoring/robustness.js';
import { rawScore } from '../../src/scoring/score.js';
import type { RatingMatrix, Weights } from '../../src/scoring/types.js';
import type { Answers } from '../../src/knowledge/types.js';
import { TODAY } from '../helpers/today.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const knowledge = builtinKnowledge;
const profileOf = (answers: Answers): Profile => completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
const advise = (answers: Answers) => recommend(knowledge, profileOf(answers), { today: TODAY });

const clear: Answers = { modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'high' } };

/** Profiles across modalities and tasks, so flips are checked on many weightings, ties included. */
const VARIED: Answers[] = [
  clear,
  { modality: 'text', task: 'conversation' },
  { modality: 'image', task: 'edit', latency: 'realtime' },
  { modality: 'audio', task: 'generate', latency: 'realtime' },
  { modality: 'tabular', task: 'synthetic-data', data: 'scarce', compute: 'low' },
  { modality: 'time-series', task: 'anomaly-detection', latency: 'batch' },
  { modality: 'tabular', task: 'density-estimation' },
  { modality: 'image', task: 'density-estimation', latency: 'interactive' },
  { modality: 'video', task: 'generate', priorities: { speed: 'high' } },
  ...Object.keys(knowledge.use_cases).map((use_case) => ({ use_case })),
];

function eligibleOf(rec: Recommendation): FamilyId[] {
  return rec.ranking.filter((r) => r.eligible).map((r) => r.family);
}

/** Who leads the eligible field at these weights on unrounded scores (ranking order breaks ties). */
function leaderAt(matrix: RatingMatrix, weights: Weights, eligible: FamilyId[]): FamilyId {
  return eligible.reduce((best, f) => (rawScore(matrix[f], weights) > rawScore(matrix[best], weights) + 1e-9 ? f : best));
}

/** A synthetic field: family → ratings over two criteria. */
function matrixOf(rows: Partial<Record<FamilyId, Record<string, number>>>): RatingMatrix {
  const matrix = {} as RatingMatrix;
  for (const id of FAMILY_IDS) matrix[id] = rows[id] ?? { a: 1, b: 1 };
  return matrix;
}

describe('shiftWeight', () => {
  it('sets one weight, keeps the proportions of the others and the sum at 1', () => {
    const shifted = shiftWeight({ a: 0.5, b: 0.3, c: 0.2 }, 'a', 0.2);
    expect(shifted.a).toBeCloseTo(0.2);
    expect(shifted.b! / shifted.c!).toBeCloseTo(1.5);
    expect(Object.values(shifted).reduce((s, w) => s + w, 0)).toBeCloseTo(1);
  });

  it('shares the rest equally when the criterion held all the weight', () => {
    const shifted = shiftWeight({ a: 1, b: 0, c: 0 }, 'a', 0.4);
    expect(shifted).toEqual({ a: 0.4, b: 0.3, c: 0.3 });
  });
});

describe('analyseRobustness', () => {
  it('is deterministic: the same input gives the same result, twice and across calls', () => {
    const first = advise(clear).robustness;
    const second = advise(clear).robustness;
    expect(second).toEqual(first);
    const rec = advise({ modality: 'image', task: 'edit', latency: 'realtime' });
    // Robustness explores only the criteria that apply to the task.
    expect(analyseRobustness(rec.matrix, applicableWeights(rec.plan), eligibleOf(rec))).toEqual(rec.robustness);
  });

  it('changes with the seed, which proves the share is sampled and the seed is what fixes it', () => {
    const rec = advise({ modality: 'image', task: 'edit', latency: 'realtime' });
    const shares = [1, 2, 3, 4].map((seed) => analyseRobustness(rec.matrix, rec.plan.weights, eligibleOf(rec), { seed }).winnerShare);
    expect(new Set(shares).size).toBeGreaterThan(1);
  });

  it('states the neighbourhood and thresholds it used', () => {
    const r = advise(clear).robustness;
    expect(r.neighbourhood).toEqual({ distribution: 'dirichlet', concentration: ROBUSTNESS.concentration, samples: ROBUSTNESS.samples, seed: ROBUSTNESS.seed });
    expect(r.thresholds).toEqual({ tieMargin: ROBUSTNESS.tieMargin, stableMargin: ROBUSTNESS.stableMargin, stableShare: ROBUSTNESS.stableShare });
  });

  it('labels the clear case (diverse high-fidelity images, latency irrelevant) stable', () => {
    const rec = advise(clear);
    expect(rec.ranking[0]!.family).toBe('diffusion');
    expect(rec.robustness.label).toBe('stable');
    expect(rec.robustness.margin).toBeGreaterThanOrEqual(ROBUSTNESS.stableMargin);
    expect(rec.robustness.winnerShare).toBeGreaterThanOrEqual(ROBUSTNESS.stableShare);
    expect(rec.robustness.runnerUp).toBe(rec.ranking[1]!.family);
  });

  it('measures the margin on the displayed scores of first and second', () => {
    for (const answers of VARIED) {
      const rec = advise(answers);
      const [first, second] = rec.ranking;
      if (!first?.eligible || !second?.eligible) continue;
      expect(rec.robustness.margin).toBeCloseTo(first.score - second.score, 5);
    }
  });

  describe('flips, verified by re-scoring at the flip weight', () => {
    const cases = VARIED.map((answers) => [JSON.stringify(answers), answers] as const);
    it.each(cases)('%s', (_, answers) => {
      const rec = advise(answers);
      const eligible = eligibleOf(rec);
      const winner = eligible[0]!;
      for (const flip of rec.robustness.flips) {
        const { criterion, weight, newWinner, direction, from } = flip;
        expect(from).toBeCloseTo(rec.plan.weights[criterion]!, 4);
        expect(direction === 'above' ? weight >= from - 5e-4 : weight <= from + 5e-4).toBe(true);
        // The flip weight is rounded to 3 decimals; 0.002 past it is past the exact crossing.
        const past = direction === 'above' ? Math.min(1, weight + 0.002) : Math.max(0, weight - 0.002);
        const shifted = shiftWeight(rec.plan.weights, criterion, past);
        expect(leaderAt(rec.matrix, shifted, eligible), `${criterion} at ${past}`).toBe(newWinner);
        expect(rawScore(rec.matrix[newWinner], shifted)).toBeGreaterThan(rawScore(rec.matrix[winner], shifted));
        // Short of the flip (when that is not the current weight) the winner still leads.
        const before = direction === 'above' ? weight - 0.002 : weight + 0.002;
        if (Math.abs(weight - from) > 0.004) {
          expect(leaderAt(rec.matrix, shiftWeight(rec.plan.weights, criterion, before), eligible), `${criterion} at ${before}`).toBe(winner);
        }
      }
    });

    it('finds the nearest flip: between the current weight and the flip, no weight changes the winner', () => {
      const rec = advise(clear);
      const eligible = eligibleOf(rec);
      expect(rec.robustness.flips.length).toBeGreaterThan(0);
      for (const flip of rec.robustness.flips) {
        for (let i = 1; i < 20; i++) {
          const t = flip.from + ((flip.weight - flip.from) * i) / 20;
          expect(leaderAt(rec.matrix, shiftWeight(rec.plan.weights, flip.criterion, t), eligible)).toBe(eligible[0]);
        }
      }
    });

    it('reports no flip for a criterion whose weight can never change the winner', () => {
      // The winner outrates everyone on a and b: no weighting of the two makes anyone else first.
      const matrix = matrixOf({ gan: { a: 5, b: 5 }, vae: { a: 4, b: 2 }, flow: { a: 2, b: 4 } });
      const r = analyseRobustness(matrix, { a: 0.5, b: 0.5 }, ['gan', 'vae', 'flow']);
      expect(r.flips).toEqual([]);
      expect(r.winnerShare).toBe(1);
    });
  });

  describe('labels from the declared thresholds', () => {
    // gan leads vae by (a − b) × 25 × 0.5 points with equal weights; the ratings set the margin.
    const field = (ganA: number, vaeB: number) => matrixOf({ gan: { a: ganA, b: 3 }, vae: { a: 3, b: vaeB } });

    it('tie: a margin below tieMargin, even when the winner would always stay first', () => {
      const matrix = matrixOf({ gan: { a: 4, b: 4 }, vae: { a: 4, b: 3.95 } });
      const r = analyseRobustness(matrix, { a: 0.5, b: 0.5 }, ['gan', 'vae']);
      expect(r.margin).toBeLessThan(ROBUSTNESS.tieMargin);
      expect(r.winnerShare).toBe(1);
      expect(r.label).toBe('tie');
    });

    it('tie: an exact tie broken by the ranking order', () => {
      const r = analyseRobustness(field(4, 4), { a: 0.5, b: 0.5 }, ['gan', 'vae']);
      expect(r.margin).toBe(0);
      expect(r.label).toBe('tie');
      // Away from equal weights, whichever way favours vae hands it first place at once.
      expect(r.flips).toEqual([
        { criterion: 'a', weight: 0.5, newWinner: 'vae', from: 0.5, direction: 'below' },
        { criterion: 'b', weight: 0.5, newWinner: 'vae', from: 0.5, direction: 'above' },
      ]);
    });

    it('fragile: a margin of at least tieMargin but below stableMargin', () => {
      // gan: 0.5 × 80 + 0.5 × 50 = 65; vae: 0.5 × 50 + 0.5 × 75 = 62.5.
      const matrix = matrixOf({ gan: { a: 4.2, b: 3 }, vae: { a: 3, b: 4 } });
      const r = analyseRobustness(matrix, { a: 0.5, b: 0.5 }, ['gan', 'vae']);
      expect(r.margin).toBeGreaterThanOrEqual(ROBUSTNESS.tieMargin);
      expect(r.margin).toBeLessThan(ROBUSTNESS.stableMargin);
      expect(r.label).toBe('fragile');
    });

    it('fragile: a margin above stableMargin but a winner that loses too often nearby', () => {
      // gan scores 100a, vae 50(1 − a): gan leads by 4 at a = 0.36 but loses below a = 1/3,
      // and the neighbourhood puts a below that about a third of the time.
      const matrix = matrixOf({ gan: { a: 5, b: 1 }, vae: { a: 1, b: 3 } });
      const r = analyseRobustness(matrix, { a: 0.36, b: 0.64 }, ['gan', 'vae']);
      expect(r.margin).toBe(4);
      expect(r.winnerShare).toBeLessThan(ROBUSTNESS.stableShare);
      expect(r.winnerShare).toBeGreaterThan(0.5);
      expect(r.label).toBe('fragile');
    });

    it('stable: margin and share both clear their thresholds', () => {
      const r = analyseRobustness(field(5, 3), { a: 0.5, b: 0.5 }, ['gan', 'vae']);
      expect(r.margin).toBe(25);
      expect(r.winnerShare).toBe(1);
      expect(r.label).toBe('stable');
    });

    it('the thresholds can be overridden, and the label follows them', () => {
      const r = analyseRobustness(field(5, 3), { a: 0.5, b: 0.5 }, ['gan', 'vae'], { stableMargin: 30 });
      expect(r.label).toBe('fragile');
    });
  });

  describe('edge cases', () => {
    it('one eligible family: stable, nothing to lose to, no flips', () => {
      const r = analyseRobustness(matrixOf({ gan: { a: 5, b: 3 } }), { a: 0.5, b: 0.5 }, ['gan']);
      expect(r).toMatchObject({ label: 'stable', winnerShare: 1, flips: [], runnerUp: null, eligible: 1 });
    });

    it('no eligible family: not stable, share 0, no runner-up', () => {
      const r = analyseRobustness(matrixOf({}), { a: 0.5, b: 0.5 }, []);
      expect(r).toMatchObject({ label: 'fragile', winnerShare: 0, margin: 0, flips: [], runnerUp: null, eligible: 0 });
    });

    it('criteria at zero weight stay at zero in the neighbourhood but can still flip, and a sole criterion can be lowered', () => {
      // gan wins on a, the only weighted criterion; vae is far better on b.
      const matrix = matrixOf({ gan: { a: 5, b: 1 }, vae: { a: 4, b: 5 } });
      const r = analyseRobustness(matrix, { a: 1, b: 0 }, ['gan', 'vae']);
      expect(r.winnerShare).toBe(1);
      // gan 100(1 − t) vs vae 75(1 − t) + 100t: equal at t = 0.2 for b, i.e. a = 0.8.
      expect(r.flips).toEqual([
        { criterion: 'a', weight: 0.8, newWinner: 'vae', from: 1, direction: 'below' },
        { criterion: 'b', weight: 0.2, newWinner: 'vae', from: 0, direction: 'above' },
      ]);
      expect(r.label).toBe('stable');
    });
  });
});
