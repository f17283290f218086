import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type Answers, type Knowledge, familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { ProfileError } from '../../src/scoring/errors.js';
import { rankFamilies } from '../../src/scoring/rank.js';
import { pointsFor } from '../../src/scoring/score.js';
import { deriveWeights } from '../../src/scoring/weights.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const k = builtinKnowledge;
const profileOf = (answers: Answers, knowledge: Knowledge = k) => completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
const effectOf = (key: string, value: string) => k.questions.find((q) => q.key === key)!.choices!.find((c) => c.value === value)!.effect;

describe('deriveWeights', () => {
  it('starts from each criterion’s default level and adds each answer’s effect, then normalises', () => {
    const profile = profileOf({ modality: 'image', task: 'generate' });
    const { raw, weights } = deriveWeights(k, profile);
    const expected: Record<string, number> = {};
    for (const [id, c] of Object.entries(k.criteria)) expected[id] = k.levels[c.default_level].points;
    for (const [key, value] of [['task', 'generate'], ['latency', profile.latency], ['data', profile.data], ['compute', profile.compute]] as const) {
      for (const [c, delta] of Object.entries(effectOf(key, value)?.weights ?? {})) expected[c]! += delta;
    }
    expect(raw).toEqual(expected);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    for (const id of Object.keys(expected)) expect(weights[id]).toBeCloseTo(expected[id]! / total, 12);
  });

  it('an explicit priority replaces the computed importance with its level’s points', () => {
    const { raw } = deriveWeights(k, profileOf({ modality: 'image', task: 'generate', priorities: { quality: 'low', likelihood: 'high' } }));
    expect(raw.quality).toBe(k.levels.low.points);
    expect(raw.likelihood).toBe(k.levels.high.points);
  });

  it('none removes a criterion from the score entirely', () => {
    const { weights } = deriveWeights(k, profileOf({ modality: 'image', task: 'generate', priorities: { quality: 'none' } }));
    expect(weights.quality).toBe(0);
  });

  it('a priority is a preference: even critical weighs and never rules a family out', () => {
    const plan = deriveWeights(k, profileOf({ modality: 'image', task: 'generate', priorities: { speed: 'critical', quality: 'high' } }));
    expect(plan.requirements).toEqual([]);
    expect(plan.raw.speed).toBe(k.levels.critical.points);
    // Diffusion samples slowly (speed 2) yet stays eligible: the priority only costs it points.
    const ranked = rankFamilies(k, profileOf({ modality: 'image', task: 'generate', priorities: { speed: 'critical' } }));
    expect(ranked.ranking.map((r) => r.family)).toContain('diffusion');
  });

  it('a hard requirement rules out a family below the bar, and says it is the user’s', () => {
    const min = k.questions.find((q) => q.key === 'require')!.min_rating!;
    const plan = deriveWeights(k, profileOf({ modality: 'image', task: 'generate', require: ['speed'] }));
    expect(plan.requirements).toEqual([{ criterion: 'speed', min, because: 'speed is a hard requirement', need: 'you', hard: true }]);
    // Tables: diffusion's fast variants serve images, video, audio, text and code, not tables.
    const ranked = rankFamilies(k, profileOf({ modality: 'tabular', task: 'generate', require: ['speed'] }));
    const diffusion = ranked.ruledOut.find((r) => r.family === 'diffusion');
    expect(diffusion?.knockouts).toContainEqual(expect.objectContaining({ kind: 'hard', criterion: 'speed', required: min }));
    expect(diffusion?.knockouts.find((ko) => ko.kind === 'hard')!.reason).toMatch(/^sampling too slow \(speed \d, you require 4/);
  });

  it('a choice with `requires` adds a requirement naming the answer, and its knockout reads as a cause', () => {
    const { requirements } = deriveWeights(k, profileOf({ modality: 'image', task: 'generate', latency: 'realtime' }));
    expect(requirements).toContainEqual({ criterion: 'speed', min: effectOf('latency', 'realtime')!.requires!.speed, because: 'latency is realtime', need: 'real time', hard: false });
    const ranked = rankFamilies(k, profileOf({ modality: 'audio', task: 'generate', latency: 'realtime' }));
    const reasons = ranked.ruledOut.flatMap((r) => r.knockouts.filter((ko) => ko.kind === 'requirement').map((ko) => ko.reason));
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^sampling too slow for real time \(speed \d, real time needs 4/);
  });

  it('the task decides which criteria apply: anomaly detection drops sample quality and diversity, whatever the answers', () => {
    const { weights, requirements, notApplicable } = deriveWeights(k, profileOf({ modality: 'image', task: 'anomaly-detection', priorities: { quality: 'critical', diversity: 'high' } }));
    expect(notApplicable).toEqual(expect.arrayContaining(['quality', 'diversity']));
    expect(weights.quality).toBe(0);
    expect(weights.diversity).toBe(0);
    expect(requirements.map((r) => r.criterion)).not.toContain('quality');
  });

  it('the task renames a criterion: on anomaly detection, real-time speed is judged as scoring speed', () => {
    const plan = deriveWeights(k, profileOf({ modality: 'tabular', task: 'anomaly-detection', latency: 'realtime' }));
    expect(plan.renamed.speed).toBe('scoring-speed');
    expect(plan.weights.speed).toBe(0);
    expect(plan.weights['scoring-speed']!).toBeGreaterThan(0);
    expect(plan.requirements).toContainEqual({ criterion: 'scoring-speed', min: 4, because: 'latency is realtime (for anomaly detection, generation speed is judged as scoring speed)', need: 'real time', hard: false });
    expect(deriveWeights(k, profileOf({ modality: 'tabular', task: 'density-estimation' })).renamed.speed, 'density estimation scores too').toBe('scoring-speed');
  });

  it('never lets a negative effect make a weight negative', () => {
    const { raw, weights } = deriveWeights(k, profileOf({ modality: 'tabular', task: 'anomaly-detection', priorities: {} }));
    for (const id of Object.keys(raw)) expect(raw[id]).toBeGreaterThanOrEqual(0);
    for (const id of Object.keys(weights)) expect(weights[id]).toBeGreaterThanOrEqual(0);
  });

  it('refuses a profile where nothing matters, naming the fix', () => {
    const priorities = Object.fromEntries(Object.keys(k.criteria).map((c) => [c, 'none' as const]));
    expect(() => deriveWeights(k, profileOf({ modality: 'image', task: 'generate', priorities }))).toThrow(ProfileError);
    expect(() => deriveWeights(k, profileOf({ modality: 'image', task: 'generate', priorities }))).toThrow(/every criterion has importance none/);
  });
});

describe('scores on the absolute 1–5 scale', () => {
  it('maps rating 1 to 0 points and 5 to the full weight × 100, linearly', () => {
    expect(pointsFor(0.25, 1)).toBe(0);
    expect(pointsFor(0.25, 3)).toBe(12.5);
    expect(pointsFor(0.25, 5)).toBe(25);
  });

  it('a family rated 5 everywhere scores 100 and one rated 1 everywhere scores 0, whatever the weights', () => {
    const clone = structuredClone(k);
    for (const c of Object.keys(clone.criteria)) {
      clone.families.gan.ratings[c] = { value: 5 };
      clone.families.vae.ratings[c] = { value: 1 };
    }
    clone.families.gan.modalities.image = { value: 5 };
    clone.families.vae.modalities.image = { value: 1 };
    for (const t of Object.keys(clone.families.gan.tasks)) {
      clone.families.gan.tasks[t] = { value: 5 };
      clone.families.vae.tasks[t] = { value: 1 };
    }
    for (const answers of [{ use_case: 'marketing-visuals' }, { modality: 'image', task: 'edit', priorities: { cost: 'critical' as const } }]) {
      const { ranking, ruledOut } = rankFamilies(clone, profileOf(answers, clone));
      expect([...ranking, ...ruledOut].find((r) => r.family === 'gan')!.score).toBe(100);
      expect([...ranking, ...ruledOut].find((r) => r.family === 'vae')!.score).toBe(0);
    }
  });
});

describe('tie-break', () => {
  // Two families with identical ratings everywhere, maturity aside, and maturity weighing nothing.
  function twins(ganMaturity: number, vaeMaturity: number) {
    const clone = structuredClone(k);
    clone.families.vae.ratings = structuredClone(clone.families.gan.ratings);
    clone.families.vae.modalities = structuredClone(clone.families.gan.modalities);
    clone.families.vae.tasks = structuredClone(clone.families.gan.tasks);
    clone.families.vae.variants = structuredClone(clone.families.gan.variants);
    clone.families.gan.ratings.maturity = { value: ganMaturity };
    clone.families.vae.ratings.maturity = { value: vaeMaturity };
    const ranking = rankFamilies(clone, profileOf({ modality: 'image', task: 'edit', priorities: { maturity: 'none' } }, clone)).ranking;
    const at = (f: string) => ranking.findIndex((r) => r.family === f);
    expect(ranking[at('gan')]!.score).toBe(ranking[at('vae')]!.score);
    return { gan: at('gan'), vae: at('vae') };
  }

  it('equal scores go to the more mature family', () => {
    const order = twins(3, 5);
    expect(order.vae).toBeLessThan(order.gan);
  });

  it('then to the order of the contract’s family list', () => {
    const order = twins(4, 4);
    expect(FAMILY_IDS.indexOf('gan')).toBeLessThan(FAMILY_IDS.indexOf('vae'));
    expect(order.gan).toBeLessThan(order.vae);
  });
});
