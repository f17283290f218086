import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { flagLabel } from '../../src/profile/table.js';

const questions = k.questions.filter((q) => q.kind !== 'preset');
const complete = (...layers: Answers[]) => completeProfile(k, mergeAnswers(k, layers));

function errorOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('mergeAnswers: flag → answers file → preset → default', () => {
  // product-mockups sets latency batch, which differs from the default, so each layer is visible.
  const preset = k.use_cases['product-mockups']!;

  it('the test preset differs from the defaults where it matters', () => {
    expect(preset.answers.latency).toBe('batch');
    expect(k.questions.find((q) => q.key === 'latency')!.default).toBe('interactive');
  });

  it('takes each answer from the highest layer that has it', () => {
    const flags: Answers = { modality: 'video' };
    const file: Answers = { modality: 'text', compute: 'low', use_case: 'product-mockups' };
    const profile = complete(flags, file);
    expect(profile.modality).toBe('video'); // flag beats file and preset
    expect(profile.compute).toBe('low'); // file beats the default
    expect(profile.task).toBe(preset.answers.task); // preset fills what neither layer gave
    expect(profile.latency).toBe('batch'); // preset beats the default
    expect(profile.data).toBe(k.questions.find((q) => q.key === 'data')!.default); // nothing gave it
    expect(profile.use_case).toBe('product-mockups');
  });

  it('a preset named by a flag beats one named in the file', () => {
    const profile = complete({ use_case: 'marketing-visuals' }, { use_case: 'product-mockups' });
    expect(profile.use_case).toBe('marketing-visuals');
    expect(profile.latency).toBe(k.use_cases['marketing-visuals']!.answers.latency);
  });

  it('false is an answer, not a gap', () => {
    const profile = complete({ customer_facing: false }, { use_case: 'marketing-visuals' });
    expect(k.use_cases['marketing-visuals']!.answers.customer_facing).toBe(true);
    expect(profile.customer_facing).toBe(false);
  });

  it('merges priorities per criterion, higher layers winning', () => {
    expect(preset.answers.priorities).toEqual({ diversity: 'high' });
    const profile = complete({ priorities: { quality: 'critical' } }, { priorities: { control: 'low', diversity: 'medium' }, use_case: 'product-mockups' });
    expect(profile.priorities).toEqual({ diversity: 'medium', control: 'low', quality: 'critical' });
  });

  it('lists exactly the questions nobody answered', () => {
    const { unanswered } = mergeAnswers(k, [{ modality: 'image' }]);
    expect(unanswered.map((q) => q.key)).toEqual(questions.filter((q) => q.key !== 'modality').map((q) => q.key));
  });

  it('rejects an unknown preset with a did-you-mean', () => {
    const error = errorOf(() => mergeAnswers(k, [{ use_case: 'fraud-detect' }]));
    expect(error.message).toBe('unknown use case "fraud-detect". Did you mean "fraud-detection"?');
    expect(error.hint).toMatch(/^use cases: customer-support-chatbot, .*risk-modeling \(`genai-advisor use-cases` describes them\)$/);
  });
});

describe('completeProfile', () => {
  it('fills every unanswered question with its default from the question table', () => {
    const profile = complete({ modality: 'image', task: 'generate' });
    for (const q of questions) {
      if (q.key === 'modality' || q.key === 'task') continue;
      expect(profile[q.key as keyof typeof profile], q.key).toEqual(q.kind === 'priorities' ? {} : q.default);
    }
  });

  it('orders keys as the question table does, so saved answers and JSON are stable', () => {
    expect(Object.keys(complete({ task: 'edit', modality: 'image' }))).toEqual(questions.map((q) => q.key));
    expect(Object.keys(complete({ use_case: 'fraud-detection' }))).toEqual(['use_case', ...questions.map((q) => q.key)]);
  });

  it.each([
    ['both', {}, ['--modality', '--task'], 'missing modality and task'],
    ['the task', { modality: 'image' }, ['--task'], 'missing task'],
    ['the modality', { task: 'generate' }, ['--modality'], 'missing modality'],
  ] as const)('names the flags when %s is missing', (_label, answers, flags, start) => {
    const error = errorOf(() => complete(answers as Answers));
    expect(error.message.startsWith(start)).toBe(true);
    for (const flag of flags) expect(error.message).toContain(flag);
    expect(error.message).toContain('--use-case');
    if (flags.length === 1) expect(error.message).not.toContain(flags[0] === '--task' ? '--modality' : '--task ');
    expect(error.hint).toBeTruthy();
  });

  it('requires exactly the questions the table marks required, by their flag', () => {
    const required = k.questions.filter((q) => q.required);
    expect(required.map(flagLabel)).toEqual(['--modality', '--task']);
  });

  it('a preset answers the required questions', () => {
    for (const id of Object.keys(k.use_cases)) expect(() => complete({ use_case: id }), id).not.toThrow();
  });
});
