/**
 * Which checklist items a profile's jurisdictions keep. Pure.
 *
 * Items grounded in international standards (item jurisdiction `global`, also when an item
 * names none) apply wherever the system runs, so every run keeps them. An item from a legal
 * order is kept when the profile names that order. The profile value `global` means "offered
 * worldwide": a system offered worldwide is offered in each legal order too (for the EU, AI
 * Act Art. 2(1)), so it keeps every legal order's items. A profile without the answer (a caller
 * that predates the question) keeps every item.
 */
import { JURISDICTIONS, type GovernanceItem, type Jurisdiction } from '../knowledge/types.js';

/** The legal orders, without `global`. */
export const LEGAL_ORDERS = JURISDICTIONS.filter((j) => j !== 'global');

export function itemJurisdiction(item: Pick<GovernanceItem, 'jurisdiction'>): Jurisdiction {
  return item.jurisdiction ?? 'global';
}

/** The legal orders whose items a run lists, and those it leaves out, in the table's order. */
export function coverageOf(selected: readonly string[] | undefined): { covered: Jurisdiction[]; leftOut: Jurisdiction[] } {
  const all = selected === undefined || selected.includes('global');
  const covered = LEGAL_ORDERS.filter((j) => all || selected.includes(j));
  return { covered, leftOut: LEGAL_ORDERS.filter((j) => !covered.includes(j)) };
}

export function inJurisdictions(item: Pick<GovernanceItem, 'jurisdiction'>, selected: readonly string[] | undefined): boolean {
  const jurisdiction = itemJurisdiction(item);
  return jurisdiction === 'global' || coverageOf(selected).covered.includes(jurisdiction);
}
