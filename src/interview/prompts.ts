/**
 * The configuration of each prompt, built from the question table and the knowledge base.
 * Kept apart from the flow so that tests can render each prompt on its own.
 */
import type { Answers, Knowledge, Level, Question, UseCasePreset } from '../knowledge/types.js';
import { LEVELS } from '../knowledge/types.js';
import type { PickUpToConfig } from './pick-up-to.js';
import { choiceLine, keysTip, themeWith, type Session } from './session.js';

/** The search prompt's value for "none of these": the person describes their own use case. */
export const OWN_USE_CASE = '';

/** "Top priorities": more than this and each one weighs little more than the defaults. */
export const MAX_TOP_PRIORITIES = 3;

/** Level a picked priority gets unless the person fine-tunes it. */
export const PICKED_LEVEL: Level = 'high';

const labelWidth = (labels: readonly string[]) => Math.max(0, ...labels.map((l) => l.length));

/**
 * Presets that describe the same use case as the answers already given (by flags or an answers
 * file): one naming another modality or task would be a different use case. Other answers
 * (latency, governance) do not rule a preset out; they simply override it.
 */
export function compatiblePresets(knowledge: Knowledge, given: Answers): UseCasePreset[] {
  const shaping = knowledge.questions.filter((q) => q.required).map((q) => q.key);
  return Object.values(knowledge.use_cases).filter((preset) =>
    shaping.every((key) => {
      const mine = (given as Record<string, unknown>)[key];
      const theirs = (preset.answers as Record<string, unknown>)[key];
      return mine === undefined || theirs === undefined || mine === theirs;
    }),
  );
}

/** Every word of the search must appear in the preset's id, title or description. */
export function matchesSearch(preset: UseCasePreset, term: string | undefined): boolean {
  const haystack = `${preset.id} ${preset.title} ${preset.description}`.toLowerCase();
  return (term ?? '').toLowerCase().split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

export function presetSearchConfig(presets: readonly UseCasePreset[], question: Question, session: Session) {
  const own = { value: OWN_USE_CASE, name: 'Describe my own use case', short: 'Describe my own use case', description: 'answer each question yourself' };
  return {
    message: question.prompt,
    pageSize: 10,
    theme: themeWith(session, {
      keysHelpTip: () =>
        keysTip(session, [
          ['type', 'to search'],
          ['↑↓', 'navigate'],
          ['⏎', 'select'],
        ]),
    }),
    source: (term: string | undefined) => {
      const hits = presets
        .filter((p) => matchesSearch(p, term))
        .map((p) => ({ value: p.id, name: p.title, short: p.title, description: p.description }));
      // Without a search the own-use-case entry comes first, so Enter starts a blank
      // consultation; with a search it follows the hits, so a miss still leaves a way on.
      return term ? [...hits, own] : [own, ...hits];
    },
  };
}

export function choiceConfig(question: Question, session: Session) {
  const choices = question.choices ?? [];
  const width = labelWidth(choices.map((c) => c.label));
  return {
    message: question.prompt,
    choices: choices.map((c) => ({ value: c.value, name: choiceLine(c.label, c.help, width, session.width, session.style), short: c.label })),
    ...(typeof question.default === 'string' ? { default: question.default } : {}),
    pageSize: Math.max(7, choices.length),
    loop: false,
    theme: session.theme,
  };
}

export function multiConfig(question: Question, session: Session) {
  const choices = question.choices ?? [];
  const width = labelWidth(choices.map((c) => c.label));
  const chosen = Array.isArray(question.default) ? question.default : [];
  return {
    message: question.prompt,
    choices: choices.map((c) => ({
      value: c.value,
      name: choiceLine(c.label, c.help, width, session.width, session.style),
      short: c.label,
      checked: chosen.includes(c.value),
    })),
    pageSize: Math.max(7, choices.length),
    loop: false,
    theme: session.theme,
  };
}

export function booleanConfig(question: Question, session: Session) {
  return { message: question.prompt, default: question.default === true, theme: session.theme };
}

/** "What matters most?": a fourth pick is refused as it is made (pick-up-to.ts), not on submit. */
export function topPrioritiesConfig(question: Question, knowledge: Knowledge, session: Session): PickUpToConfig<string> {
  const criteria = Object.values(knowledge.criteria);
  const width = labelWidth(criteria.map((c) => c.label));
  return {
    message: question.prompt,
    choices: criteria.map((c) => ({ value: c.id, name: choiceLine(c.label, c.description, width, session.width, session.style), short: c.label })),
    max: MAX_TOP_PRIORITIES,
    full: `${MAX_TOP_PRIORITIES} picked, the most that count as top priorities: untick one to pick another`,
    pageSize: Math.max(7, criteria.length),
    theme: themeWith(session, {
      keysHelpTip: () =>
        keysTip(session, [
          ['space', `pick up to ${MAX_TOP_PRIORITIES} (or none)`],
          ['↑↓', 'navigate'],
          ['⏎', 'submit'],
        ]),
      renderSelectedChoices: (picked: ReadonlyArray<{ short: string }>) =>
        picked.length === 0 ? 'none (usual balance)' : picked.map((c) => c.short).join(', '),
    }),
  };
}

export function fineTuneConfig(session: Session) {
  return { message: 'Fine-tune how much each one matters?', default: false, theme: session.theme };
}

/** What each importance level means to the person answering: a preference, never a knock-out. */
export function levelHelp(level: Level): string {
  const words = { none: 'ignore it', low: 'nice to have', medium: 'it matters', high: 'it matters a lot', critical: 'it matters most' }[level];
  // Only critical needs the reminder: the strongest preference still never rules a family out.
  return level === 'critical' ? `${words}; a preference, not a must` : words;
}

/** "Is any criterion a must?": the hard requirements, none ticked by default. */
export function requireConfig(question: Question, knowledge: Knowledge, session: Session) {
  const criteria = Object.values(knowledge.criteria);
  const width = labelWidth(criteria.map((c) => c.label));
  return {
    message: question.prompt,
    choices: criteria.map((c) => ({ value: c.id, name: choiceLine(c.label, c.description, width, session.width, session.style), short: c.label })),
    pageSize: Math.max(7, criteria.length),
    loop: false,
    theme: themeWith(session, {
      keysHelpTip: () =>
        keysTip(session, [
          ['space', `tick a must (rated ${question.min_rating}/5 or better, or ruled out)`],
          ['⏎', 'submit (none: no hard requirement)'],
        ]),
    }),
  };
}

export function levelConfig(criterionId: string, knowledge: Knowledge, session: Session) {
  const label = knowledge.criteria[criterionId]?.label ?? criterionId;
  return {
    message: `How much does ${label.toLowerCase()} matter?`,
    choices: LEVELS.map((level) => ({ value: level, name: choiceLine(level, levelHelp(level), 8, session.width, session.style), short: level })),
    default: PICKED_LEVEL,
    loop: false,
    theme: session.theme,
  };
}
