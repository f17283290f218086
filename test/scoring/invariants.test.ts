import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { Answers, Profile, Question } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { recommendDocument, renderJson } from '../../src/render/recommend-json.js';
import { ProfileError } from '../../src/scoring/errors.js';
import { rankFamilies } from '../../src/scoring/rank.js';
import { expectInvariants } from './invariants.js';
import { answerFor } from '../helpers/arbitraries.js';
import { TODAY } from '../helpers/today.js';

const profileOf = (answers: Answers): Profile => completeProfile(k, mergeAnswers(k, [answers]));
const choices = (key: string) => k.questions.find((q) => q.key === key)!.choices!.map((c) => c.value);
const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };

function check(profile: Profile): void {
  const { plan, ranking, ruledOut } = rankFamilies(k, profile);
  expectInvariants({ weights: plan.weights, ranking, ruledOut });
  // Eligibility follows the requirements exactly: no hidden rule knocks a family out. A
  // requirement is met by the family's rating or by a variant it names.
  for (const r of ranking) {
    for (const req of plan.requirements) {
      const rating = r.contributions.find((c) => c.criterion === req.criterion)!.rating;
      if (rating < req.min) expect(r.variants.map((v) => v.criterion), `${r.family} meets ${req.criterion} only through a variant`).toContain(req.criterion);
    }
    expect(r.contributions.find((c) => c.criterion === k.modality_fit.criterion)!.rating).toBeGreaterThanOrEqual(k.modality_fit.knockout_below);
  }
}

describe('ranking invariants', () => {
  it.each(Object.keys(k.use_cases))('hold for the preset %s', (id) => {
    check(profileOf({ use_case: id }));
  });

  it('hold for every modality and task with default answers', () => {
    for (const modality of choices('modality')) for (const task of choices('task')) check(profileOf({ modality, task }));
  });

  it('hold for random valid profiles (property test)', () => {
    const arbitraryFor = (q: Question) => answerFor(q, Object.keys(k.criteria), [], Object.keys(k.criteria).length);
    const answers = fc.record(Object.fromEntries(k.questions.filter((q) => q.kind !== 'preset').map((q) => [q.key, arbitraryFor(q)]))) as fc.Arbitrary<Profile>;
    let scored = 0;
    fc.assert(
      fc.property(answers, (profile) => {
        let result: ReturnType<typeof rankFamilies>;
        try {
          result = rankFamilies(k, profile);
        } catch (error) {
          // The one profile that cannot be ranked: every criterion weighs nothing.
          expect(error).toBeInstanceOf(ProfileError);
          expect(Object.values(deriveRaw(profile)).every((v) => v === 0)).toBe(true);
          return;
        }
        scored++;
        expectInvariants({ weights: result.plan.weights, ranking: result.ranking, ruledOut: result.ruledOut });
      }),
      { numRuns: 120, seed: 20260101 },
    );
    expect(scored).toBeGreaterThan(100);
  });

  it('the JSON a user sees holds them too, with rounded numbers', () => {
    for (const id of Object.keys(k.use_cases)) {
      const doc = JSON.parse(renderJson(recommendDocument(recommend(k, profileOf({ use_case: id }), { today: TODAY }), TOOL)));
      expectInvariants(doc, { weightTolerance: 5e-5 });
    }
  });
});

describe('determinism', () => {
  it('the same profile gives identical rankings and byte-identical JSON', () => {
    const profile = profileOf({ use_case: 'fraud-detection' });
    expect(rankFamilies(k, profile)).toEqual(rankFamilies(k, structuredClone(profile)));
    const json = () => renderJson(recommendDocument(recommend(k, profileOf({ use_case: 'fraud-detection' }), { today: TODAY }), TOOL));
    expect(json()).toBe(json());
  });

  it('does not depend on the order priorities were given in', () => {
    const a = rankFamilies(k, profileOf({ modality: 'image', task: 'edit', priorities: { quality: 'high', speed: 'low', control: 'critical' } }));
    const b = rankFamilies(k, profileOf({ modality: 'image', task: 'edit', priorities: { control: 'critical', speed: 'low', quality: 'high' } }));
    expect(b.ranking).toEqual(a.ranking);
    expect(b.plan.weights).toEqual(a.plan.weights);
  });
});

/** Importance before normalising, for the property test's one legitimate failure. */
function deriveRaw(profile: Profile): Record<string, number> {
  const raw: Record<string, number> = {};
  for (const [id, c] of Object.entries(k.criteria)) raw[id] = k.levels[c.default_level].points;
  for (const q of k.questions) {
    const answer = (profile as Record<string, unknown>)[q.key];
    const effect = q.kind === 'boolean' ? (answer ? q.when_true : q.when_false) : q.choices?.find((c) => c.value === answer)?.effect;
    for (const [c, delta] of Object.entries(effect?.weights ?? {})) raw[c] = raw[c]! + delta;
  }
  for (const [c, level] of Object.entries(profile.priorities)) raw[c] = k.levels[level].points;
  for (const c of Object.keys(raw)) raw[c] = Math.max(0, raw[c]!);
  const task = k.questions.find((q) => q.key === 'task')!.choices!.find((c) => c.value === profile.task);
  for (const [from, to] of Object.entries(task?.uses ?? {})) {
    raw[to] = raw[to]! + raw[from]!;
    raw[from] = 0;
  }
  for (const c of task?.excludes ?? []) raw[c] = 0;
  return raw;
}
