import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keptInJs, keptSamples, type SamplerInput } from '../../src/scoring/sampler.js';
import { samplerWasmSource } from '../../scripts/sampler-kernel.js';

/** Weights as a profile gives them: some criteria at zero, some tiny (a gamma shape under 1). */
const input: fc.Arbitrary<SamplerInput> = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0.001, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 1, max: 7 }),
    fc.integer({ min: 0, max: 300 }),
    fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
    fc.constantFrom(50, 10, 200, 0.5),
    fc.nat(),
  )
  .filter(([raw]) => raw.some((w) => w > 0))
  .map(([raw, families, samples, seed, concentration, salt]) => {
    const total = raw.reduce((a, b) => a + b, 0);
    let s = salt;
    const rating = () => {
      s = (s * 1103515245 + 12345) >>> 0;
      return s % 5;
    };
    return { shares: raw.map((w) => w / total), rows: Array.from({ length: families }, () => raw.map(rating)), samples, seed, concentration };
  });

describe('the robustness sampler', () => {
  it('counts in WebAssembly exactly what the JavaScript reference counts', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(keptSamples(i)).toBe(keptInJs(i));
      }),
      { numRuns: 400 },
    );
  });

  it('counts the shipped analysis (1,000 samples) the same way', () => {
    const shares = [0.25, 0.125, 0.125, 0, 0.0625, 0.0625, 0, 0.125, 0.125, 0.125];
    const rows = [[3, 2, 3, 2, 3, 4, 1, 2, 3, 4], [4, 3, 1, 2, 3, 3, 2, 1, 2, 3], [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]];
    const i = { shares, rows, samples: 1000, seed: 42, concentration: 50 };
    expect(keptSamples(i)).toBe(keptInJs(i));
    expect(keptSamples(i, false)).toBe(keptInJs(i));
  });

  it('ships the bytes the kernel’s source assembles (run `npx tsx scripts/sampler-kernel.ts`)', () => {
    expect(readFileSync('src/scoring/sampler-wasm.ts', 'utf8')).toBe(samplerWasmSource());
  });
});
