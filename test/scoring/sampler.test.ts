import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptSamples, type SamplerInput } from '../../src/scoring/sampler.js';

/** Weights as a profile gives them: some criteria at zero, some tiny (a gamma shape under 1). */
const shares = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0.001, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 12 })
  .filter((raw) => raw.some((w) => w > 0))
  .map((raw) => {
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / total);
  });

const rowsFor = (n: number) => fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 7 });

const input: fc.Arbitrary<SamplerInput> = shares.chain((s) =>
  fc.record({ shares: fc.constant(s), rows: rowsFor(s.length), samples: fc.integer({ min: 0, max: 200 }), seed: fc.nat(), concentration: fc.constantFrom(50, 10, 200, 0.5) }),
);

describe('the robustness sampler', () => {
  it('counts between none and all of the samples, the same count for the same seed', () => {
    fc.assert(
      fc.property(input, (i) => {
        const kept = keptSamples(i);
        expect(kept).toBeGreaterThanOrEqual(0);
        expect(kept).toBeLessThanOrEqual(i.samples);
        expect(keptSamples(i)).toBe(kept);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('keeps every sample for a winner at least as good on every criterion, and none for one worse on all', () => {
    fc.assert(
      fc.property(shares, fc.nat(), (s, seed) => {
        const best = s.map(() => 4);
        const worst = s.map(() => 0);
        expect(keptSamples({ shares: s, rows: [best, worst], samples: 50, seed, concentration: 50 })).toBe(50);
        expect(keptSamples({ shares: s, rows: [worst, best], samples: 50, seed, concentration: 50 })).toBe(0);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('keeps about half the samples when two rivals split the weight evenly', () => {
    const kept = keptSamples({ shares: [0.5, 0.5], rows: [[4, 0], [0, 4]], samples: 1000, seed: 42, concentration: 50 });
    expect(kept).toBeGreaterThan(400);
    expect(kept).toBeLessThan(600);
  });
});
