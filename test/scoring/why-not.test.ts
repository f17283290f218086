import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type Answers, type FamilyId, type Profile, familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend, type Recommendation } from '../../src/recommend.js';
import { shiftWeight } from '../../src/scoring/robustness.js';
import { rawScore } from '../../src/scoring/score.js';
import { leadRange, whyNot } from '../../src/scoring/why-not.js';
import type { RatingMatrix } from '../../src/scoring/types.js';
import { TODAY } from '../helpers/today.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const knowledge = builtinKnowledge;
const profileOf = (answers: Answers): Profile => completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
const advise = (answers: Answers) => recommend(knowledge, profileOf(answers), { today: TODAY });
const clear: Answers = { modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'medium' } };
const editing: Answers = { modality: 'image', task: 'edit' };

const eligibleOf = (rec: Recommendation) => rec.ranking.map((r) => r.family);
const leaderAt = (rec: Recommendation, weights: Record<string, number>) =>
  eligibleOf(rec).reduce((best, f) => (rawScore(rec.matrix[f], weights) > rawScore(rec.matrix[best], weights) + 1e-9 ? f : best));

/** Applies an answer change the way the user would: the flags' answer, everything else kept. */
function changedProfile(profile: Profile, key: string, to: string): Profile {
  if (key.startsWith('priorities.')) return { ...profile, priorities: { ...profile.priorities, [key.slice('priorities.'.length)]: to as never } };
  const value = to === 'true' ? true : to === 'false' ? false : to;
  return { ...profile, [key]: value };
}

describe('whyNot', () => {
  it('for diverse images, GAN loses most on diversity, and the points add up to the gap', () => {
    const rec = advise(clear);
    const w = whyNot(rec, 'gan');
    expect(w.winner).toBe('diffusion');
    expect(w.eligible).toBe(true);
    expect(w.differences[0]).toMatchObject({ criterion: 'diversity', rating: 2, winnerRating: 5 });
    expect(w.differences[0]!.points).toBeLessThan(0);
    const sum = w.differences.reduce((s, d) => s + d.points, 0);
    expect(sum).toBeCloseTo(w.score - w.winnerScore, 0);
    expect(w.gap).toBeCloseTo(w.winnerScore - w.score, 5);
  });

  it('the winner itself gets the winner verdict and no changes', () => {
    const rec = advise(clear);
    const w = whyNot(rec, 'diffusion');
    expect(w.verdict).toBe('winner');
    expect(w.weightChanges).toEqual([]);
    expect(w.answerChanges).toEqual([]);
  });

  it('an ineligible family names its knockout; a modality knockout names no answer', () => {
    const rec = advise(clear);
    const w = whyNot(rec, 'autoregressive');
    expect(w.verdict).toBe('ineligible');
    expect(w.knockouts).toHaveLength(1);
    expect(w.knockouts[0]).toMatchObject({ criterion: knowledge.modality_fit.criterion, kind: 'modality', because: [] });
    expect(w.weightChanges).toEqual([]);
  });

  it('a hard-requirement knockout names the answer that set it', () => {
    // On anomaly detection a required speed asks for a scoring speed of at least 4.
    const rec = advise({ modality: 'image', task: 'anomaly-detection', require: ['speed'] });
    const knocked = rec.ruledOut.filter((r) => r.knockouts.some((k) => k.kind === 'hard'));
    expect(knocked.length).toBeGreaterThan(0);
    for (const family of knocked) {
      const w = whyNot(rec, family.family);
      const requirement = w.knockouts.filter((k) => k.kind === 'hard');
      expect(requirement.length).toBeGreaterThan(0);
      for (const k of requirement) {
        expect(k.because.length).toBeGreaterThan(0);
        for (const because of k.because) expect(because).toBe('speed is a hard requirement (for anomaly detection, generation speed is judged as scoring speed)');
      }
    }
  });

  it('every weight change is exact: just past it the family leads, just short of it the winner still does', () => {
    for (const answers of [clear, { modality: 'text', task: 'conversation' }, { modality: 'audio', task: 'generate', latency: 'realtime' }] as Answers[]) {
      const rec = advise(answers);
      for (const family of eligibleOf(rec).slice(1)) {
        for (const change of whyNot(rec, family).weightChanges) {
          expect(change.from).toBeCloseTo(rec.plan.weights[change.criterion]!, 4);
          const inside = change.direction === 'above' ? change.to + 0.002 : change.to - 0.002;
          expect(leaderAt(rec, shiftWeight(rec.plan.weights, change.criterion, inside)), `${family} ${change.criterion} ${inside}`).toBe(family);
          const outside = change.direction === 'above' ? change.to - 0.002 : change.to + 0.002;
          if (outside > 0 && outside < 1) expect(leaderAt(rec, shiftWeight(rec.plan.weights, change.criterion, outside))).not.toBe(family);
        }
      }
    }
  });

  it('every answer change, applied, ranks the family first', () => {
    const rec = advise({ modality: 'tabular', task: 'synthetic-data' });
    const w = whyNot(rec, 'vae');
    expect(w.verdict).toBe('behind');
    expect(w.answerChanges.length).toBeGreaterThan(0);
    for (const change of w.answerChanges) {
      const after = recommend(knowledge, changedProfile(rec.profile, change.key, change.to), { today: TODAY });
      expect(after.ranking[0]).toMatchObject({ family: 'vae', eligible: true, score: change.score });
    }
  });

  it('never proposes changing the use case itself (modality, task)', () => {
    const rec = advise(clear);
    for (const family of FAMILY_IDS) for (const c of whyNot(rec, family).answerChanges) expect(['modality', 'task']).not.toContain(c.key);
  });

  it('says honestly when nothing would: GAN for image editing is unreachable by any single change', () => {
    const rec = advise(editing);
    const w = whyNot(rec, 'gan');
    expect(w.verdict).toBe('unreachable');
    // Where GAN beats diffusion, another family is at least as strong.
    expect(w.blockers.length).toBe(w.strongerOn.length);
    for (const b of w.blockers) {
      expect(rec.matrix.gan[b.criterion]!).toBeGreaterThan(rec.matrix.diffusion[b.criterion]!);
      expect(rec.matrix[b.leader][b.criterion]!).toBeGreaterThanOrEqual(rec.matrix.gan[b.criterion]!);
    }
  });

  it('dominated: rated at or below the winner on every weighted criterion', () => {
    const rec = advise(clear);
    for (const family of FAMILY_IDS) {
      const w = whyNot(rec, family);
      expect(w.dominated).toBe(w.differences.every((d) => d.rating <= d.winnerRating));
    }
  });
});

describe('leadRange', () => {
  const matrix = { gan: { a: 5, b: 1 }, vae: { a: 1, b: 5 }, flow: { a: 3, b: 3 } } as unknown as RatingMatrix;

  it('is the interval where the family beats every rival', () => {
    // flow scores 50 everywhere; gan 100a; vae 100(1 − a): flow leads for a in (0.5, 0.5): never.
    expect(leadRange(matrix, { a: 0.5, b: 0.5 }, 'a', 'flow', ['gan', 'vae'])).toBeUndefined();
    const [lo, hi] = leadRange(matrix, { a: 0.5, b: 0.5 }, 'a', 'gan', ['vae', 'flow'])!;
    expect(lo).toBeCloseTo(0.5);
    expect(hi).toBe(1);
  });

  it('with a third family in the middle, the range is bounded on both sides', () => {
    const m = { ...matrix, flow: { a: 3.5, b: 3.5 } } as unknown as RatingMatrix;
    // flow 62.5 flat; gan 100a; vae 100(1 − a): flow leads for a in (0.375, 0.625).
    const [lo, hi] = leadRange(m, { a: 0.5, b: 0.5 }, 'a', 'flow', ['gan', 'vae'])!;
    expect(lo).toBeCloseTo(0.375);
    expect(hi).toBeCloseTo(0.625);
  });
});

describe('whyNot on every family and preset', () => {
  it('never throws, and its verdicts are consistent with the ranking', () => {
    for (const use_case of Object.keys(knowledge.use_cases)) {
      const rec = advise({ use_case });
      for (const family of FAMILY_IDS as readonly FamilyId[]) {
        const w = whyNot(rec, family);
        const entry = rec.ranking.find((r) => r.family === family);
        if (!entry) expect(w.verdict).toBe('ineligible');
        else if (entry.rank === 1) expect(w.verdict).toBe('winner');
        else expect(['behind', 'unreachable']).toContain(w.verdict);
        if (w.verdict === 'unreachable') expect(w.weightChanges.length + w.answerChanges.length).toBe(0);
      }
    }
  });
});
