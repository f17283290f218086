import { DiagnosticsError } from '../errors.js';
import type { Answers, Knowledge, Profile } from '../knowledge/types.js';
import { parsePriorities } from '../profile/priorities.js';
import { completeProfile, mergeAnswers, type Resolution } from '../profile/resolve.js';
import { optionAttribute } from '../profile/table.js';
import { assertWritable, readUserFile, writeAtomic } from './files.js';
import { canPrompt, type Io } from './io.js';
import { assertRunFiles, type FileOptions } from './output.js';

export interface ProfileOptions {
  answers?: string;
  saveAnswers?: string;
  input?: boolean;
  yes?: boolean;
  priority?: string[];
  [flag: string]: unknown;
}

/** Answers given as flags, keyed by the answers-file key. */
export function answersFromFlags(options: ProfileOptions, knowledge: Knowledge): Answers {
  const answers: Record<string, unknown> = {};
  for (const question of knowledge.questions) {
    const value = options[optionAttribute(question)];
    if (value === undefined) continue;
    answers[question.key] = question.kind === 'priorities' ? parsePriorities(value as string[], Object.keys(knowledge.criteria)) : value;
  }
  return answers as Answers;
}

/** Reads and validates an answers file; every problem is reported with file:line:col. */
export async function readAnswersFile(path: string, knowledge: Knowledge, cwd: string): Promise<Answers> {
  const text = readUserFile(path, 'answers file', cwd);
  const [{ parseYaml }, { validateAnswers }] = await Promise.all([import('../knowledge/yaml.js'), import('../knowledge/validate-answers.js')]);
  const parsed = parseYaml(text, path);
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw new DiagnosticsError([parsed.diagnostic([], 'an answers file must be a mapping of answers keys, e.g. "modality: image"')]);
  }
  const problems = validateAnswers(parsed, knowledge);
  if (problems.length > 0) throw new DiagnosticsError(problems, 'fix the answers file, or run `genai-advisor knowledge schema` for its schema');
  return parsed.value as Answers;
}

export interface ResolvedProfile {
  profile: Profile;
  /** True when the person answered prompts: the caller may then offer the follow-up menu. */
  interviewed: boolean;
}

/**
 * Resolves a profile in the contract's order: flags, answers file, preset, prompt (only in a
 * terminal that someone can answer), default.
 */
export async function resolveProfileDetailed(options: ProfileOptions, knowledge: Knowledge, io: Io): Promise<ResolvedProfile> {
  // Before any prompt: a consultation whose answers could not be saved would be lost.
  assertRunFiles(options as FileOptions, io);
  const layers: Answers[] = [answersFromFlags(options, knowledge)];
  if (options.answers) layers.push(await readAnswersFile(options.answers, knowledge, io.cwd));
  let resolution: Resolution = mergeAnswers(knowledge, layers);
  const interviewed = resolution.unanswered.length > 0 && !options.yes && canPrompt(io, options.input === false);
  if (interviewed) {
    const { interview } = await import('../interview/interview.js');
    const given = await interview(knowledge, resolution, io, { color: options.color !== false });
    resolution = mergeAnswers(knowledge, [given, ...layers]);
  }
  const profile = completeProfile(knowledge, resolution);
  if (options.saveAnswers) {
    // The answers are written first: an --output that cannot be written must stop the run before.
    if (typeof options.output === 'string') assertWritable(options.output, io.cwd);
    writeAtomic(options.saveAnswers, (await import('../render/yaml.js')).renderAnswersYaml(profile), io.cwd);
  }
  return { profile, interviewed };
}

export async function resolveProfile(options: ProfileOptions, knowledge: Knowledge, io: Io): Promise<Profile> {
  return (await resolveProfileDetailed(options, knowledge, io)).profile;
}
