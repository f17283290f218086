/**
 * The contract's invariants for a ranking, checked the same way on the engine's output and on
 * the JSON a user sees (not a test file itself).
 */
import { expect } from 'vitest';
import { familyIds } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

export interface RankingLike {
  weights: Record<string, number>;
  ranking: Array<{
    rank: number;
    family: string;
    score: number;
    eligible: boolean;
    knockouts: Array<{ criterion: string; rating: number; required: number; reason: string }>;
    contributions: Array<{ criterion: string; weight: number; rating: number; points: number }>;
  }>;
}

/** `weightTolerance` is wider for JSON, whose weights are rounded to four decimals. */
export function expectInvariants(result: RankingLike, { weightTolerance = 1e-9 } = {}): void {
  const { weights, ranking } = result;

  const weightValues = Object.values(weights);
  expect(Math.abs(weightValues.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(weightTolerance * weightValues.length);
  for (const w of weightValues) expect(w).toBeGreaterThanOrEqual(0);

  expect(ranking.map((r) => r.family).sort()).toEqual([...FAMILY_IDS].sort());
  expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);

  const firstIneligible = ranking.findIndex((r) => !r.eligible);
  if (firstIneligible >= 0) expect(ranking.slice(firstIneligible).every((r) => !r.eligible), 'eligible families come first').toBe(true);

  ranking.forEach((r, i) => {
    const label = `${r.family} (rank ${r.rank})`;
    expect(r.score, label).toBeGreaterThanOrEqual(0);
    expect(r.score, label).toBeLessThanOrEqual(100);
    const next = ranking[i + 1];
    if (next && next.eligible === r.eligible) expect(next.score, `${label} outscores the next`).toBeLessThanOrEqual(r.score);

    const points = r.contributions.reduce((sum, c) => sum + c.points, 0);
    expect(Math.abs(points - r.score), `${label}: points sum ${points} vs score ${r.score}`).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(r.contributions.map((c) => c.criterion).sort(), label).toEqual(Object.keys(weights).sort());
    for (const c of r.contributions) {
      expect(Math.abs(c.weight - weights[c.criterion]!), `${label} ${c.criterion} weight`).toBeLessThanOrEqual(1e-4);
      expect(c.rating).toBeGreaterThanOrEqual(1);
      expect(c.rating).toBeLessThanOrEqual(5);
      expect(c.points).toBeGreaterThanOrEqual(0);
    }

    if (r.eligible) {
      expect(r.knockouts, label).toEqual([]);
    } else {
      expect(r.knockouts.length, `${label} is ineligible without a knockout`).toBeGreaterThanOrEqual(1);
      for (const k of r.knockouts) {
        expect(k.reason.trim().length, label).toBeGreaterThan(10);
        expect(k.rating, `${label}: knockout ${k.criterion}`).toBeLessThan(k.required);
      }
    }
  });
}
