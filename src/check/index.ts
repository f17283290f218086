/**
 * `check` as a library: a stack file's text in, every finding out. Pure apart from hashing;
 * "today" comes in as an option so that results are reproducible.
 */
import type { Knowledge } from '../knowledge/types.js';
import { createContext, duplicateIdFindings, evaluateUseCase } from './evaluate.js';
import { loadStack } from './load.js';
import { RULE_IDS } from './rules.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

export type { CheckOptions, CheckResult, CheckSummary, Finding, UseCaseReport } from './types.js';
export { RULES, RULE_IDS, type Rule, type RuleId, type Level } from './rules.js';
export { HOSTING, POLICY_DEFAULTS, STACK_SCHEMA_URL, STATUSES, stackSchema, type Policy } from './schema.js';
export { loadStack, STACK_HINT, type LoadedStack, type StackFile, type UseCaseEntry } from './load.js';

// Stable: findings at one place keep the order their rule produced them in (checklist order).
const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.col - b.col || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);

/**
 * Checks a stack file against the knowledge and its policy. Throws a DiagnosticsError (every
 * problem with file:line:col) when the file cannot be checked at all.
 */
export function checkStack(knowledge: Knowledge, text: string, file: string, options: CheckOptions): CheckResult {
  const loaded = loadStack(knowledge, text, file);
  const ctx = createContext(knowledge, loaded, options.today);
  const useCases: UseCaseReport[] = [];
  const findings: Finding[] = [];
  const occurrences = new Map<string, number>();
  loaded.stack.use_cases.forEach((useCase, index) => {
    const occurrence = (occurrences.get(useCase.id) ?? 0) + 1;
    occurrences.set(useCase.id, occurrence);
    const evaluation = evaluateUseCase(ctx, useCase, index, loaded.profiles[index]!, occurrence);
    useCases.push(evaluation.report);
    findings.push(...evaluation.findings);
  });
  findings.push(...duplicateIdFindings(loaded));
  findings.sort(byPosition);

  const strict = options.strict === true;
  let errors = 0;
  let warnings = 0;
  for (const finding of findings) {
    const report = useCases[finding.index]!;
    if (finding.level === 'error') {
      errors++;
      report.errors++;
    } else {
      warnings++;
      report.warnings++;
    }
  }
  const failed = useCases.filter((u) => u.errors > 0 || (strict && u.warnings > 0)).length;
  return {
    file,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    policy: loaded.policy,
    strict,
    today: options.today,
    useCases,
    findings,
    summary: { useCases: useCases.length, passed: useCases.length - failed, failed, errors, warnings },
    ok: errors === 0 && (!strict || warnings === 0),
  };
}
