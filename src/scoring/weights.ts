import type { Effect, Knowledge, Profile } from '../knowledge/types.js';
import { ProfileError } from './errors.js';
import { taskChoice } from './fit.js';
import type { Requirement, WeightPlan } from './types.js';

function label(key: string): string {
  return key.replace(/_/g, ' ');
}

/**
 * Profile → normalised weights and hard requirements. Each criterion starts at its default
 * level; each answer's effect (from the question table) adds points or a requirement; an
 * explicit priority replaces the computed importance. Nothing here names a criterion or a
 * family: the YAML decides.
 */
export function deriveWeights(knowledge: Knowledge, profile: Profile): WeightPlan {
  const raw: Record<string, number> = {};
  for (const [id, criterion] of Object.entries(knowledge.criteria)) raw[id] = knowledge.levels[criterion.default_level].points;
  const requirements: Requirement[] = [];

  const apply = (effect: Effect | undefined, because: string, need: string) => {
    for (const [criterion, delta] of Object.entries(effect?.weights ?? {})) {
      if (criterion in raw) raw[criterion] = raw[criterion]! + delta;
    }
    for (const [criterion, min] of Object.entries(effect?.requires ?? {})) requirements.push({ criterion, min, because, need, hard: false });
  };

  for (const question of knowledge.questions) {
    const answer = (profile as Record<string, unknown>)[question.key];
    if (question.kind === 'choice') {
      const choice = question.choices?.find((c) => c.value === answer);
      apply(choice?.effect, `${label(question.key)} is ${String(answer)}`, choice?.label.toLowerCase() ?? String(answer));
    } else if (question.kind === 'boolean') {
      apply(answer === true ? question.when_true : question.when_false, `${label(question.key)} is ${answer ? 'yes' : 'no'}`, label(question.key));
    } else if (question.kind === 'criteria' && question.min_rating !== undefined) {
      // A must the user marked: a conjunctive screen before the additive score.
      for (const criterion of (answer as string[] | undefined) ?? []) {
        requirements.push({ criterion, min: question.min_rating, because: `${criterion} is a hard requirement`, need: 'you', hard: true });
      }
    }
  }

  // Priorities are preferences: they weigh, however high, and never rule a family out.
  for (const [criterion, level] of Object.entries(profile.priorities)) raw[criterion] = knowledge.levels[level].points;

  for (const id of Object.keys(raw)) raw[id] = Math.max(0, raw[id]!);

  // The task decides what the criteria mean and which apply at all (see docs/knowledge.md).
  const task = taskChoice(knowledge, profile.task);
  const renamed: Record<string, string> = {};
  for (const [from, to] of Object.entries(task?.uses ?? {})) {
    if (!(from in raw) || !(to in raw)) continue;
    renamed[from] = to;
    raw[to] = raw[to]! + raw[from]!;
    raw[from] = 0;
  }
  const moved = requirements.map((r) => {
    const to = renamed[r.criterion];
    const name = (c: string) => knowledge.criteria[c]?.label.toLowerCase() ?? c;
    return to ? { ...r, criterion: to, because: `${r.because} (for ${task?.label.toLowerCase() ?? profile.task}, ${name(r.criterion)} is judged as ${name(to)})` } : r;
  });
  const notApplicable = (task?.excludes ?? []).filter((c) => c in raw);
  for (const c of notApplicable) raw[c] = 0;
  const applicable = moved.filter((r) => !notApplicable.includes(r.criterion));

  const total = Object.values(raw).reduce((sum, v) => sum + v, 0);
  if (total === 0) {
    throw new ProfileError('every criterion has importance none, so nothing can be ranked', 'raise at least one priority, e.g. --priority quality=medium');
  }
  const weights: Record<string, number> = {};
  for (const [id, value] of Object.entries(raw)) weights[id] = value / total;
  return { context: { modality: profile.modality, task: profile.task, compute: profile.compute }, raw, weights, requirements: applicable, notApplicable, renamed };
}

/**
 * The weights of the criteria that apply to the task: without those it excludes or renames,
 * whose weight is zero by rule. What-if analyses (robustness flips, why-not) explore only
 * these, since no answer can give an excluded criterion weight.
 */
export function applicableWeights(plan: WeightPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [c, w] of Object.entries(plan.weights)) if (!plan.notApplicable.includes(c) && !(c in plan.renamed)) out[c] = w;
  return out;
}
