/**
 * What a checklist covers, as of its day: which legal orders' items it lists and which it
 * leaves out (no run drops legal items silently), and whether the law behind it was reviewed
 * recently enough. Pure.
 */
import type { Knowledge, Profile } from '../knowledge/types.js';
import type { ChecklistScope as ChecklistScopeSchema } from '../schemas/document.js';
import type { Static } from '../schemas/common.js';
import { daysBetween } from '../util/dates.js';
import { coverageOf } from './jurisdiction.js';

/** A review older than this many days is flagged on every checklist. */
export const REVIEW_MAX_DAYS = 180;

/** What a checklist covers: its one definition is the document schema's (src/schemas/document.ts). */
export type ChecklistScope = Static<ReturnType<typeof ChecklistScopeSchema>>;

/** What a checklist was drawn up for: a recommendation, or the checklist command's result. */
export interface ScopeInput {
  knowledge: Pick<Knowledge, 'governance_reviewed' | 'questions'>;
  profile: Profile;
  today: string;
  /** Answers keys filled from defaults. */
  defaulted?: readonly string[];
}

export function checklistScope({ knowledge, profile, today, defaulted = [] }: ScopeInput): ChecklistScope {
  const { covered, leftOut } = coverageOf(profile.jurisdiction);
  const facts = profile as unknown as Record<string, unknown>;
  const assumed = knowledge.questions.filter((q) => q.group === 'governance' && defaulted.includes(q.key)).map((q) => ({ key: q.key, value: facts[q.key] }));
  const reviewed = knowledge.governance_reviewed;
  const age = reviewed === undefined ? 0 : daysBetween(reviewed, today);
  return {
    today,
    ...(reviewed !== undefined ? { reviewed } : {}),
    ...(age > REVIEW_MAX_DAYS ? { reviewAgeDays: age } : {}),
    covered,
    notCovered: leftOut,
    assumed,
  };
}
