/**
 * A profile from a tool call's answers. What the call leaves open is asked through the client
 * (elicitation, from the same question table as the interview) when it can ask; otherwise the
 * defaults are applied and said: which, and the questions that would change the answer.
 */
import type { PrimitiveSchemaDefinition } from '@modelcontextprotocol/sdk/types.js';
import { LEVELS, type Answers, type Knowledge, type Profile, type Question } from '../knowledge/types.js';
import { parsePriorities } from '../profile/priorities.js';
import { completeProfile, mergeAnswers } from '../profile/resolve.js';
import { choiceValues } from '../profile/table.js';
import type { Assumed, OpenQuestion } from '../schemas/assumed.js';
import { ProfileError } from '../scoring/errors.js';

export type { Assumed, OpenQuestion };

/** Asks the person at the client these questions: their answers by key, or undefined if they declined. */
export type Ask = (questions: readonly Question[]) => Promise<Record<string, unknown> | undefined>;

function allowed(question: Question, knowledge: Knowledge): Array<string | boolean> {
  if (question.kind === 'boolean') return [true, false];
  if (question.kind === 'priorities' || question.kind === 'criteria') return Object.keys(knowledge.criteria);
  return choiceValues(question);
}

function openQuestion(question: Question, knowledge: Knowledge, applied: unknown): OpenQuestion {
  return {
    key: question.key,
    prompt: question.prompt,
    help: question.help,
    allowed: allowed(question, knowledge),
    ...(question.kind === 'priorities' ? { levels: [...LEVELS] } : {}),
    default: applied,
  };
}

/** The elicitation form for these questions: MCP's flat subset of JSON Schema, one field per question. */
export function formSchema(questions: readonly Question[], knowledge: Knowledge) {
  const properties: Record<string, PrimitiveSchemaDefinition> = {};
  for (const q of questions) {
    const about = { title: q.prompt, description: q.help };
    const options = (q.choices ?? []).map((c) => ({ const: c.value, title: c.label }));
    switch (q.kind) {
      case 'choice':
        properties[q.key] = { type: 'string', ...about, oneOf: options, ...(typeof q.default === 'string' ? { default: q.default } : {}) };
        break;
      case 'multi':
        properties[q.key] = { type: 'array', ...about, minItems: 1, items: { anyOf: options }, ...(Array.isArray(q.default) ? { default: q.default } : {}) };
        break;
      case 'criteria':
        properties[q.key] = {
          type: 'array',
          ...about,
          items: { anyOf: Object.entries(knowledge.criteria).map(([id, c]) => ({ const: id, title: c.label })) },
          ...(Array.isArray(q.default) ? { default: q.default } : {}),
        };
        break;
      case 'boolean':
        properties[q.key] = { type: 'boolean', ...about, ...(typeof q.default === 'boolean' ? { default: q.default } : {}) };
        break;
      case 'priorities':
        // A map has no form field: it is typed as the --priority flag takes it.
        properties[q.key] = { type: 'string', ...about, description: `${q.help}; criteria: ${Object.keys(knowledge.criteria).join(', ')}` };
        break;
      case 'preset':
        break;
    }
  }
  return { type: 'object' as const, properties, required: questions.filter((q) => q.required).map((q) => q.key) };
}

/** A form's answers as answers-file values: only the questions asked, priorities parsed as the flag's. */
function fromForm(content: Record<string, unknown>, asked: readonly Question[], knowledge: Knowledge): Answers {
  const answers: Record<string, unknown> = {};
  for (const q of asked) {
    const value = content[q.key];
    if (value === undefined || value === '') continue;
    answers[q.key] = q.kind === 'priorities' ? parsePriorities([String(value)], Object.keys(knowledge.criteria)) : value;
  }
  return answers as Answers;
}

/** The profile for these answers, asking what is open when `ask` is given, else saying what was assumed. */
export async function resolveAnswers(knowledge: Knowledge, given: Answers, ask?: Ask): Promise<{ profile: Profile; assumed?: Assumed }> {
  let resolution = mergeAnswers(knowledge, [given]);
  if (resolution.unanswered.length > 0 && ask) {
    const asked = resolution.unanswered;
    const content = await ask(asked);
    if (content) resolution = mergeAnswers(knowledge, [given, fromForm(content, asked, knowledge)]);
  }
  const missing = resolution.unanswered.filter((q) => q.required);
  if (missing.length > 0) {
    throw new ProfileError(
      `missing ${missing.map((q) => q.key).join(' and ')}: give ${missing.map((q) => `${q.key} (${choiceValues(q).join(', ')})`).join(' and ')}`,
      'or give a use_case (list_use_cases lists them), which sets both',
    );
  }
  const profile = completeProfile(knowledge, resolution);
  if (resolution.unanswered.length === 0) return { profile };
  const applied = (q: Question) => (profile as unknown as Record<string, unknown>)[q.key];
  return {
    profile,
    assumed: {
      defaults: Object.fromEntries(resolution.unanswered.map((q) => [q.key, applied(q)])),
      questions: resolution.unanswered.map((q) => openQuestion(q, knowledge, applied(q))),
    },
  };
}

/** The assumptions in a sentence, for the text beside the structured result. */
export function assumedText(assumed: Assumed): string {
  const values = Object.entries(assumed.defaults).map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return `Assumed (not given, defaults applied): ${values.join(', ')}. Answering these may change the advice; see structuredContent.assumed.questions for each one's allowed values.`;
}
