import type { Recommendation } from '../recommend.js';
import { mattersTo } from '../scoring/explain.js';
import type { Contribution, RankedFamily, VariantUse } from '../scoring/types.js';

export interface FamilyReasons {
  /** Up to two criteria that earn the family the most points (rated 4 or 5, weighed at least 5%). */
  pros: Contribution[];
  /** Up to two criteria that matter to the profile (mattersTo) it is rated 1 or 2 on, the costliest first. */
  cons: Contribution[];
  /** Requirements it meets only through a named variant. */
  variants: VariantUse[];
}

/** What speaks for and against one ranked family; the summary and the details word it differently. */
export function familyReasons(rec: Pick<Recommendation, 'knowledge' | 'plan'>, family: RankedFamily): FamilyReasons {
  const notable = family.contributions.filter((c) => c.weight >= 0.05);
  const pros = notable.filter((c) => c.rating >= 4).sort((a, b) => b.points - a.points).slice(0, 2);
  const cons = notable
    .filter((c) => c.rating <= 2 && mattersTo(rec.knowledge, rec.plan, c.criterion))
    .sort((a, b) => b.weight * (5 - b.rating) - a.weight * (5 - a.rating))
    .slice(0, 2);
  return { pros, cons, variants: family.variants };
}

/** A criterion's phrase for a strength or a weakness ("fast sampling"), or its id when the knowledge has none. */
export function phrase(rec: Recommendation, c: Contribution, sign: '+' | '-'): string {
  const criterion = rec.knowledge.criteria[c.criterion];
  return (sign === '+' ? criterion?.high_phrase : criterion?.low_phrase) ?? c.criterion;
}
