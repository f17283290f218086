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
const winner = (k: Knowledge, answers: Answers) => rankWith(k, answers).ranking[0]!.family;
const rated = Object.keys(builtinKnowledge.criteria).filter((c) => c !== builtinKnowledge.modality_fit.criterion);

function setAll(k: Knowledge, family: FamilyId, value: number, modality: string): void {
  for (const c of rated) k.families[family].ratings[c] = { value };
  k.families[family].modalities[modality] = { value };
}

describe('the ranking follows the data', () => {
  it.each(Object.keys(builtinKnowledge.use_cases))('%s: a runner-up rated 5 everywhere takes first place, and the old winner rated 1 loses it', (id) => {
    const preset = builtinKnowledge.use_cases[id]!;
    const modality = preset.answers.modality!;
    const before = rankWith(builtinKnowledge, { use_case: id }).ranking;
    const runnerUp = before[1]!.family;

    const boosted = clone();
    setAll(boosted, runnerUp, 5, modality);
    expect(winner(boosted, { use_case: id })).toBe(runnerUp);

    const sunk = clone();
    setAll(sunk, before[0]!.family, 1, modality);
    expect(winner(sunk, { use_case: id })).not.toBe(before[0]!.family);
  });

  it('lowering one rating lowers the score by exactly its weight × the rating step', () => {
    const k = clone();
    const answers = { use_case: 'marketing-visuals' };
    const before = rankWith(builtinKnowledge, answers);
    const quality = builtinKnowledge.families.diffusion.ratings.quality!.value;
    k.families.diffusion.ratings.quality = { value: quality - 2 };
    const after = rankWith(k, answers);
    const score = (r: typeof before, f: FamilyId) => r.ranking.find((x) => x.family === f)!.score;
    expect(score(before, 'diffusion') - score(after, 'diffusion')).toBeCloseTo((before.plan.weights.quality! * 2 * 100) / 4, 1);
    for (const f of FAMILY_IDS.filter((x) => x !== 'diffusion')) expect(score(after, f)).toBe(score(before, f));
  });

  it('a modality fit decides eligibility, in both directions', () => {
    const image = { modality: 'image', task: 'generate' };
    expect(builtinKnowledge.families.autoregressive.modalities.image!.value).toBeLessThan(builtinKnowledge.modality_fit.knockout_below);
    expect(rankWith(builtinKnowledge, image).ranking.find((r) => r.family === 'autoregressive')!.eligible).toBe(false);

    const k = clone();
    k.families.autoregressive.modalities.image = { value: builtinKnowledge.modality_fit.knockout_below };
    k.families.diffusion.modalities.image = { value: 1, why: 'edited for the test' };
    const ranking = rankWith(k, image).ranking;
    expect(ranking.find((r) => r.family === 'autoregressive')!.eligible).toBe(true);
    const diffusion = ranking.find((r) => r.family === 'diffusion')!;
    expect(diffusion.eligible).toBe(false);
    expect(diffusion.knockouts[0]!.reason).toBe('cannot practically serve image (fit 1/5): edited for the test');
  });

  it('the knockout threshold is data', () => {
    const k = clone();
    k.modality_fit.knockout_below = 1;
    expect(rankWith(k, { modality: 'text', task: 'generate' }).ranking.every((r) => r.eligible)).toBe(true);
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
    const ranking = rankWith(k, { modality: 'image', task: 'edit' }).ranking;
    for (const r of ranking) {
      const likelihood = builtinKnowledge.families[r.family].ratings.likelihood!.value;
      if (likelihood < 5) expect(r.knockouts.some((ko) => ko.criterion === 'likelihood' && /because task is edit/.test(ko.reason)), r.family).toBe(true);
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
