import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import type { Answers, Knowledge, Variant } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { evidenceFor, variantServes } from '../../src/scoring/fit.js';
import { rankFamilies } from '../../src/scoring/rank.js';
import { ratingMatrix } from '../../src/scoring/score.js';
import { closestVerdict } from '../../src/scoring/verdict.js';

const clone = (): Knowledge => structuredClone(builtinKnowledge);
const rankWith = (k: Knowledge, answers: Answers) => rankFamilies(k, completeProfile(k, mergeAnswers(k, [answers])));
const ruledOut = (k: Knowledge, answers: Answers) => rankWith(k, answers).ruledOut.map((r) => r.family);
const familyIn = (k: Knowledge, answers: Answers, family: string) => {
  const { ranking, ruledOut: out } = rankWith(k, answers);
  return [...ranking, ...out].find((r) => r.family === family)!;
};

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

describe('the evidence shown matches the modality', () => {
  it('a why whose figures are about other modalities (why_for) is not quoted for this one', () => {
    const k = clone();
    // Anomaly detection is an analysis task: the task fit alone is the fit.
    k.families.gan.tasks['anomaly-detection'] = { value: 2, why: 'f-AnoGAN on medical images', sources: ['FANOGAN'], why_for: ['image'] };
    const fit = (modality: string) => familyIn(k, { modality, task: 'anomaly-detection' }, 'gan').fit;
    expect(evidenceFor(k.families.gan.tasks['anomaly-detection'], 'image')).toEqual({ why: 'f-AnoGAN on medical images', sources: ['FANOGAN'] });
    expect(evidenceFor(k.families.gan.tasks['anomaly-detection'], 'time-series')).toEqual({ sources: [] });
    expect(fit('image').why).toBe('f-AnoGAN on medical images');
    expect(fit('time-series').why).toBeUndefined();
    expect(fit('time-series').sources).toEqual([]);
  });
});

describe('contributions name the modality whose rating was used', () => {
  it('"for text" where the modality has its own rating, null where the family value counts', () => {
    const k = clone();
    k.families.transformer.ratings.speed = { value: 3, why: 'family', sources: [], modalities: { text: { value: 5, why: 'text' } } };
    const speed = (modality: string) => familyIn(k, { modality, task: 'generate' }, 'transformer').contributions.find((c) => c.criterion === 'speed')!;
    expect(speed('text')).toMatchObject({ rating: 5, modality: 'text' });
    expect(speed('image')).toMatchObject({ rating: 3, modality: null });
    const reasons = rankWith(k, { modality: 'text', task: 'generate', latency: 'realtime' }).ranking.find((r) => r.family === 'transformer')!.strengths.join(' ');
    expect(reasons).toContain('generation speed 5/5 for text');
  });
});

describe('when nothing fits, the closest family is one an answer could bring back', () => {
  it('a family the task rules out is never the closest, however small its shortfall', () => {
    const k = clone();
    // Transformer misses real time by 2 points; GAN's conversation fit misses by 2 too.
    k.families.transformer.ratings.speed = { value: 2 };
    k.families.transformer.variants = [];
    const rec = rankWith(k, { modality: 'image', task: 'conversation', latency: 'realtime' });
    expect(rec.ranking).toEqual([]);
    const verdict = closestVerdict(k, completeProfile(k, mergeAnswers(k, [{ modality: 'image', task: 'conversation', latency: 'realtime' }])), rec.ranking, rec.ruledOut);
    expect(verdict).toMatchObject({ status: 'none-eligible', closest: 'transformer' });
  });
});
