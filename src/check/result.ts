/** The end of a check, shared by the full and the streaming path: order, count, sum up. */
import type { Knowledge } from '../knowledge/types.js';
import { RULE_IDS } from './rules.js';
import type { Policy } from './schema.js';
import type { CheckOptions, CheckResult, Finding, UseCaseReport } from './types.js';

// Stable: findings at one place keep the order their rule produced them in (checklist order).
const byPosition = (a: Finding, b: Finding) => a.line - b.line || a.col - b.col || RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule);

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
  return {
    file,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    policy,
    strict,
    today: options.today,
    useCases,
    findings,
    summary: { useCases: useCases.length, passed: useCases.length - failed, failed, errors, warnings, notes },
    ok: errors === 0 && (!strict || warnings === 0),
  };
}
