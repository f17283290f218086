/** A scoring criterion (knowledge/criteria.yaml, or an overlay's `criteria:`). */
import { LEVELS } from '../knowledge/types.js';
import { Closed, OneOf, Text, Type, type Static } from './common.js';

const builtinCriterion = () =>
  Closed({
    label: Text(),
    description: Text(),
    /** Importance when no answer says otherwise. */
    default_level: OneOf(LEVELS),
    /** Short phrases used to template strengths and caveats ("fast sampling", "slow sampling"). */
    high_phrase: Text(),
    low_phrase: Text(),
  });

/** Built-in: every field. Overlay: a label and a description at least (default_level: none). */
export function criterionSchema(strict: boolean) {
  const builtin = builtinCriterion();
  if (strict) return builtin;
  const { label, description } = builtin.properties;
  return Closed({ ...Type.Partial(builtin).properties, label, description });
}

type CriterionFile = Static<ReturnType<typeof builtinCriterion>>;
/** A criterion once compiled: its id, and a default level always (an overlay's phrases may be absent). */
export type Criterion = Omit<CriterionFile, 'high_phrase' | 'low_phrase'> & Partial<Pick<CriterionFile, 'high_phrase' | 'low_phrase'>> & { id: string };
