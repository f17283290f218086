import fc from 'fast-check';
import { LEVELS, type Question } from '../../src/knowledge/types.js';

/**
 * A valid answer to one question of the table. `presets` lists the preset ids to draw from
 * (none: the preset question stays unanswered); `maxPriorities` bounds the priorities map.
 */
export function answerFor(q: Question, criteria: string[], presets: string[], maxPriorities: number): fc.Arbitrary<unknown> {
  switch (q.kind) {
    case 'choice':
      return fc.constantFrom(...q.choices!.map((c) => c.value));
    case 'multi':
      return fc.uniqueArray(fc.constantFrom(...q.choices!.map((c) => c.value)), { minLength: 1 });
    case 'boolean':
      return fc.boolean();
    case 'priorities':
      return fc.dictionary(fc.constantFrom(...criteria), fc.constantFrom(...LEVELS), { maxKeys: maxPriorities });
    case 'criteria':
      return fc.uniqueArray(fc.constantFrom(...criteria), { maxLength: 2 });
    case 'preset':
      return presets.length > 0 ? fc.constantFrom(...presets) : fc.constant(undefined);
  }
}
