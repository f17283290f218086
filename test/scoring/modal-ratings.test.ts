import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import type { Answers, Knowledge, Variant } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { variantServes } from '../../src/scoring/fit.js';
import { rankFamilies } from '../../src/scoring/rank.js';
import { ratingMatrix } from '../../src/scoring/score.js';

const clone = (): Knowledge => structuredClone(builtinKnowledge);
const rankWith = (k: Knowledge, answers: Answers) => rankFamilies(k, completeProfile(k, mergeAnswers(k, [answers])));
const ruledOut = (k: Knowledge, answers: Answers) => rankWith(k, answers).ruledOut.map((r) => r.family);

describe('ratings per modality', () => {
  it('the engine uses the modality’s value where one is given, and the family value elsewhere', () => {
    const k = clone();
    k.families.transformer.ratings.speed = { value: 2, why: 'family', sources: [], modalities: { text: { value: 5, why: 'text' } } };
    expect(ratingMatrix(k, 'text', 'generate').transformer.speed).toBe(5);
    expect(ratingMatrix(k, 'video', 'generate').transformer.speed).toBe(2);
  });

  it('an overlay sets one modality’s value and keeps the others and the family value', () => {
    const k = clone();
    k.families.transformer.ratings.speed = { value: 2, why: 'family', sources: [], modalities: { text: { value: 5, why: 'text' } } };
    const after = applyOverlays(k, [{ file: 'o.yaml', text: 'families:\n  transformer:\n    ratings:\n      speed: { value: 2, modalities: { code: 4 } }\n' }]);
    expect(after.families.transformer.ratings.speed!.modalities).toEqual({ text: { value: 5, why: 'text' }, code: { value: 4 } });
    expect(ratingMatrix(after, 'code', 'generate').transformer.speed).toBe(4);
    expect(ratingMatrix(after, 'audio', 'generate').transformer.speed).toBe(2);
  });

  it('an overlay naming an unknown modality under a rating fails with the place and the known ones', () => {
    expect(() => applyOverlays(builtinKnowledge, [{ file: 'o.yaml', text: 'families:\n  gan:\n    ratings:\n      speed: { value: 3, modalities: { imgae: 4 } }\n' }])).toThrow(
      /o\.yaml:4:\d+.*unknown modality "imgae".*image/s,
    );
  });
});

describe('variants serve their modalities, tasks and compute only', () => {
  const variant: Variant = { name: 'One-step SR', note: 'GPU only', ratings: { speed: 5 }, sources: [], modalities: ['image'], tasks: ['edit'], compute: 'medium' };
  const use = { modality: 'image', task: 'edit', compute: 'medium' };

  it('meets a requirement for its modality and task when the compute reaches its least', () => {
    expect(variantServes(builtinKnowledge, variant, use)).toBe(true);
    expect(variantServes(builtinKnowledge, variant, { ...use, compute: 'high' })).toBe(true);
    expect(variantServes(builtinKnowledge, variant, { ...use, compute: 'low' })).toBe(false);
    expect(variantServes(builtinKnowledge, variant, { ...use, task: 'generate' })).toBe(false);
    expect(variantServes(builtinKnowledge, variant, { ...use, modality: 'video' })).toBe(false);
    expect(variantServes(builtinKnowledge, { name: 'v', note: 'n', ratings: {}, sources: [] }, { ...use, compute: 'low' })).toBe(true);
  });

  it('a GPU-only variant does not rescue a family on an edge-device real-time case', () => {
    const k = clone();
    k.families.diffusion.variants = [{ ...variant, tasks: undefined }];
    const realtime = { modality: 'image', task: 'generate', latency: 'realtime' };
    expect(ruledOut(k, { ...realtime, compute: 'medium' })).not.toContain('diffusion');
    expect(ruledOut(k, { ...realtime, compute: 'low' })).toContain('diffusion');
    k.families.diffusion.variants = [{ ...variant, compute: undefined, tasks: ['edit'] }];
    expect(ruledOut(k, { ...realtime, compute: 'high' }), 'an edit-only variant does not serve generation').toContain('diffusion');
  });

  it('a variant naming an unknown task or compute level fails validation', () => {
    const text = 'families:\n  gan:\n    variants:\n      - { name: V, note: N, ratings: { speed: 5 }, sources: [], tasks: [upscale], compute: gpu }\n';
    expect(() => applyOverlays(builtinKnowledge, [{ file: 'o.yaml', text }])).toThrow(/unknown task "upscale"[\s\S]*unknown compute "gpu".*Known: low, medium, high/);
  });
});
