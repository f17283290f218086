import type { ChecklistEntry } from '../governance/select.js';

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
