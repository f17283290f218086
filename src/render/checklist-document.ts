import type { ChecklistEntry } from '../governance/select.js';
import type { FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import type { ChecklistDocument } from '../schemas/checklist-document.js';
import type { ToolInfo } from '../tool.js';

/** Checklist items as they appear in every JSON/YAML document (the contract's fields first). */
export function checklistItems(entries: ChecklistEntry[]) {
  return entries.map((item) => ({
    id: item.id,
    area: item.area,
    title: item.title,
    why: item.why,
    severity: item.severity,
    appliesBecause: item.appliesBecause,
    actions: item.actions,
    evidence: item.evidence,
    references: item.references,
    jurisdiction: item.jurisdiction,
    ...(item.appliesFrom ? { appliesFrom: item.appliesFrom } : {}),
    notes: item.notes,
  }));
}

/** `checklist --format json|yaml`: the checklist with the profile and family it was selected for. */
export function checklistDocument(result: { knowledge: Knowledge; profile: Profile; family: FamilyId | undefined; entries: ChecklistEntry[] }, tool: ToolInfo): ChecklistDocument {
  const { knowledge, profile, family, entries } = result;
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    profile,
    family: family ?? null,
    checklist: checklistItems(entries),
  };
}
