/**
 * The robustness analysis's Dirichlet sampling: how many of `samples` weight vectors, drawn
 * around the user's weights, keep the winner first. Plain TypeScript: at 1,000 samples it
 * costs a few milliseconds of a recommendation (docs/robustness.md).
 */
import { mulberry32 as rng } from '../util/random.js';

/** Per criterion: its share of the weights. Per eligible family (winner first): rating − 1 per criterion. */
export interface SamplerInput {
  shares: readonly number[];
  rows: ReadonlyArray<readonly number[]>;
  samples: number;
  seed: number;
  concentration: number;
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

/**
 * Each sample's weights are gamma draws normalised to sum 1 (criteria without weight stay at
 * 0); the winner stays first unless a rival beats it by more than 1e-9.
 */
export function keptSamples({ shares, rows, samples, seed, concentration }: SamplerInput): number {
  const random = rng(seed);
  const n = shares.length;
  const sample = new Float64Array(n);
  const scoreOf = (row: readonly number[]) => {
    let score = 0;
    for (let j = 0; j < n; j++) score += (sample[j]! * row[j]! * 100) / 4;
    return score;
  };
  let kept = 0;
  for (let i = 0; i < samples; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) {
      const w = shares[j]!;
      const g = w > 0 ? gamma(w * concentration, random) : 0;
      sample[j] = g;
      total += g;
    }
    for (let j = 0; j < n; j++) sample[j] = sample[j]! / total;
    const winnerScore = scoreOf(rows[0]!);
    let stays = true;
    for (let k = 1; k < rows.length && stays; k++) stays = !(scoreOf(rows[k]!) > winnerScore + 1e-9);
    if (stays) kept++;
  }
  return kept;
}
