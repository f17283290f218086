/**
 * Profiles and their weights for the thousands of distinct profiles of a large stack, in the
 * streaming check (fast-check.ts). resolveAnswers is the profile resolution of one layer of
 * answers; the planner is deriveWeights (scoring/weights.ts):
 * the same operations in the same order, so the same plan to the last bit, with each answer's
 * effect looked up in a table built once instead of searched and re-listed for every profile,
 * and a requirement's reason written only when there is a requirement.
 * test/check/fast-check.test.ts holds both to the general functions; anything unusual is
 * handed to deriveWeights.
 */
import type { Answers, Effect, Knowledge, Profile } from '../knowledge/types.js';
import type { Requirement, WeightPlan } from '../scoring/types.js';
import { deriveWeights } from '../scoring/weights.js';

/**
 * completeProfile(mergeAnswers(knowledge, [answers])) for a single layer of answers, or
 * undefined when a required answer is missing: the same profile (keys in the same order),
 * without the general merge's arrays and closures, for the thousands of distinct profiles of a
 * large stack. test/check/fast-check.test.ts holds it to the general functions.
 */
export function resolveAnswers(knowledge: Knowledge, answers: Answers): Profile | undefined {
  const given = answers as Record<string, unknown>;
  const useCase = answers.use_case;
  let preset: Record<string, unknown> | undefined;
  const profile: Record<string, unknown> = {};
  if (useCase !== undefined) {
    const found = knowledge.use_cases[useCase];
    if (!found) return undefined;
    preset = found.answers as Record<string, unknown>;
    profile.use_case = useCase;
  }
  for (const question of knowledge.questions) {
    if (question.kind === 'preset') continue;
    const key = question.key;
    if (question.kind === 'priorities') {
      const mine = given[key];
      const theirs = preset?.[key];
      profile[key] = mine === undefined && theirs === undefined ? {} : Object.assign({}, theirs, mine);
      continue;
    }
    let value = given[key];
    if (value === undefined && preset) value = preset[key];
    if (value === undefined) {
      if (question.required) return undefined;
      value = question.default;
    }
    profile[key] = value;
  }
  return profile as unknown as Profile;
}

interface CompiledEffect {
  weights: Array<[string, number]>;
  requires: Array<[string, number]>;
}

interface CompiledQuestion {
  key: string;
  label: string;
  boolean: boolean;
  /** choice value → effect (the first choice with that value, as `find` picks it). */
  choices: Map<unknown, CompiledEffect | undefined>;
  whenTrue: CompiledEffect | undefined;
  whenFalse: CompiledEffect | undefined;
}

const NONE: CompiledEffect = { weights: [], requires: [] };

/**
 * A planner for one knowledge base. Equal plans for the same modality come back as the same
 * object, so that a ranking (which depends on both, and is cached per plan object) is found by
 * identity: 10,000 generated use cases have about 3,000 distinct profiles but fewer than 300
 * distinct rankings.
 */
export function createPlanner(knowledge: Knowledge): (profile: Profile) => WeightPlan {
  const plan = planFunction(knowledge);
  const plans = new Map<string, WeightPlan>();
  return (profile) => {
    const fresh = plan(profile);
    // raw decides weights; requirements carry their reasons into messages, so they count too.
    const key = `${profile.modality}\u0000${Object.values(fresh.raw).join(',')}\u0000${fresh.requirements.length === 0 ? '' : JSON.stringify(fresh.requirements)}`;
    const known = plans.get(key);
    if (known) return known;
    plans.set(key, fresh);
    return fresh;
  };
}

function planFunction(knowledge: Knowledge): (profile: Profile) => WeightPlan {
  const criteria = Object.keys(knowledge.criteria);
  const own = new Set(criteria);
  // `criterion in raw` as deriveWeights tests it; an effect on anything but a criterion is left to it.
  let unusual = false;
  const compile = (effect: Effect | undefined): CompiledEffect | undefined => {
    if (effect === undefined) return undefined;
    const weights = Object.entries(effect.weights ?? {});
    const requires = Object.entries(effect.requires ?? {});
    if (weights.some(([c]) => !own.has(c) && c in {})) unusual = true;
    return { weights: weights.filter(([c]) => own.has(c)), requires };
  };
  const defaults = criteria.map((id) => knowledge.levels[knowledge.criteria[id]!.default_level].points);
  const questions: CompiledQuestion[] = [];
  for (const question of knowledge.questions) {
    if (question.kind !== 'choice' && question.kind !== 'boolean') continue;
    const choices = new Map<unknown, CompiledEffect | undefined>();
    for (const choice of question.choices ?? []) if (!choices.has(choice.value)) choices.set(choice.value, compile(choice.effect));
    questions.push({
      key: question.key,
      label: question.key.replace(/_/g, ' '),
      boolean: question.kind === 'boolean',
      choices,
      whenTrue: compile(question.when_true),
      whenFalse: compile(question.when_false),
    });
  }
  // The task now renames and excludes criteria (issue 14); until this file goes (issue 12), defer to the one engine.
  if (unusual || knowledge.questions.length > 0) return (profile) => deriveWeights(knowledge, profile);

  return (profile) => {
    const answers = profile as unknown as Record<string, unknown>;
    const raw: Record<string, number> = {};
    for (let i = 0; i < criteria.length; i++) raw[criteria[i]!] = defaults[i]!;
    const requirements: Requirement[] = [];
    for (let q = 0; q < questions.length; q++) {
      const question = questions[q]!;
      const answer = answers[question.key];
      const effect = (question.boolean ? (answer === true ? question.whenTrue : question.whenFalse) : question.choices.get(answer)) ?? NONE;
      const weights = effect.weights;
      for (let i = 0; i < weights.length; i++) raw[weights[i]![0]] = raw[weights[i]![0]]! + weights[i]![1];
      const requires = effect.requires;
      if (requires.length === 0) continue;
      const because = question.boolean ? `${question.label} is ${answer ? 'yes' : 'no'}` : `${question.label} is ${String(answer)}`;
      for (const [criterion, min] of requires) requirements.push({ criterion, min, because });
    }
    for (const [criterion, level] of Object.entries(profile.priorities)) {
      const spec = knowledge.levels[level];
      // A priority on something that is not a criterion would add a key: deriveWeights decides.
      if (!own.has(criterion) || spec === undefined) return deriveWeights(knowledge, profile);
      raw[criterion] = spec.points;
      if (spec.min_rating !== undefined) requirements.push({ criterion, min: spec.min_rating, because: `${criterion} is ${level}` });
    }
    let total = 0;
    for (const id of criteria) {
      raw[id] = Math.max(0, raw[id]!);
      total += raw[id]!;
    }
    // Nothing to rank: deriveWeights throws the error that says so.
    if (total === 0) return deriveWeights(knowledge, profile);
    const weights: Record<string, number> = {};
    for (const id of criteria) weights[id] = raw[id]! / total;
    return { context: { modality: profile.modality, task: profile.task }, raw, weights, requirements, notApplicable: [], renamed: {} };
  };
}
