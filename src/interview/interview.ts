import { checkbox, confirm, search, select } from '@inquirer/prompts';
import type { Answers, Knowledge, Level, Question, UseCasePreset } from '../knowledge/types.js';
import type { Resolution } from '../profile/resolve.js';
import type { Terminal } from './terminal.js';
import { describeAnswers } from '../render/use-cases.js';
import {
  booleanConfig,
  choiceConfig,
  multiConfig,
  compatiblePresets,
  fineTuneConfig,
  levelConfig,
  OWN_USE_CASE,
  PICKED_LEVEL,
  presetSearchConfig,
  requireConfig,
  topPrioritiesConfig,
} from './prompts.js';
import { pickUpTo } from './pick-up-to.js';
import { openSession, type Session } from './session.js';
import { own } from '../util/own.js';

export interface InterviewOptions {
  /** False with --no-color; NO_COLOR, TERM=dumb and a non-terminal are checked as well. */
  color?: boolean;
}

const GROUP_HEADINGS: Record<Question['group'], string> = {
  'use-case': 'Your use case',
  governance: 'Governance (these decide the checklist)',
};

async function askPriorities(question: Question, knowledge: Knowledge, session: Session): Promise<Record<string, Level>> {
  const picked = await pickUpTo(topPrioritiesConfig(question, knowledge, session), session.context);
  const priorities: Record<string, Level> = {};
  for (const id of picked) priorities[id] = PICKED_LEVEL;
  if (picked.length > 0 && (await confirm(fineTuneConfig(session), session.context))) {
    for (const id of picked) priorities[id] = await select(levelConfig(id, knowledge, session), session.context);
  }
  return priorities;
}

async function ask(question: Question, knowledge: Knowledge, session: Session): Promise<unknown> {
  switch (question.kind) {
    case 'choice':
      return select(choiceConfig(question, session), session.context);
    case 'multi': {
      const picked = await checkbox(multiConfig(question, session), session.context);
      // Nothing ticked keeps the default rather than an empty answer no schema accepts.
      return picked.length > 0 ? picked : question.default;
    }
    case 'boolean':
      return confirm(booleanConfig(question, session), session.context);
    case 'priorities':
      return askPriorities(question, knowledge, session);
    case 'criteria':
      return checkbox(requireConfig(question, knowledge, session), session.context);
    case 'preset':
      return undefined;
  }
}

/**
 * A preset is offered only while the person has not started describing the use case
 * themselves (a required question is still open), and only presets that agree with what they
 * did give.
 */
function presetsToOffer(knowledge: Knowledge, resolution: Resolution): UseCasePreset[] {
  if (resolution.answers.use_case !== undefined) return [];
  if (!resolution.unanswered.some((q) => q.required)) return [];
  return compatiblePresets(knowledge, resolution.answers);
}

/**
 * The consultation: a preset first (or "describe my own"), then every question that no flag,
 * answers file or preset answered, in the question table's order, under a heading per group.
 * A chosen preset's answers are not asked again; flags still override them afterwards.
 */
export async function interview(knowledge: Knowledge, resolution: Resolution, io: Terminal, options: InterviewOptions = {}): Promise<Answers> {
  const session = openSession(io, options.color !== false);
  const answers: Record<string, unknown> = {};
  let open = resolution.unanswered;
  session.say('A few questions about your use case. Enter accepts a default; Ctrl+C stops.', 'dim');

  const presets = presetsToOffer(knowledge, resolution);
  const presetQuestion = knowledge.questions.find((q) => q.kind === 'preset');
  if (presets.length > 0 && presetQuestion) {
    const id = await search(presetSearchConfig(presets, presetQuestion, session), session.context);
    const preset = id === OWN_USE_CASE ? undefined : own(knowledge.use_cases, id);
    if (preset) {
      answers[presetQuestion.key] = preset.id;
      open = open.filter((q) => (preset.answers as Record<string, unknown>)[q.key] === undefined);
      session.say(`${preset.title} sets ${describeAnswers(preset.answers)}.`, 'dim');
    }
  }

  let group: Question['group'] | undefined;
  for (const question of open) {
    if (question.group !== group) {
      group = question.group;
      session.say(`\n${GROUP_HEADINGS[group]}`, 'bold');
    }
    answers[question.key] = await ask(question, knowledge, session);
  }
  session.say('');
  return answers as Answers;
}
