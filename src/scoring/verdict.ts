import type { Knowledge, Profile } from '../knowledge/types.js';
import type { RankedFamily, RuledOutFamily } from './types.js';
import { answerChangesFor, scanAnswerChanges } from './why-not.js';

/** The headline of the advice, defined once as `recommend --format json` shows it (src/schemas/recommend-document.ts). */
export type { Verdict } from '../schemas/recommend-document.js';
import type { Verdict } from '../schemas/recommend-document.js';

/** How far a family is from eligibility: its knockouts, then the rating points it lacks. */
function shortfall(f: RuledOutFamily): [number, number] {
  return [f.knockouts.length, f.knockouts.reduce((sum, k) => sum + (k.required - k.rating), 0)];
}

export function closestVerdict(knowledge: Knowledge, profile: Profile, ranking: RankedFamily[], ruledOut: RuledOutFamily[]): Verdict {
  const first = ranking[0];
  if (first) return { status: 'recommended', family: first.family };
  const closest = [...ruledOut].sort((a, b) => {
    const [ka, pa] = shortfall(a);
    const [kb, pb] = shortfall(b);
    return ka - kb || pa - pb || b.score - a.score;
  })[0];
  if (!closest) return { status: 'none-eligible', closest: null, misses: [], relax: [] };
  // Prefer a change that makes the closest family eligible; otherwise any change that makes some family eligible.
  const options = scanAnswerChanges(knowledge, profile);
  const own = answerChangesFor(knowledge, profile, closest.family, options);
  const relax = own.length > 0 ? own : answerChangesFor(knowledge, profile, undefined, options);
  return { status: 'none-eligible', closest: closest.family, misses: closest.knockouts, relax };
}
