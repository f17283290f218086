/**
 * Several stack files checked in one run (a list of files or globs): each file keeps
 * its own engine result; this adds them up into the one verdict and exit code of the run.
 */
import type { CheckResult, CheckSummary } from './types.js';

/** One checked file, with the repository-relative path code scanning and annotations need. */
export interface CheckedFile {
  result: CheckResult;
  path: string;
}

export interface CombinedCheck {
  files: number;
  summary: CheckSummary;
  strict: boolean;
  /** False when any file fails. */
  ok: boolean;
}

export function combineResults(results: readonly CheckResult[]): CombinedCheck {
  const summary: CheckSummary = { useCases: 0, passed: 0, failed: 0, errors: 0, warnings: 0, notes: 0 };
  for (const { summary: s } of results) {
    summary.useCases += s.useCases;
    summary.passed += s.passed;
    summary.failed += s.failed;
    summary.errors += s.errors;
    summary.warnings += s.warnings;
    summary.notes! += s.notes ?? 0;
  }
  return { files: results.length, summary, strict: results.some((r) => r.strict), ok: results.every((r) => r.ok) };
}
