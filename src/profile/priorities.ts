import { LEVELS, type Level } from '../knowledge/types.js';
import { ProfileError } from '../scoring/errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { quote, visible } from '../util/sanitize.js';

/** Parses `quality=high,speed=low` (possibly several such strings) into a criterion → level map. */
export function parsePriorities(specs: readonly string[], criteria: readonly string[]): Record<string, Level> {
  const result: Record<string, Level> = {};
  for (const spec of specs) {
    for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
      const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(part);
      if (!match) {
        throw new ProfileError(`--priority ${quote(part)} is not criterion=level`, `write it like --priority quality=high,speed=low`);
      }
      const [, criterion, level] = match as unknown as [string, string, string];
      if (!criteria.includes(criterion)) {
        throw new ProfileError(`--priority names unknown criterion ${quote(criterion)}.${didYouMean(criterion, criteria)}`, `criteria: ${criteria.join(', ')}`);
      }
      if (!(LEVELS as readonly string[]).includes(level)) {
        throw new ProfileError(`--priority ${visible(`${criterion}=${level}`)}: unknown level ${quote(level)}.${didYouMean(level, LEVELS)}`, `levels: ${LEVELS.join(', ')}`);
      }
      result[criterion] = level as Level;
    }
  }
  return result;
}

/**
 * Parses `speed,likelihood` (possibly several such strings) into a list of criteria, each
 * once. Checked against the knowledge in use, so an overlay's criterion can be required.
 */
export function parseCriteria(flag: string, specs: readonly string[], criteria: readonly string[]): string[] {
  const result: string[] = [];
  for (const criterion of specs.flatMap((spec) => spec.split(',')).map((p) => p.trim()).filter(Boolean)) {
    if (!criteria.includes(criterion)) {
      throw new ProfileError(`--${flag} names unknown criterion ${quote(criterion)}.${didYouMean(criterion, criteria)}`, `criteria: ${criteria.join(', ')}`);
    }
    if (!result.includes(criterion)) result.push(criterion);
  }
  return result;
}
