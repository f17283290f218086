import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { MODEL_FIELDS } from '../schemas/model.js';
import type { Knowledge } from './types.js';
import type { ParsedYaml } from './yaml.js';

type Raw = Record<string, unknown>;

const choicesOf = (knowledge: Knowledge, key: string) => (knowledge.questions.find((q) => q.key === key)?.choices ?? []).map((c) => c.value);

/**
 * What the catalogue's schema cannot say: modalities and tasks are the question table's,
 * ids are unique within a file, a successor is in the (merged) catalogue, and a model an
 * overlay adds is complete. Each problem is reported where the document introduced it.
 */
export function checkModels(knowledge: Knowledge, doc: ParsedYaml): Diagnostic[] {
  const entries = (doc.value as Raw).models;
  if (!Array.isArray(entries)) return [];
  const problems: Diagnostic[] = [];
  const modalities = choicesOf(knowledge, 'modality');
  const tasks = choicesOf(knowledge, 'task');
  const ids = knowledge.models.map((m) => m.id);
  const byId = new Map(knowledge.models.map((m) => [m.id, m]));
  const seen = new Map<string, number>();

  const checkList = (path: Array<string | number>, values: unknown, allowed: string[], what: string) => {
    (Array.isArray(values) ? values : []).forEach((value, i) => {
      if (!allowed.includes(String(value))) {
        problems.push(doc.diagnostic([...path, i], `unknown ${what} "${String(value)}".${didYouMean(String(value), allowed)} Known: ${allowed.join(', ')}`));
      }
    });
  };

  entries.forEach((entry: Raw | undefined, i) => {
    // A hole: the entry broke the schema and is reported already.
    if (entry === undefined || entry === null || typeof entry !== 'object') return;
    const id = String(entry.id);
    const at = ['models', i];
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(doc.diagnostic([...at, 'id'], `duplicate model id "${id}" (first at line ${doc.locate(['models', first, 'id']).line}); ids must be unique`));
    } else seen.set(id, i);
    checkList([...at, 'modalities'], entry.modalities, modalities, 'modality');
    checkList([...at, 'tasks'], entry.tasks, tasks, 'task');
    const merged = byId.get(id);
    if (!merged) return;
    // A field dropped for breaking the schema is reported as such, and still needed here.
    const missing = MODEL_FIELDS.filter((field) => merged[field] === undefined);
    if (missing.length > 0) {
      problems.push(doc.diagnostic(at, `model "${id}" is not in the catalogue, so it needs ${missing.join(', ')}`));
    }
    if (merged.also?.includes(merged.family)) {
      problems.push(doc.diagnostic([...at, entry.also !== undefined ? 'also' : 'family'], `model "${id}" lists its own family "${merged.family}" under also`));
    }
    if (merged.successor !== undefined && entry.successor !== undefined) {
      if (merged.successor === id) problems.push(doc.diagnostic([...at, 'successor'], `model "${id}" cannot be its own successor`));
      else if (!byId.has(merged.successor)) {
        problems.push(doc.diagnostic([...at, 'successor'], `successor "${merged.successor}" is not in the catalogue.${didYouMean(merged.successor, ids.filter((other) => other !== id))}`));
      }
    }
    if (merged.license?.toLowerCase() === 'proprietary' && merged.license_category !== undefined && merged.license_category !== 'proprietary') {
      problems.push(doc.diagnostic([...at, entry.license_category !== undefined ? 'license_category' : 'license'], `model "${id}" has licence "proprietary" but licence category "${merged.license_category}"`));
    }
  });
  return problems;
}
