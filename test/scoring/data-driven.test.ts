import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type Answers, type FamilyId, type Knowledge, familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { rankFamilies } from '../../src/scoring/rank.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

/**
 * "No ordered chain of if-rules": the ranking is a function of the knowledge data. Each test
 * edits a clone of the knowledge base and checks that the ranking follows the edit.
 */
const clone = (): Knowledge => structuredClone(builtinKnowledge);
const rankWith = (k: Knowledge, answers: Answers) => rankFamilies(k, completeProfile(k, mergeAnswers(k, [answers])));
const winner = (k: Knowledge, answers: Answers) => rankWith(k, answers).ranking[0]?.family;
const everyone = (r: ReturnType<typeof rankWith>) => [...r.ranking, ...r.ruledOut];
const rated = Object.keys(builtinKnowledge.criteria).filter((c) => c !== builtinKnowledge.modality_fit.criterion);

function setAll(k: Knowledge, family: FamilyId, value: number, modality: string, task: string): void {
  for (const c of rated) k.families[family].ratings[c] = { value };
  k.families[family].modalities[modality] = { value };
  k.families[family].tasks[task] = { value };
}

describe('the ranking follows the data', () => {
  it.each(Object.keys(builtinKnowledge.use_cases))('%s: a runner-up rated 5 everywhere takes first place, and the old winner rated 1 loses it', (id) => {
    const preset = builtinKnowledge.use_cases[id]!;
    const modality = preset.answers.modality!;
    const task = preset.answers.task!;
    // The runner-up may be ruled out today: rated 5 everywhere, it must become eligible and win.
    const before = everyone(rankWith(builtinKnowledge, { use_case: id }));
    const runnerUp = before[1]!.family;

    const boosted = clone();
    setAll(boosted, runnerUp, 5, modality, task);
    expect(winner(boosted, { use_case: id })).toBe(runnerUp);

    const sunk = clone();
    setAll(sunk, before[0]!.family, 1, modality, task);
    expect(winner(sunk, { use_case: id })).not.toBe(before[0]!.family);
  });

  it('lowering one rating lowers the score by exactly its weight × the rating step', () => {
    const k = clone();
    const answers = { use_case: 'marketing-visuals' };
    const before = rankWith(builtinKnowledge, answers);
    const quality = builtinKnowledge.families.diffusion.ratings.quality!.value;
    k.families.diffusion.ratings.quality = { value: quality - 2 };
    const after = rankWith(k, answers);
    const score = (r: typeof before, f: FamilyId) => everyone(r).find((x) => x.family === f)!.score;
    expect(score(before, 'diffusion') - score(after, 'diffusion')).toBeCloseTo((before.plan.weights.quality! * 2 * 100) / 4, 1);
    for (const f of FAMILY_IDS.filter((x) => x !== 'diffusion')) expect(score(after, f)).toBe(score(before, f));
  });

  it('a modality fit decides eligibility, in both directions', () => {
    const image = { modality: 'image', task: 'generate' };
    expect(builtinKnowledge.families.autoregressive.modalities.image!.value).toBeLessThan(builtinKnowledge.modality_fit.knockout_below);
    expect(rankWith(builtinKnowledge, image).ruledOut.map((r) => r.family)).toContain('autoregressive');

    const k = clone();
    k.families.autoregressive.modalities.image = { value: builtinKnowledge.modality_fit.knockout_below };
    k.families.diffusion.modalities.image = { value: 1, why: 'edited for the test' };
    const result = rankWith(k, image);
    expect(result.ranking.map((r) => r.family)).toContain('autoregressive');
    const diffusion = result.ruledOut.find((r) => r.family === 'diffusion')!;
    expect(diffusion.knockouts[0]!.reason).toBe('cannot practically generate image (fit 1/5): edited for the test');
  });

  it('a task fit decides eligibility: a family that generates the modality well but cannot do the task is ruled out', () => {
    const chat = { modality: 'multimodal', task: 'conversation' };
    expect(rankWith(builtinKnowledge, chat).ruledOut.map((r) => r.family)).toContain('diffusion');
    const k = clone();
    k.families.diffusion.tasks.conversation = { value: 5, why: 'edited for the test' };
    expect(rankWith(k, chat).ranking.map((r) => r.family)).toContain('diffusion');
    k.families.transformer.tasks.conversation = { value: 2, why: 'edited for the test' };
    const transformer = rankWith(k, chat).ruledOut.find((r) => r.family === 'transformer')!;
    expect(transformer.knockouts[0]!.reason).toBe('not a practical choice for conversation on multimodal (fit 2/5): edited for the test');
  });

  it('an analysis task ignores generation fidelity: the per-modality task fit alone decides', () => {
    const images = { modality: 'image', task: 'anomaly-detection' };
    // Energy-based image generation is weak, but energy scores detect image anomalies.
    expect(builtinKnowledge.families['energy-based'].modalities.image!.value).toBeLessThan(builtinKnowledge.modality_fit.knockout_below);
    expect(rankWith(builtinKnowledge, images).ranking.map((r) => r.family)).toContain('energy-based');
    const k = clone();
    k.families['energy-based'].tasks['anomaly-detection']!.modalities!.image = { value: 2, why: 'edited for the test' };
    expect(rankWith(k, images).ruledOut.map((r) => r.family)).toContain('energy-based');
    k.families['energy-based'].modalities.image = { value: 5 };
    expect(rankWith(k, images).ruledOut.map((r) => r.family), 'generation fit does not rescue it').toContain('energy-based');
  });

  it('a requirement can be met through a named variant, and the variant is named', () => {
    const realtime = { modality: 'image', task: 'generate', latency: 'realtime' };
    const diffusion = rankWith(builtinKnowledge, realtime).ranking.find((r) => r.family === 'diffusion')!;
    expect(diffusion.variants.map((v) => v.criterion)).toEqual(['speed']);
    expect(diffusion.strengths.join(' ')).toMatch(/through [^;]*(Consistency Models|SDXL-Turbo)/);
    const k = clone();
    k.families.diffusion.variants = [];
    expect(rankWith(k, realtime).ruledOut.map((r) => r.family)).toContain('diffusion');
    // The variants serve the modalities they are documented for: real-time tables get no help from them.
    expect(rankWith(builtinKnowledge, { ...realtime, modality: 'tabular' }).ruledOut.map((r) => r.family)).toContain('diffusion');
  });

  it('the knockout threshold is data', () => {
    const k = clone();
    k.modality_fit.knockout_below = 1;
    expect(rankWith(k, { modality: 'text', task: 'generate' }).ruledOut).toEqual([]);
  });

  it('an answer’s effect is data: editing the question table moves the weights', () => {
    const answers = { modality: 'image', task: 'generate', latency: 'realtime' };
    const before = rankWith(builtinKnowledge, answers).plan;
    const k = clone();
    const realtime = k.questions.find((q) => q.key === 'latency')!.choices!.find((c) => c.value === 'realtime')!;
    realtime.effect = { weights: { cost: 6 } };
    const after = rankWith(k, answers).plan;
    expect(after.weights.speed!).toBeLessThan(before.weights.speed!);
    expect(after.weights.cost!).toBeGreaterThan(before.weights.cost!);
  });

  it('a requirement is data: a choice that requires a rating knocks out families below it', () => {
    const k = clone();
    const edit = k.questions.find((q) => q.key === 'task')!.choices!.find((c) => c.value === 'edit')!;
    edit.effect = { ...edit.effect, requires: { likelihood: 5 } };
    const result = rankWith(k, { modality: 'image', task: 'edit' });
    const ranking = result.ranking;
    for (const r of everyone(result)) {
      const likelihood = builtinKnowledge.families[r.family].ratings.likelihood!.value;
      if (likelihood < 5) expect(r.knockouts.some((ko) => ko.criterion === 'likelihood' && /^no exact probability scores for edit or restore \(likelihood \d, edit or restore needs 5\)$/.test(ko.reason)), r.family).toBe(true);
    }
    expect(ranking[0]!.family).toBe('flow');
  });

  it('level points are data', () => {
    const k = clone();
    k.levels.high.points = 100;
    const plan = rankWith(k, { modality: 'image', task: 'generate', priorities: { anomaly: 'high' } }).plan;
    expect(plan.weights.anomaly!).toBeGreaterThan(0.8);
  });
});
