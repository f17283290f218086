import { staleDays } from '../catalogue/lifecycle.js';
import type { Knowledge } from '../knowledge/types.js';
import type { Io } from './io.js';

/** The one line a command that names models prints when the catalogue snapshot is old. */
export function staleCatalogueLine(knowledge: Pick<Knowledge, 'as_of'>, today: string): string | undefined {
  const age = staleDays(knowledge, today);
  if (age === undefined) return undefined;
  return `note: the model catalogue was checked on ${knowledge.as_of}, ${age} days ago; models may have been deprecated or released since: refresh it with \`genai-advisor models refresh --from <list>\` (docs/catalogue.md)`;
}

export function warnIfStale(knowledge: Pick<Knowledge, 'as_of'>, today: string, io: Io): void {
  const line = staleCatalogueLine(knowledge, today);
  if (line !== undefined) io.stderr.write(`${line}\n`);
}
