import { DiagnosticsError } from '../errors.js';
import type { Answers, Knowledge, Profile } from '../knowledge/types.js';
import { parsePriorities } from '../profile/priorities.js';
import { completeProfile, mergeAnswers, type Resolution } from '../profile/resolve.js';
import { optionAttribute } from '../profile/table.js';
import { readUserFile, writeAtomic } from './files.js';
import { canPrompt, type Io } from './io.js';

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
  const [{ parseYaml }, { validateAgainst }, { answersSchemaFor }] = await Promise.all([
    import('../knowledge/yaml.js'),
    import('../knowledge/validate.js'),
    import('../knowledge/answers-schema.js'),
  ]);
  const parsed = parseYaml(text, path);
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    throw new DiagnosticsError([parsed.diagnostic([], 'an answers file must be a mapping of answers keys, e.g. "modality: image"')]);
  }
  const problems = validateAgainst(parsed, answersSchemaFor(knowledge));
  if (problems.length > 0) throw new DiagnosticsError(problems, 'fix the answers file, or run `genai-advisor knowledge schema` for its schema');
  return parsed.value as Answers;
}

export async function answersToYaml(profile: Profile): Promise<string> {
  const { stringify } = await import('yaml');
  return `# genai-advisor answers: replay with --answers <this file>\n${stringify(profile)}`;
}

/**
 * Resolves a profile in the contract's order: flags, answers file, preset, prompt (only in a
 * terminal that someone can answer), default.
 */
export async function resolveProfile(options: ProfileOptions, knowledge: Knowledge, io: Io): Promise<Profile> {
  const layers: Answers[] = [answersFromFlags(options, knowledge)];
  if (options.answers) layers.push(await readAnswersFile(options.answers, knowledge, io.cwd));
  let resolution: Resolution = mergeAnswers(knowledge, layers);
  if (resolution.unanswered.length > 0 && !options.yes && canPrompt(io, options.input === false)) {
    const { interview } = await import('../interview/interview.js');
    resolution = mergeAnswers(knowledge, [await interview(knowledge, resolution, io), ...layers]);
  }
  const profile = completeProfile(knowledge, resolution);
  if (options.saveAnswers) writeAtomic(options.saveAnswers, await answersToYaml(profile), io.cwd);
  return profile;
}
