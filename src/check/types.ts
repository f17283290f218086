import type { CheckFileDocument } from '../schemas/check-document.js';

/**
 * One problem `check` found, at the YAML node it is about; what one use case declared and how
 * the current knowledge ranks it; the counts. Defined once, as `check --format json` shows
 * them: src/schemas/check-document.ts.
 */
export type { CheckSummary, Finding, UseCaseReport } from '../schemas/check-document.js';

/** One file's result: the `check --format json` document without its header. */
export type CheckResult = Omit<CheckFileDocument, 'schemaVersion' | 'tool'>;

export interface CheckOptions {
  /** YYYY-MM-DD; the shell passes the local date, tests a fixed one. */
  today: string;
  /** Warnings fail the check too. */
  strict?: boolean;
}
