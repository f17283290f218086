import { selectChecklist, type ChecklistEntry } from './governance/select.js';
import type { FamilyId, Knowledge, Profile } from './knowledge/types.js';
import { rankFamilies } from './scoring/rank.js';

/** The governance checklist alone, as the `checklist` command and the MCP `checklist` tool give it. */
export interface ChecklistResult {
  knowledge: Knowledge;
  profile: Profile;
  /** The recommended family, which some items depend on; undefined when no family is eligible. */
  family: FamilyId | undefined;
  entries: ChecklistEntry[];
  /** The day the checklist was drawn up for (YYYY-MM-DD). */
  today: string;
  /** Answers keys filled from defaults. */
  defaulted?: readonly string[];
}

/**
 * The checklist for a profile on `today`: some items depend on the recommended family, so the
 * families are ranked first (no robustness or examples are needed for it). Pure.
 */
export function checklistFor(knowledge: Knowledge, profile: Profile, options: { today: string; defaulted?: readonly string[] }): ChecklistResult {
  const { today, defaulted } = options;
  const family = rankFamilies(knowledge, profile).ranking[0]?.family;
  const entries = selectChecklist(knowledge.governance, profile, family, knowledge.governance_areas, { today, defaulted });
  return { knowledge, profile, family, entries, today, ...(defaulted ? { defaulted } : {}) };
}
