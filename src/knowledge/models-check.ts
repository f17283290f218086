import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { MODEL_FIELDS } from '../schemas/model.js';
import { isCalendarDate } from '../util/dates.js';
import type { CatalogueModel, Knowledge } from './types.js';
import type { ParsedYaml } from './yaml.js';

type Raw = Record<string, unknown>;

const choicesOf = (knowledge: Knowledge, key: string) => (knowledge.questions.find((q) => q.key === key)?.choices ?? []).map((c) => c.value);

/**
 * What the catalogue's schema cannot say: modalities and tasks are the question table's,
 * ids are unique within a file, lifecycle dates exist and follow each other, a replacement
 * is an active model of the (merged) catalogue, and a model an overlay adds is complete. Each problem is reported where the document introduced it.
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
    problems.push(...lifecycleProblems(doc, at, entry, merged, byId));
    if (merged.license?.toLowerCase() === 'proprietary' && merged.license_category !== undefined && merged.license_category !== 'proprietary') {
      problems.push(doc.diagnostic([...at, entry.license_category !== undefined ? 'license_category' : 'license'], `model "${id}" has licence "proprietary" but licence category "${merged.license_category}"`));
    }
  });
  return problems;
}

const DATE_FIELDS = ['released', 'shutdown', 'verified'] as const;

/** Where an overlay patches a field the merged entry has, the overlay's node is the culprit. */
const whereOf = (entry: Raw, at: Array<string | number>, field: string) => (entry[field] !== undefined ? [...at, field] : at);

/** Dates that exist, a shutdown after the release, and a replacement that is an active model. */
function lifecycleProblems(doc: ParsedYaml, at: Array<string | number>, entry: Raw, merged: CatalogueModel, byId: Map<string, CatalogueModel>): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const id = merged.id;
  for (const field of DATE_FIELDS) {
    const value = entry[field];
    // released may be a month (YYYY-MM); a full date must be a day of the calendar.
    if (typeof value === 'string' && value.length === 10 && !isCalendarDate(value)) {
      problems.push(doc.diagnostic([...at, field], `${field} "${value}" of model "${id}" is not a calendar date; give YYYY-MM-DD`));
    }
  }
  if (merged.shutdown !== undefined && merged.released !== undefined && merged.shutdown < merged.released) {
    problems.push(doc.diagnostic(whereOf(entry, at, 'shutdown'), `model "${id}" shuts down (${merged.shutdown}) before it was released (${merged.released})`));
  }
  if (merged.shutdown !== undefined && merged.status === 'active') {
    problems.push(doc.diagnostic(whereOf(entry, at, 'status'), `model "${id}" has a shutdown date (${merged.shutdown}) but status active: set status to deprecated (or retired, once it has shut down)`));
  }
  const replacement = (value: string | undefined, path: Array<string | number>) => {
    if (value === undefined) return;
    const target = byId.get(value);
    if (value === id) problems.push(doc.diagnostic(path, `model "${id}" cannot be its own replacement`));
    else if (!target) problems.push(doc.diagnostic(path, `replacement "${value}" is not in the catalogue.${didYouMean(value, [...byId.keys()].filter((other) => other !== id))}`));
    else if (target.status !== 'active') problems.push(doc.diagnostic(path, `replacement "${value}" is ${target.status} itself; name an active model${target.replacement ? ` (such as its own replacement, "${target.replacement}")` : ''}`));
  };
  if (entry.replacement !== undefined || entry.status !== undefined) replacement(merged.replacement, whereOf(entry, at, 'replacement'));
  const routes = Array.isArray(entry.routes) ? (entry.routes as Raw[]) : [];
  routes.forEach((route, r) => {
    if (route === null || typeof route !== 'object') return;
    const path = [...at, 'routes', r];
    if (typeof route.shutdown === 'string' && !isCalendarDate(route.shutdown)) problems.push(doc.diagnostic([...path, 'shutdown'], `shutdown "${route.shutdown}" of a route of model "${id}" is not a calendar date; give YYYY-MM-DD`));
    if (!merged.hosting?.includes(route.hosting as never)) problems.push(doc.diagnostic([...path, 'hosting'], `model "${id}" has a route for hosting "${String(route.hosting)}", which its hosting list does not include`));
    replacement(route.replacement as string | undefined, [...path, 'replacement']);
  });
  return problems;
}
