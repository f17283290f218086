/** The end of a check, shared by the full and the streaming path: order, count, sum up. */
import type { Knowledge } from '../knowledge/types.js';
import { RULE_IDS } from './rules.js';
import type { Policy } from './schema.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

// Stable: findings at one place keep the order their rule produced them in (checklist order).
const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.col - b.col || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);

/**
 * Findings a report lists; the summary counts them all. A report of every finding of 20,000
 * failing use cases would be gigabytes of SARIF, more than a string or a CI upload can hold.
 */
export const MAX_FINDINGS_LISTED = 10_000;

export function checkResult(knowledge: Knowledge, file: string, policy: Policy, options: CheckOptions, useCases: UseCaseReport[], findings: Finding[]): CheckResult {
  findings.sort(byPosition);
  const strict = options.strict === true;
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const finding of findings) {
    const report = useCases[finding.index]!;
    if (finding.level === 'error') {
      errors++;
      report.errors++;
    } else if (finding.level === 'warning') {
      warnings++;
      report.warnings++;
    } else notes++;
  }
  const failed = useCases.filter((u) => u.errors > 0 || (strict && u.warnings > 0)).length;
  const omitted = Math.max(0, findings.length - MAX_FINDINGS_LISTED);
  if (omitted > 0) findings.length = MAX_FINDINGS_LISTED;
  return {
    file,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    policy,
    strict,
    today: options.today,
    useCases,
    findings,
    summary: { useCases: useCases.length, passed: useCases.length - failed, failed, errors, warnings, notes, ...(omitted > 0 ? { omitted } : {}) },
    ok: errors === 0 && (!strict || warnings === 0),
  };
}
