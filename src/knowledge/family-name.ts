import { UsageError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote } from '../util/sanitize.js';
import { familyIds, type FamilyId, type Knowledge } from './types.js';

/** Accepts a family id or one of its aliases ("GANs", "ddpm"), case-insensitively. */
export function familyId(input: string, knowledge: Knowledge): FamilyId {
  const needle = input.toLowerCase();
  const ids = familyIds(knowledge);
  for (const id of ids) {
    if (id === needle || knowledge.families[id].aliases.some((a) => a.toLowerCase() === needle)) return id;
  }
  throw new UsageError(`unknown family ${quote(input)}.${didYouMean(input, ids)}`, `valid families: ${ids.join(', ')}`);
}
