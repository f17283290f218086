import type { FamilyId } from '../knowledge/types.js';
import type { Level, RuleId } from './rules.js';
import type { Policy } from './schema.js';

/** One problem `check` found, at the YAML node it is about. */
export interface Finding {
  rule: RuleId;
  level: Level;
  message: string;
  /** The id of the use case it concerns (as written, duplicates included). */
  useCase: string;
  /** Its position in `use_cases` (0-based). */
  index: number;
  file: string;
  line: number;
  col: number;
  /** Stable across edits that move lines: rule, use case and subject, hashed. */
  fingerprint: string;
}

/** What one use case declared and how the current knowledge ranks it. */
export interface UseCaseReport {
  id: string;
  index: number;
  line: number;
  col: number;
  description?: string;
  family: FamilyId;
  /** Position among the eligible families (1 = best), or null when the family is not eligible. */
  rank: number | null;
  score: number;
  best: { family: FamilyId; score: number } | null;
  errors: number;
  warnings: number;
}

export interface CheckSummary {
  useCases: number;
  /** Use cases without a finding that fails the check (warnings count only with strict). */
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
  /** Info findings: reported, never failing (always set by check; optional for older results). */
  notes?: number;
  /** Findings counted but not listed (the report lists the first MAX_FINDINGS_LISTED in file order); absent when none. */
  omitted?: number;
}

export interface CheckResult {
  file: string;
  knowledge: { version: string; sha256: string };
  policy: Policy;
  strict: boolean;
  /** The date overdue plans were judged against (YYYY-MM-DD). */
  today: string;
  useCases: UseCaseReport[];
  /** Every finding, in file order. */
  findings: Finding[];
  summary: CheckSummary;
  /** False when the check fails: any error, or any warning with strict. */
  ok: boolean;
}

export interface CheckOptions {
  /** YYYY-MM-DD; the shell passes the local date, tests a fixed one. */
  today: string;
  /** Warnings fail the check too. */
  strict?: boolean;
}
