import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { checkModels } from './models-check.js';
import type { Condition, Knowledge } from './types.js';
import { validateAnswers } from './validate-answers.js';
import type { ParsedYaml } from './yaml.js';
import { quote, visible } from '../util/sanitize.js';
import { own } from '../util/own.js';

/** What a preset needs once overlays are merged. */
const PRESET_FIELDS = ['title', 'description', 'answers'] as const;

type Raw = Record<string, unknown>;

/**
 * Checks what a schema cannot: that ids named in one place exist in another. Each problem is
 * reported at the node of the document that introduced it.
 */
export function checkReferences(knowledge: Knowledge, docs: ParsedYaml[], { strict }: { strict: boolean }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const criteria = Object.keys(knowledge.criteria);
  const rated = criteria.filter((c) => c !== knowledge.modality_fit.criterion);
  const modalityQuestion = knowledge.questions.find((q) => q.key === 'modality');
  const modalities = (modalityQuestion?.choices ?? []).map((c) => c.value);
  const sources = Object.keys(knowledge.sources);
  const taskQuestion = knowledge.questions.find((q) => q.key === 'task');
  const tasks = (taskQuestion?.choices ?? []).map((c) => c.value);
  const computes = (knowledge.questions.find((q) => q.key === 'compute')?.choices ?? []).map((c) => c.value);

  if (!knowledge.criteria[knowledge.modality_fit.criterion]) {
    const doc = docs.find((d) => (d.value as Raw).modality_fit !== undefined) ?? docs[0]!;
    problems.push(doc.diagnostic(['modality_fit', 'criterion'], `modality_fit.criterion ${quote(knowledge.modality_fit.criterion)} is not a criterion`));
  }

  const checkSources = (doc: ParsedYaml, path: Array<string | number>, keys: unknown) => {
    (Array.isArray(keys) ? keys : []).forEach((key, i) => {
      if (!sources.includes(String(key))) {
        problems.push(doc.diagnostic([...path, i], `unknown source key ${quote(key)}.${didYouMean(String(key), sources)} Add it to sources or use one of: ${sources.join(', ')}`));
      }
    });
  };

  const checkModality = (doc: ParsedYaml, path: Array<string | number>, modality: string, atKey = false) => {
    if (!modalities.includes(modality)) problems.push(doc.diagnostic(path, `unknown modality ${quote(modality)}.${didYouMean(modality, modalities)} Known: ${modalities.join(', ')}`, atKey));
  };
  const checkRating = (doc: ParsedYaml, path: Array<string | number>, rating: Raw) => {
    checkSources(doc, [...path, 'sources'], rating.sources);
    ((rating.why_for as string[]) ?? []).forEach((m, j) => checkModality(doc, [...path, 'why_for', j], m));
  };

  for (const doc of docs) {
    const value = doc.value as Raw;
    for (const [id, family] of Object.entries((value.families as Record<string, Raw>) ?? {})) {
      const ratings = (family.ratings as Record<string, Raw | number>) ?? {};
      const tables = [['ratings', rated, 'criterion'], ['tasks', tasks, 'task']] as const;
      for (const [table, known, what] of tables) {
        for (const [key, rating] of Object.entries((family[table] as Record<string, Raw | number>) ?? {})) {
          if (!known.includes(key)) {
            problems.push(doc.diagnostic(['families', id, table, key], `unknown ${what} ${quote(key)}.${didYouMean(key, known)} Known: ${known.join(', ')}`, true));
          }
          if (typeof rating !== 'object' || rating === null) continue;
          checkRating(doc, ['families', id, table, key], rating);
          for (const [modality, byModality] of Object.entries((rating.modalities as Record<string, Raw | number>) ?? {})) {
            checkModality(doc, ['families', id, table, key, 'modalities', modality], modality, true);
            if (typeof byModality === 'object') checkRating(doc, ['families', id, table, key, 'modalities', modality], byModality);
          }
        }
      }
      for (const [modality, rating] of Object.entries((family.modalities as Record<string, Raw | number>) ?? {})) {
        checkModality(doc, ['families', id, 'modalities', modality], modality, true);
        if (typeof rating === 'object') checkRating(doc, ['families', id, 'modalities', modality], rating);
      }
      ((family.variants as Raw[]) ?? []).forEach((variant, i) => {
        const at = ['families', id, 'variants', i];
        for (const criterion of Object.keys((variant.ratings as Raw) ?? {})) {
          if (!rated.includes(criterion)) {
            problems.push(doc.diagnostic([...at, 'ratings', criterion], `unknown criterion "${criterion}".${didYouMean(criterion, rated)} Known: ${rated.join(', ')}`, true));
          }
        }
        ((variant.modalities as string[]) ?? []).forEach((m, j) => checkModality(doc, [...at, 'modalities', j], m));
        ((variant.tasks as string[]) ?? []).forEach((t, j) => {
          if (!tasks.includes(t)) problems.push(doc.diagnostic([...at, 'tasks', j], `unknown task ${quote(t)}.${didYouMean(t, tasks)} Known: ${tasks.join(', ')}`));
        });
        if (variant.compute !== undefined && !computes.includes(String(variant.compute))) {
          problems.push(doc.diagnostic([...at, 'compute'], `unknown compute ${quote(variant.compute)}.${didYouMean(String(variant.compute), computes)} Known: ${computes.join(', ')}`));
        }
        checkSources(doc, [...at, 'sources'], variant.sources);
      });
      if (strict) {
        const fitsByTask = (family.tasks as Raw) ?? {};
        for (const task of tasks.filter((t) => fitsByTask[t] === undefined)) {
          problems.push(doc.diagnostic(['families', id, 'tasks'], `family "${id}" has no fit for task "${task}"`));
        }
        for (const criterion of rated.filter((c) => ratings[c] === undefined)) {
          problems.push(doc.diagnostic(['families', id, 'ratings'], `family ${quote(id)} has no rating for criterion ${quote(criterion)}`));
        }
        const fits = (family.modalities as Raw) ?? {};
        for (const modality of modalities.filter((m) => fits[m] === undefined)) {
          problems.push(doc.diagnostic(['families', id, 'modalities'], `family ${quote(id)} has no fit for modality ${quote(modality)}`));
        }
      }
      checkSources(doc, ['families', id, 'sources'], family.sources);
    }

    for (const [id, useCase] of Object.entries((value.use_cases as Record<string, Raw>) ?? {})) {
      // A missing or malformed answers block is the schema's to report.
      const answers = useCase.answers;
      if (answers !== null && typeof answers === 'object' && !Array.isArray(answers)) {
        problems.push(...validateAnswers(doc, knowledge, ['use_cases', id, 'answers']));
      }
      if ((useCase.answers as Raw | undefined)?.use_case !== undefined) {
        problems.push(doc.diagnostic(['use_cases', id, 'answers', 'use_case'], 'a preset cannot name another preset', true));
      }
      checkSources(doc, ['use_cases', id, 'sources'], useCase.sources);
      // Presets merge field by field: only one the base lacks must bring every required field.
      const merged = own(knowledge.use_cases, id) as Record<string, unknown> | undefined;
      const missing = PRESET_FIELDS.filter((field) => merged?.[field] === undefined);
      if (missing.length > 0) problems.push(doc.diagnostic(['use_cases', id], `use case ${quote(id)} is not a built-in preset, so it needs ${missing.join(', ')}`));
    }

    problems.push(...checkModels(knowledge, doc));
    ((value.overlaps as Raw[]) ?? []).forEach((overlap, i) => {
      checkSources(doc, ['overlaps', i, 'sources'], overlap.sources);
      if (overlap.rated_under !== undefined && !((overlap.families as string[]) ?? []).includes(String(overlap.rated_under))) {
        problems.push(doc.diagnostic(['overlaps', i, 'rated_under'], `rated_under ${quote(overlap.rated_under)} is not one of the overlap's families (${((overlap.families as string[]) ?? []).join(', ')})`));
      }
      ((overlap.modalities as string[]) ?? []).forEach((m, j) => checkModality(doc, ['overlaps', i, 'modalities', j], m));
      ((overlap.tasks as string[]) ?? []).forEach((t, j) => {
        if (!tasks.includes(t)) problems.push(doc.diagnostic(['overlaps', i, 'tasks', j], `unknown task ${quote(t)}.${didYouMean(t, tasks)} Known: ${tasks.join(', ')}`));
      });
    });
    ((value.questions as Raw[]) ?? []).forEach((question, q) => {
      if (question.kind === 'criteria' && question.min_rating === undefined) {
        problems.push(doc.diagnostic(['questions', q], `question ${quote(question.key)} lists hard requirements but gives no min_rating (the rating each one asks for)`));
      }
      ((question.choices as Raw[]) ?? []).forEach((choice, c) => {
        const named = [...Object.keys((choice.uses as Raw) ?? {}), ...Object.values((choice.uses as Raw) ?? {}).map(String), ...((choice.excludes as string[]) ?? [])];
        for (const criterion of named.filter((n) => !criteria.includes(n))) {
          problems.push(doc.diagnostic(['questions', q, 'choices', c], `unknown criterion "${criterion}".${didYouMean(criterion, criteria)} Known: ${criteria.join(', ')}`));
        }
      });
    });

    const seen = new Set<string>();
    ((value.governance as Raw[]) ?? []).forEach((item, i) => {
      const id = String(item.id);
      if (seen.has(id)) problems.push(doc.diagnostic(['governance', i, 'id'], `duplicate governance item id ${quote(id)}`));
      seen.add(id);
      for (const field of ['when', 'escalate_when'] as const) {
        if (item[field] !== undefined) problems.push(...checkCondition(knowledge, doc, ['governance', i, field], item[field] as Condition));
      }
      ((item.notes as Raw[] | undefined) ?? []).forEach((note, n) => {
        if (note.when !== undefined) problems.push(...checkCondition(knowledge, doc, ['governance', i, 'notes', n, 'when'], note.when as Condition));
      });
      const replacedBy = (item.until as Raw | undefined)?.replaced_by;
      if (typeof replacedBy === 'string' && !knowledge.governance.some((g) => g.id === replacedBy)) {
        problems.push(doc.diagnostic(['governance', i, 'until', 'replaced_by'], `unknown governance item ${quote(replacedBy)}.${didYouMean(replacedBy, knowledge.governance.map((g) => g.id))}`));
      }
    });
  }
  return problems;
}

/** A condition may only name profile keys (or `family`) and values those keys can take. */
function checkCondition(knowledge: Knowledge, doc: ParsedYaml, path: Array<string | number>, condition: Condition): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const allowed = new Map<string, string[] | 'boolean'>();
  for (const q of knowledge.questions) {
    if (q.kind === 'choice') allowed.set(q.key, (q.choices ?? []).map((c) => c.value));
    if (q.kind === 'boolean') allowed.set(q.key, 'boolean');
  }
  allowed.set('family', Object.keys(knowledge.families));
  const walk = (node: Condition, at: Array<string | number>) => {
    const entries = Object.entries(node);
    for (const [key, value] of entries) {
      if (key === 'all' || key === 'any') (value as Condition[]).forEach((child, i) => walk(child, [...at, key, i]));
      else if (key === 'not') walk(value as Condition, [...at, key]);
      else {
        const values = allowed.get(key);
        if (!values) {
          problems.push(doc.diagnostic([...at, key], `a condition cannot test ${quote(key)}.${didYouMean(key, [...allowed.keys()])} Allowed: ${[...allowed.keys()].join(', ')}`, true));
          continue;
        }
        const list = Array.isArray(value) ? value : [value];
        list.forEach((v, i) => {
          const ok = values === 'boolean' ? typeof v === 'boolean' : values.includes(String(v));
          if (!ok) {
            const expected = values === 'boolean' ? 'true or false' : values.join(', ');
            problems.push(doc.diagnostic(Array.isArray(value) ? [...at, key, i] : [...at, key], `${quote(v)} is not a value of ${visible(key)}.${values === 'boolean' ? '' : didYouMean(String(v), values)} Allowed: ${expected}`));
          }
        });
      }
    }
  };
  walk(condition, path);
  return problems;
}
