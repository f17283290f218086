/**
 * The robustness analysis's Dirichlet sampling: how many of `samples` weight vectors, drawn
 * around the user's weights, keep the winner first.
 *
 * Every recommendation runs it once, at start-up, before V8 has optimised any of it: in
 * JavaScript the ~25,000 random numbers and ~8,000 gamma draws cost about 6 ms of a 30 ms run,
 * most of it the interpreter boxing each intermediate double. The same loop compiled as a small
 * WebAssembly function runs from its first iteration at machine speed. It gives the same count
 * to the last sample: integer and floating-point arithmetic in WebAssembly is IEEE's, as in
 * JavaScript, and log, cos and pow are JavaScript's own Math functions, imported. `keptInJs`
 * is the reference it is tested against (test/scoring/sampler.test.ts), and the fallback
 * where WebAssembly is not available. The kernel is written in sampler-kernel.ts; its bytes
 * ship in sampler-wasm.ts, so that no run pays for assembling them.
 */

import { SAMPLER_WASM } from './sampler-wasm.js';
import { mulberry32 as rng } from '../util/random.js';

/** Per criterion: its share of the weights. Per eligible family (winner first): rating − 1 per criterion. */
export interface SamplerInput {
  shares: readonly number[];
  rows: ReadonlyArray<readonly number[]>;
  samples: number;
  seed: number;
  concentration: number;
}

/** Marsaglia–Tsang's constants for a gamma draw of `shape` (shape < 1 is boosted by one). */
export function gammaConstants(shape: number): { d: number; c: number; boost: number } {
  const boosted = shape < 1 ? shape + 1 : shape;
  const d = boosted - 1 / 3;
  return { d, c: 1 / Math.sqrt(9 * d), boost: shape < 1 ? 1 / shape : 0 };
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
 * The reference: each sample's weights are gamma draws normalised to sum 1 (criteria without
 * weight stay at 0); the winner stays first unless a rival beats it by more than 1e-9.
 */
export function keptInJs({ shares, rows, samples, seed, concentration }: SamplerInput): number {
  const random = rng(seed);
  const n = shares.length;
  const sample = new Float64Array(n);
  const flat = rows.map((row) => Float64Array.from(row));
  const scoreOf = (row: Float64Array) => {
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
    const winnerScore = scoreOf(flat[0]!);
    let stays = true;
    for (let k = 1; k < flat.length && stays; k++) stays = !(scoreOf(flat[k]!) > winnerScore + 1e-9);
    if (stays) kept++;
  }
  return kept;
}

// --- the WebAssembly kernel -----------------------------------------------------------------

interface Kernel {
  kept: (n: number, families: number, samples: number, seed: number) => number;
  memory: WebAssembly.Memory;
}

let compiled: Kernel | null | undefined;

function wasmKernel(): Kernel | null {
  if (compiled === undefined) {
    try {
      const module = new WebAssembly.Module(Buffer.from(SAMPLER_WASM, 'base64'));
      compiled = new WebAssembly.Instance(module, { m: { log: Math.log, cos: Math.cos, pow: Math.pow } }).exports as unknown as Kernel;
    } catch {
      // No WebAssembly here (--jitless, a policy): the JavaScript loop gives the same count.
      compiled = null;
    }
  }
  return compiled;
}

/** How many samples keep row 0 (the winner) first: the kernel's count, or the reference's. */
export function keptSamples(input: SamplerInput, useWasm = true): number {
  const kernel = useWasm ? wasmKernel() : null;
  const n = input.shares.length;
  const families = input.rows.length;
  if (!kernel || !Number.isInteger(input.seed) || !Number.isInteger(input.samples) || input.samples < 0 || input.samples > 2 ** 31 - 1) return keptInJs(input);
  const doubles = 4 * n + families * n + n;
  const pages = Math.ceil((doubles * 8) / 65536) - kernel.memory.buffer.byteLength / 65536;
  if (pages > 0) kernel.memory.grow(pages);
  const memory = new Float64Array(kernel.memory.buffer, 0, doubles);
  for (let j = 0; j < n; j++) {
    const w = input.shares[j]!;
    const drawn = w > 0;
    const { d, c, boost } = drawn ? gammaConstants(w * input.concentration) : { d: 0, c: 0, boost: 0 };
    memory.set([d, c, boost, drawn ? 1 : 0], 4 * j);
  }
  input.rows.forEach((row, k) => memory.set(row, 4 * n + k * n));
  return kernel.kept(n, families, input.samples, input.seed | 0);
}
