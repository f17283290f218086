/**
 * Picks the governance checklist items that apply to a use case. Pure: no I/O.
 */
import type { AppliesFrom, GovernanceItem, Jurisdiction, Profile } from '../knowledge/types.js';
import { evaluateCondition } from './condition.js';
import { inJurisdictions, itemJurisdiction } from './jurisdiction.js';

/** The order areas are listed in, in every output format. Unknown areas sort after these. */
export const AREA_ORDER = [
  'transparency',
  'provenance',
  'human-oversight',
  'safety',
  'security',
  'privacy',
  'fairness',
  'regulatory',
  'operations',
  'value',
] as const;

export const ALWAYS_APPLIES = 'applies to every generative-AI deployment';

/** A governance item as it stands on one profile's checklist: without its conditions, with why it applies. */
export interface ChecklistEntry extends Omit<GovernanceItem, 'when' | 'escalate_when' | 'notes' | 'jurisdiction' | 'applies_from'> {
  /** True when a recommended item was raised to required by its `escalate_when`. */
  escalated: boolean;
  /** Why the item is on this profile's checklist (and, if escalated, why it is required). */
  appliesBecause: string[];
  /** The legal order the duty comes from (`global`: international standards). */
  jurisdiction: Jurisdiction;
  /** For a staged law, the date from which it applies, with its source. */
  appliesFrom?: AppliesFrom;
  /** The item's notes whose condition holds for this profile. */
  notes: string[];
}

function areaRank(area: string): number {
  const i = (AREA_ORDER as readonly string[]).indexOf(area);
  return i === -1 ? AREA_ORDER.length : i;
}

export function compareEntries(a: ChecklistEntry, b: ChecklistEntry): number {
  const byArea = areaRank(a.area) - areaRank(b.area);
  if (byArea !== 0) return byArea;
  if (a.area !== b.area) return a.area < b.area ? -1 : 1;
  if (a.severity !== b.severity) return a.severity === 'required' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function selectChecklist(
  items: GovernanceItem[],
  profile: Profile,
  family: string | undefined,
): ChecklistEntry[] {
  const facts: Record<string, unknown> = { ...profile, family };
  const entries: ChecklistEntry[] = [];
  for (const item of items) {
    if (!inJurisdictions(item, profile.jurisdiction)) continue;
    const applies = evaluateCondition(item.when, facts);
    if (!applies.holds) continue;
    const appliesBecause = applies.reasons.length > 0 ? [...applies.reasons] : [ALWAYS_APPLIES];

    let severity = item.severity;
    let escalated = false;
    if (severity === 'recommended' && item.escalate_when !== undefined) {
      const raise = evaluateCondition(item.escalate_when, facts);
      if (raise.holds) {
        severity = 'required';
        escalated = true;
        appliesBecause.push(
          raise.reasons.length > 0 ? `required because ${raise.reasons.join(' and ')}` : 'raised to required',
        );
      }
    }

    entries.push({
      id: item.id,
      area: item.area,
      title: item.title,
      why: item.why,
      actions: [...item.actions],
      evidence: [...item.evidence],
      severity,
      escalated,
      appliesBecause,
      jurisdiction: itemJurisdiction(item),
      ...(item.applies_from ? { appliesFrom: { ...item.applies_from } } : {}),
      notes: (item.notes ?? []).filter((n) => evaluateCondition(n.when, facts).holds).map((n) => n.text),
      references: item.references.map((r) => ({ framework: r.framework, id: r.id, edition: r.edition })),
    });
  }
  return entries.sort(compareEntries);
}
