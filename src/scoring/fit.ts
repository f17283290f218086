import type { Choice, FamilyId, Knowledge, ModalRating, Profile, Rating, Variant } from '../knowledge/types.js';

/** A rating nobody gave (a criterion, task or modality added by an overlay) counts as neutral. */
export const NEUTRAL_RATING = 3;

/** How well one family serves one task on one modality, and which of the two judgements set it. */
export interface Fit {
  value: number;
  /** `modality`: the family's generation fit for the modality was the lower one; `task`: its fit for the task. */
  limitedBy: 'modality' | 'task';
  why?: string;
  sources: string[];
}

export function taskChoice(knowledge: Knowledge, task: string): Choice | undefined {
  return knowledge.questions.find((q) => q.key === 'task')?.choices?.find((c) => c.value === task);
}

/** Analysis tasks (anomaly detection, density estimation) do not generate, so generation fidelity does not count. */
export function isGenerative(knowledge: Knowledge, task: string): boolean {
  return taskChoice(knowledge, task)?.generative !== false;
}

/** The rating for the modality where one is given, else the family-wide one. */
export function onModality(rating: ModalRating | undefined, modality: string): Rating | undefined {
  return rating?.modalities?.[modality] ?? rating;
}

function taskRating(knowledge: Knowledge, family: FamilyId, task: string, modality: string): Rating | undefined {
  return onModality(knowledge.families[family].tasks[task], modality);
}

/** A family's rating on a criterion for the modality (transformer speed on text), else its family-wide rating. */
export function criterionRating(knowledge: Knowledge, family: FamilyId, criterion: string, modality: string): Rating | undefined {
  return onModality(knowledge.families[family].ratings[criterion], modality);
}

/**
 * The family's fit for the task on the modality. A generative task needs both: the family
 * must be able to generate the modality and to do the task, so the lower of the two counts
 * (diffusion generates images well but cannot hold a conversation). An analysis task reads
 * data rather than producing it, so only the task's fit counts, per modality where declared
 * (energy scores detect image anomalies although energy-based image generation is weak).
 */
export function familyFit(knowledge: Knowledge, family: FamilyId, modality: string, task: string): Fit {
  const forTask = taskRating(knowledge, family, task, modality);
  const t = forTask?.value ?? NEUTRAL_RATING;
  const taskFit: Fit = { value: t, limitedBy: 'task', ...evidenceFor(forTask, modality) };
  if (!isGenerative(knowledge, task)) return taskFit;
  const forModality = knowledge.families[family].modalities[modality];
  const m = forModality?.value ?? NEUTRAL_RATING;
  if (t < m) return taskFit;
  return { value: m, limitedBy: 'modality', ...evidenceFor(forModality, modality) };
}

/**
 * The why and sources of a rating, shown for `modality` only when its figures are about it
 * (`why_for`): a time-series case never quotes an image FID. Otherwise none: the value stands
 * as the family's judgement without another modality's evidence.
 */
export function evidenceFor(rating: Rating | undefined, modality: string): { why?: string; sources: string[] } {
  if (!rating || (rating.why_for !== undefined && !rating.why_for.includes(modality))) return { sources: [] };
  return { why: rating.why, sources: rating.sources ?? [] };
}

/** What a variant's fit depends on: the content, the task and the compute at hand. */
export type UseContext = Pick<Profile, 'modality' | 'task' | 'compute'>;

/**
 * A variant serves a use when it is documented for the modality and the task and the user's
 * compute reaches the least it needs (the compute question's choices, in order, are the scale).
 */
export function variantServes(knowledge: Knowledge, variant: Variant, use: UseContext): boolean {
  if (variant.modalities !== undefined && !variant.modalities.includes(use.modality)) return false;
  if (variant.tasks !== undefined && !variant.tasks.includes(use.task)) return false;
  if (variant.compute === undefined) return true;
  const scale = (knowledge.questions.find((q) => q.key === 'compute')?.choices ?? []).map((c) => c.value);
  return scale.indexOf(use.compute) >= scale.indexOf(variant.compute);
}
