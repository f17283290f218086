import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { checkModels } from './models-check.js';
import type { Condition, Knowledge, Rating } from './types.js';
import { validateAnswers } from './validate-answers.js';
import type { ParsedYaml } from './yaml.js';
import { quote, visible } from '../util/sanitize.js';

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

  for (const doc of docs) {
    const value = doc.value as Raw;
    for (const [id, family] of Object.entries((value.families as Record<string, Raw>) ?? {})) {
      const ratings = (family.ratings as Record<string, Rating | number>) ?? {};
      for (const [criterion, rating] of Object.entries(ratings)) {
        if (!rated.includes(criterion)) {
          problems.push(doc.diagnostic(['families', id, 'ratings', criterion], `unknown criterion ${quote(criterion)}.${didYouMean(criterion, rated)} Known: ${rated.join(', ')}`, true));
        }
        if (typeof rating === 'object') checkSources(doc, ['families', id, 'ratings', criterion, 'sources'], rating.sources);
      }
      for (const [modality, rating] of Object.entries((family.modalities as Record<string, Rating | number>) ?? {})) {
        if (!modalities.includes(modality)) {
          problems.push(doc.diagnostic(['families', id, 'modalities', modality], `unknown modality ${quote(modality)}.${didYouMean(modality, modalities)} Known: ${modalities.join(', ')}`, true));
        }
        if (typeof rating === 'object') checkSources(doc, ['families', id, 'modalities', modality, 'sources'], rating.sources);
      }
      for (const [task, fit] of Object.entries((family.tasks as Record<string, Raw | number>) ?? {})) {
        if (!tasks.includes(task)) {
          problems.push(doc.diagnostic(['families', id, 'tasks', task], `unknown task "${task}".${didYouMean(task, tasks)} Known: ${tasks.join(', ')}`, true));
        }
        if (typeof fit !== 'object' || fit === null) continue;
        checkSources(doc, ['families', id, 'tasks', task, 'sources'], fit.sources);
        for (const [modality, rating] of Object.entries((fit.modalities as Record<string, Rating | number>) ?? {})) {
          if (!modalities.includes(modality)) {
            problems.push(doc.diagnostic(['families', id, 'tasks', task, 'modalities', modality], `unknown modality "${modality}".${didYouMean(modality, modalities)} Known: ${modalities.join(', ')}`, true));
          }
          if (typeof rating === 'object') checkSources(doc, ['families', id, 'tasks', task, 'modalities', modality, 'sources'], rating.sources);
        }
      }
      ((family.variants as Raw[]) ?? []).forEach((variant, i) => {
        for (const criterion of Object.keys((variant.ratings as Raw) ?? {})) {
          if (!rated.includes(criterion)) {
            problems.push(doc.diagnostic(['families', id, 'variants', i, 'ratings', criterion], `unknown criterion "${criterion}".${didYouMean(criterion, rated)} Known: ${rated.join(', ')}`, true));
          }
        }
        checkSources(doc, ['families', id, 'variants', i, 'sources'], variant.sources);
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
    }

    problems.push(...checkModels(knowledge, doc));
    ((value.overlaps as Raw[]) ?? []).forEach((overlap, i) => checkSources(doc, ['overlaps', i, 'sources'], overlap.sources));
    ((value.questions as Raw[]) ?? []).forEach((question, q) => {
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
