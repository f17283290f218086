import type { Answers, Knowledge, Profile, Question } from '../knowledge/types.js';
import { ProfileError } from '../scoring/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { flagLabel } from './table.js';
import { quote } from '../util/sanitize.js';
import { own } from '../util/own.js';

export interface Resolution {
  /** Everything the layers answered, the preset's answers included. */
  answers: Answers;
  /** Questions no layer answered (the preset question excepted). */
  unanswered: Question[];
}

/**
 * Merges answer layers, highest precedence first (flags, then an answers file), over the
 * preset any of them names. Priorities merge per criterion so that one flag can adjust one
 * criterion of a preset without discarding the rest.
 */
export function mergeAnswers(knowledge: Knowledge, layers: readonly Answers[]): Resolution {
  const useCase = layers.find((l) => l.use_case !== undefined)?.use_case;
  const stack: Answers[] = [...layers];
  if (useCase !== undefined) {
    const preset = own(knowledge.use_cases, useCase);
    if (!preset) {
      const ids = Object.keys(knowledge.use_cases);
      throw new ProfileError(`unknown use case ${quote(useCase)}.${didYouMean(useCase, ids)}`, `use cases: ${ids.join(', ')} (\`genai-advisor use-cases\` describes them)`);
    }
    stack.push(preset.answers);
  }
  const answers: Record<string, unknown> = {};
  if (useCase !== undefined) answers.use_case = useCase;
  for (const question of knowledge.questions) {
    if (question.kind === 'preset') continue;
    if (question.kind === 'priorities') {
      const maps = stack.map((l) => l.priorities).filter((p) => p !== undefined);
      if (maps.length > 0) answers.priorities = Object.assign({}, ...[...maps].reverse());
      continue;
    }
    const layer = stack.find((l) => (l as Record<string, unknown>)[question.key] !== undefined);
    if (layer) answers[question.key] = (layer as Record<string, unknown>)[question.key];
  }
  const unanswered = knowledge.questions.filter((q) => q.kind !== 'preset' && answers[q.key] === undefined);
  return { answers: answers as Answers, unanswered };
}

/** Fills what is still unanswered from defaults; required questions have none. */
export function completeProfile(knowledge: Knowledge, resolution: Resolution): Profile {
  const answers: Record<string, unknown> = { ...resolution.answers };
  const missing = resolution.unanswered.filter((q) => q.required);
  if (missing.length > 0) {
    const flags = missing.map(flagLabel).join(' and ');
    throw new ProfileError(
      `missing ${missing.map((q) => q.key).join(' and ')}: give ${flags} (or --use-case, or --answers <file>)`,
      `e.g. add --modality image --task generate to the command; its --help lists the values`,
    );
  }
  for (const question of resolution.unanswered) {
    answers[question.key] = question.kind === 'priorities' ? {} : question.default;
  }
  const ordered: Record<string, unknown> = {};
  if (answers.use_case !== undefined) ordered.use_case = answers.use_case;
  for (const question of knowledge.questions) if (question.kind !== 'preset') ordered[question.key] = answers[question.key];
  return ordered as Profile;
}
