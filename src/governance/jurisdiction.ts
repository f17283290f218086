/**
 * Which checklist items a profile's jurisdictions keep. Pure.
 *
 * Items grounded in international standards (`global`, also when an item names no
 * jurisdiction) apply wherever the system runs, so they are always kept; an item from a legal
 * order is kept when the profile names that order. A profile without the answer (a caller that
 * predates the question) keeps every item.
 */
import type { GovernanceItem, Jurisdiction } from '../knowledge/types.js';

export function itemJurisdiction(item: Pick<GovernanceItem, 'jurisdiction'>): Jurisdiction {
  return item.jurisdiction ?? 'global';
}

export function inJurisdictions(item: Pick<GovernanceItem, 'jurisdiction'>, selected: readonly string[] | undefined): boolean {
  const jurisdiction = itemJurisdiction(item);
  return jurisdiction === 'global' || selected === undefined || selected.includes(jurisdiction);
}
