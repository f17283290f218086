/**
 * `check` as a library: a stack file's text in, every finding out. Pure apart from hashing;
 * "today" comes in as an option so that results are reproducible.
 */
import type { Knowledge } from '../knowledge/types.js';
import { createContext, duplicateIdFindings, evaluateUseCase, sharedIdGroups } from './evaluate.js';
import { loadStack, type LoadedStack } from './load.js';
import { checkResult } from './result.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

export type { CheckOptions, CheckResult, CheckSummary, Finding, UseCaseReport } from './types.js';
export { RULES, RULE_IDS, type Rule, type RuleId, type Level } from './rules.js';
export { HOSTING, POLICY_DEFAULTS, STACK_SCHEMA_URL, STATUSES, type Policy } from './schema.js';
export { loadStack, STACK_HINT, type LoadedStack, type StackFile, type UseCaseEntry } from './load.js';

/**
 * Checks a stack file against the knowledge and its policy: the file is parsed and validated,
 * then every use case goes through the engine recommend uses. Throws a DiagnosticsError
 * (every problem with file:line:col) when the file cannot be checked at all.
 */
export function checkStack(knowledge: Knowledge, text: string, file: string, options: CheckOptions): CheckResult {
  return checkLoadedStack(knowledge, loadStack(knowledge, text, file), file, options);
}

/** Use cases evaluated between two pauses: a few milliseconds of work. */
const CHUNK = 500;

/**
 * checkStack that pauses (`pause`, e.g. a turn of the event loop) every few hundred use
 * cases, so that a signal to stop a large check is handled while the check goes on. The
 * result is the same.
 */
export async function checkStackInChunks(knowledge: Knowledge, text: string, file: string, options: CheckOptions, pause: () => Promise<void>): Promise<CheckResult> {
  await pause();
  const loaded = loadStack(knowledge, text, file);
  await pause();
  const state = startCheck(knowledge, loaded, options);
  for (let from = 0; from < loaded.stack.use_cases.length; from += CHUNK) {
    evaluateRange(state, loaded, from, from + CHUNK);
    await pause();
  }
  return finishCheck(knowledge, loaded, file, options, state);
}

interface CheckState {
  ctx: ReturnType<typeof createContext>;
  useCases: UseCaseReport[];
  findings: Finding[];
  occurrences: Map<string, number>;
}

function startCheck(knowledge: Knowledge, loaded: LoadedStack, options: CheckOptions): CheckState {
  return { ctx: createContext(knowledge, loaded.policy, options.today), useCases: [], findings: [], occurrences: new Map() };
}

function evaluateRange(state: CheckState, loaded: LoadedStack, from: number, to: number): void {
  const all = loaded.stack.use_cases;
  for (let index = from; index < Math.min(to, all.length); index++) {
    const useCase = all[index]!;
    const occurrence = (state.occurrences.get(useCase.id) ?? 0) + 1;
    state.occurrences.set(useCase.id, occurrence);
    const evaluation = evaluateUseCase(state.ctx, loaded.parsed, useCase, index, loaded.profiles[index]!, occurrence);
    state.useCases.push(evaluation.report);
    for (const f of evaluation.findings) state.findings.push(f);
  }
}

function checkLoadedStack(knowledge: Knowledge, loaded: LoadedStack, file: string, options: CheckOptions): CheckResult {
  const state = startCheck(knowledge, loaded, options);
  evaluateRange(state, loaded, 0, loaded.stack.use_cases.length);
  return finishCheck(knowledge, loaded, file, options, state);
}

function finishCheck(knowledge: Knowledge, loaded: LoadedStack, file: string, options: CheckOptions, state: CheckState): CheckResult {
  const { useCases, findings } = state;
  const ids = loaded.stack.use_cases.map((u) => u.id);
  const groups = sharedIdGroups(ids);
  // The one finding of a group sits on its first repeat; the group's other use cases fail with it.
  for (const group of groups) for (const index of group) if (index !== group[1]) useCases[index]!.errors++;
  for (const f of duplicateIdFindings(groups, ids, (index) => loaded.parsed.locate(['use_cases', index, 'id']), loaded.parsed.file)) findings.push(f);
  return checkResult(knowledge, file, loaded.policy, options, useCases, findings);
}
