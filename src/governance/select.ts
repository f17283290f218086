/**
 * Picks the governance checklist items that apply to a use case. Pure: no I/O.
 */
import type { AppliesFrom, GovernanceItem, Jurisdiction, Profile } from '../knowledge/types.js';
import type { GovernanceArea } from '../knowledge/vocabulary.js';
import { evaluateCondition, leafKeys } from './condition.js';
import { inJurisdictions, itemJurisdiction } from './jurisdiction.js';

export const ALWAYS_APPLIES = 'applies to every generative-AI deployment';

/** A governance item as it stands on one profile's checklist: without its conditions, with why it applies. */
export interface ChecklistEntry extends Omit<GovernanceItem, 'when' | 'escalate_when' | 'notes' | 'jurisdiction' | 'applies_from'> {
  /** The area's name as people read it (knowledge/frameworks.yaml). */
  areaLabel: string;
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

/** An area the knowledge does not list (an overlay's own) gets a label made from its id. */
function labelOf(area: string, areas: readonly GovernanceArea[]): string {
  const known = areas.find((a) => a.id === area)?.label;
  if (known) return known;
  const words = area.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** By area in the knowledge's order (unlisted areas after, by id), required first, then by id. */
export function compareEntries(areas: readonly GovernanceArea[]) {
  const rank = (area: string) => {
    const i = areas.findIndex((a) => a.id === area);
    return i === -1 ? areas.length : i;
  };
  return (a: ChecklistEntry, b: ChecklistEntry): number => {
    const byArea = rank(a.area) - rank(b.area);
    if (byArea !== 0) return byArea;
    if (a.area !== b.area) return a.area < b.area ? -1 : 1;
    if (a.severity !== b.severity) return a.severity === 'required' ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/**
 * The items that apply to a profile and family, in the checklist's order (`areas`' order first).
 * It reads the profile only through the items' conditions and the jurisdictions
 * (selectChecklistOnce keys on exactly those facts).
 */
export function selectChecklist(
  items: GovernanceItem[],
  profile: Profile,
  family: string | undefined,
  areas: readonly GovernanceArea[] = [],
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
      areaLabel: labelOf(item.area, areas),
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
  return entries.sort(compareEntries(areas));
}

/** The profile facts selectChecklist can read for these items: what their conditions mention, and the jurisdictions. */
function factsRead(items: readonly GovernanceItem[]): string[] {
  const keys = new Set<string>(['jurisdiction']);
  for (const item of items) {
    for (const condition of [item.when, item.escalate_when, ...(item.notes ?? []).map((n) => n.when)]) for (const key of leafKeys(condition)) keys.add(key);
  }
  keys.delete('family');
  return [...keys];
}

interface ChecklistMemo {
  facts: string[];
  byAreas: WeakMap<readonly GovernanceArea[], Map<string, ChecklistEntry[]>>;
}
const checklists = new WeakMap<readonly GovernanceItem[], ChecklistMemo>();
const NO_AREAS: readonly GovernanceArea[] = [];

/**
 * selectChecklist, computed once per items, areas and the facts it reads: a large stack has
 * hundreds of profiles that differ only in answers no condition mentions. Keyed on the item
 * and area lists (by identity: a knowledge object's lists never change), the family, the
 * values of the facts the conditions mention, and any further argument, so any change in
 * what selection reads is selected afresh. The result is shared: callers must not change it.
 */
export function selectChecklistOnce(...args: Parameters<typeof selectChecklist>): ChecklistEntry[] {
  const [items, profile, family, areas = NO_AREAS, ...rest] = args;
  let memo = checklists.get(items);
  if (!memo) checklists.set(items, (memo = { facts: factsRead(items), byAreas: new WeakMap() }));
  let byFacts = memo.byAreas.get(areas);
  if (!byFacts) memo.byAreas.set(areas, (byFacts = new Map()));
  const facts = profile as unknown as Record<string, unknown>;
  // An object, not a list, so that a fact that is missing and one that is null stay apart.
  const key = JSON.stringify([family ?? null, Object.fromEntries(memo.facts.map((k) => [k, facts[k]])), ...rest]);
  let checklist = byFacts.get(key);
  if (!checklist) byFacts.set(key, (checklist = selectChecklist(items, profile, family, areas, ...(rest as []))));
  return checklist;
}
