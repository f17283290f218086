import type { FamilyId, Knowledge, Rating } from '../knowledge/types.js';
import { citations, citationText, criterionRows, modalRows, evidenceNote, modalityIds, overlapsFor, perModalityLines, ratedCriteria, ratingRows, taskIds, taskRows, variantScope, type SourceOptions } from './families.js';
import { describeAnswers } from './use-cases.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const cited = (knowledge: Knowledge, keys?: string[]) => citations(knowledge, keys).map((c) => cell(citationText(c))).join('<br>');

export function renderCompareMarkdown(knowledge: Knowledge, ids: FamilyId[], options: SourceOptions = {}): string {
  const families = ids.map((id) => knowledge.families[id]);
  const out: string[] = ['# Generative model families compared', ''];
  const grid = (title: string, columns: string[], pick: (id: FamilyId, c: string) => number | undefined) => {
    out.push(`## ${title}`, '', `| family | ${columns.join(' | ')} |`, `|---|${columns.map(() => '---:').join('|')}|`);
    for (const f of families) out.push(`| ${f.name} | ${columns.map((c) => String(pick(f.id, c) ?? '-')).join(' | ')} |`);
    out.push('');
  };
  grid('Ratings (1-5; cost: higher = cheaper)', ratedCriteria(knowledge), (id, c) => knowledge.families[id].ratings[c]?.value);
  const modal = families.flatMap((f) => perModalityLines(knowledge, f).map((line) => `- ${f.name}: ${cell(line)}`));
  if (modal.length > 0) out.push('Ratings that differ per modality (the grid shows the family values):', '', ...modal, '');
  grid('Generation fit per modality (1-5)', modalityIds(knowledge), (id, m) => knowledge.families[id].modalities[m]?.value);
  grid('Fit per task (1-5, overall; per-modality exceptions in `explain`)', taskIds(knowledge), (id, t) => knowledge.families[id].tasks[t]?.value);
  out.push('## Strengths, limitations and uses', '', '| family | best at | limitations | typical uses |', '|---|---|---|---|');
  for (const f of families) out.push(`| ${f.name} | ${cell(f.best_at.join('; '))} | ${cell(f.limitations.join('; '))} | ${cell(f.business_uses.join('; '))} |`);
  if (options.sources) {
    out.push('', '## Every rating with its rationale and sources');
    for (const f of families) {
      out.push('', `### ${f.name}`, '', '| | rating | why | sources |', '|---|---:|---|---|');
      for (const [group, key, r] of ratingRows(knowledge, f)) out.push(`| ${group === 'rating' ? key : group === 'modality fit' ? `${key} fit` : `task: ${key}`} | ${r.value} | ${cell(`${r.why ?? ''}${evidenceNote(r)}`)} | ${cited(knowledge, r.sources)} |`);
    }
  }
  const overlaps = overlapsFor(knowledge, ids);
  if (overlaps.length > 0) out.push('', '## Overlaps', '', ...overlaps.map((o) => `- ${cell(o.note)}`));
  out.push('', `Knowledge base ${knowledge.version} (sha256 \`${knowledge.sha256.slice(0, 12)}\`).`);
  return `${out.join('\n')}\n`;
}

export function renderExplainMarkdown(knowledge: Knowledge, id: FamilyId, options: SourceOptions = {}): string {
  const f = knowledge.families[id];
  const out: string[] = [`# ${f.name} (\`${f.id}\`)`, '', f.summary, '', '## How it works', '', f.how_it_works, ''];
  const list = (title: string, items: string[]) => out.push(`## ${title}`, '', ...items.map((i) => `- ${i}`), '');
  list('Best at', f.best_at);
  list('Limitations', f.limitations);
  list('Typical business uses', f.business_uses);
  list('Examples', f.examples.map((e) => (e.note ? `**${e.name}**: ${e.note}` : `**${e.name}**`)));
  const table = (title: string, rows: Array<[string, Rating]>) => {
    out.push(`## ${title}`, '', '| | rating | why | sources |', '|---|---:|---|---|');
    for (const [key, r] of rows) {
      out.push(`| ${key} | ${r.value} | ${cell(`${r.why ?? ''}${evidenceNote(r)}`)} | ${options.sources ? cited(knowledge, r.sources) : (r.sources ?? []).join(', ')} |`);
    }
    out.push('');
  };
  table('Ratings (per modality where the literature differs)', criterionRows(knowledge, f));
  table('Generation fit per modality', modalRows(knowledge, f.modalities, modalityIds(knowledge)));
  table('Fit per task (and per modality where it differs)', taskRows(knowledge, f));
  if (f.variants.length > 0) list('Variants that reach further', f.variants.map((v) => `**${v.name}**: ${v.note} (${variantScope(v)}) [${v.sources.join(', ')}]`));
  if (f.disagreements.length > 0) list('Where practitioner claims and the research disagree', f.disagreements);
  list('Sources', citations(knowledge, f.sources).map((c) => `${c.key}${c.year !== null ? ` (${c.year})` : ''}: ${c.citation}`));
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderUseCasesMarkdown(knowledge: Knowledge): string {
  const out = ['# Use-case presets', '', '| preset | what it is | what it sets |', '|---|---|---|'];
  for (const u of Object.values(knowledge.use_cases)) out.push(`| \`${u.id}\` | ${cell(u.title)} | ${cell(describeAnswers(u.answers))} |`);
  return `${out.join('\n')}\n`;
}
