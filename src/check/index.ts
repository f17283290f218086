/**
 * `check` as a library: a stack file's text in, every finding out. Pure apart from hashing;
 * "today" comes in as an option so that results are reproducible.
 */
import type { Knowledge } from '../knowledge/types.js';
import { createContext, duplicateIdFindings, evaluateUseCase } from './evaluate.js';
import { loadStack, type LoadedStack } from './load.js';
import { checkResult } from './result.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

export type { CheckOptions, CheckResult, CheckSummary, Finding, UseCaseReport } from './types.js';
export { RULES, RULE_IDS, type Rule, type RuleId, type Level } from './rules.js';
export { HOSTING, POLICY_DEFAULTS, STACK_SCHEMA_URL, STATUSES, stackSchema, type Policy } from './schema.js';
export { loadStack, STACK_HINT, type LoadedStack, type StackFile, type UseCaseEntry } from './load.js';

/**
 * Checks a stack file against the knowledge and its policy: the file is parsed and validated,
 * then every use case goes through the engine recommend uses. Throws a DiagnosticsError
 * (every problem with file:line:col) when the file cannot be checked at all.
 */
export function checkStack(knowledge: Knowledge, text: string, file: string, options: CheckOptions): CheckResult {
  return checkLoadedStack(knowledge, loadStack(knowledge, text, file), file, options);
}

function checkLoadedStack(knowledge: Knowledge, loaded: LoadedStack, file: string, options: CheckOptions): CheckResult {
  const ctx = createContext(knowledge, loaded.policy, options.today);
  const useCases: UseCaseReport[] = [];
  const findings: Finding[] = [];
  const occurrences = new Map<string, number>();
  loaded.stack.use_cases.forEach((useCase, index) => {
    const occurrence = (occurrences.get(useCase.id) ?? 0) + 1;
    occurrences.set(useCase.id, occurrence);
    const evaluation = evaluateUseCase(ctx, loaded.parsed, useCase, index, loaded.profiles[index]!, occurrence);
    useCases.push(evaluation.report);
    findings.push(...evaluation.findings);
  });
  const ids = loaded.stack.use_cases.map((u) => u.id);
  findings.push(...duplicateIdFindings(ids, (index) => loaded.parsed.locate(['use_cases', index, 'id']), loaded.parsed.file));
  return checkResult(knowledge, file, loaded.policy, options, useCases, findings);
}
