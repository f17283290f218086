import type { FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import type { Knockout, RankedFamily, RuledOutFamily } from './types.js';
import { answerChangesFor, scanAnswerChanges, type AnswerChange } from './why-not.js';

/**
 * The headline of the advice. Either a family is recommended, or none is eligible: then the
 * verdict names the family that comes closest, what it misses, and which single answer to
 * relax (none when only the modality or the task itself rules everything out).
 */
export type Verdict =
  | { status: 'recommended'; family: FamilyId }
  | { status: 'none-eligible'; closest: FamilyId | null; misses: Knockout[]; relax: AnswerChange[] };

/**
 * How far a family is from eligibility: first whether the task itself rules it out (a fit
 * knockout no answer can relax: a GAN is never "close" to holding a conversation), then its
 * knockouts, then the rating points it lacks.
 */
function shortfall(f: RuledOutFamily): [number, number, number] {
  const fit = f.knockouts.filter((k) => k.kind === 'modality' || k.kind === 'task').length;
  return [fit, f.knockouts.length, f.knockouts.reduce((sum, k) => sum + (k.required - k.rating), 0)];
}

export function closestVerdict(knowledge: Knowledge, profile: Profile, ranking: RankedFamily[], ruledOut: RuledOutFamily[]): Verdict {
  const first = ranking[0];
  if (first) return { status: 'recommended', family: first.family };
  const closest = [...ruledOut].sort((a, b) => {
    const [fa, ka, pa] = shortfall(a);
    const [fb, kb, pb] = shortfall(b);
    return fa - fb || ka - kb || pa - pb || b.score - a.score;
  })[0];
  if (!closest) return { status: 'none-eligible', closest: null, misses: [], relax: [] };
  // Prefer a change that makes the closest family eligible; otherwise any change that makes some family eligible.
  const options = scanAnswerChanges(knowledge, profile);
  const own = answerChangesFor(knowledge, profile, closest.family, options);
  const relax = own.length > 0 ? own : answerChangesFor(knowledge, profile, undefined, options);
  return { status: 'none-eligible', closest: closest.family, misses: closest.knockouts, relax };
}
