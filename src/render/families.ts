import Table from 'cli-table3';
import { familyIds, type Family, type FamilyId, type Knowledge, type ModalRating, type Rating, type Variant } from '../knowledge/types.js';
import type { CompareDocument, ExplainDocument, FamilyDocument } from '../schemas/families-document.js';
import { gridWidth, legend, pack, pad, renderGrid } from './layout.js';
import { hang, wrap, type Style } from './style.js';

/** Criteria that families carry ratings for (the modality fit is shown separately). */
export function ratedCriteria(knowledge: Knowledge): string[] {
  return Object.keys(knowledge.criteria).filter((c) => c !== knowledge.modality_fit.criterion);
}

export function modalityIds(knowledge: Knowledge): string[] {
  return (knowledge.questions.find((q) => q.key === 'modality')?.choices ?? []).map((c) => c.value);
}

export function taskIds(knowledge: Knowledge): string[] {
  return (knowledge.questions.find((q) => q.key === 'task')?.choices ?? []).map((c) => c.value);
}

/** Overlap notes that concern at least two of the families shown. */
export function overlapsFor(knowledge: Knowledge, ids: readonly FamilyId[]) {
  return knowledge.overlaps.filter((o) => o.families.filter((f) => ids.includes(f)).length >= 2);
}

/** A table of ratings that may differ per modality, as [key, rating] rows: each key's family value, then its per-modality values as "key on modality". */
export function modalRows(knowledge: Knowledge, table: Record<string, ModalRating>, keys: readonly string[]): Array<[string, Rating]> {
  const rows: Array<[string, Rating]> = [];
  for (const key of keys) {
    const rating = table[key];
    if (!rating) continue;
    rows.push([key, rating]);
    for (const m of modalityIds(knowledge)) if (rating.modalities?.[m]) rows.push([`${key} on ${m}`, rating.modalities[m]]);
  }
  return rows;
}

/** A family's fit per task, then its per-modality exceptions, as [task label, rating] rows. */
export function taskRows(knowledge: Knowledge, f: Family): Array<[string, Rating]> {
  return modalRows(knowledge, f.tasks, taskIds(knowledge));
}

/** A family's criterion ratings, then the per-modality values where the literature differs. */
export function criterionRows(knowledge: Knowledge, f: Family): Array<[string, Rating]> {
  return modalRows(knowledge, f.ratings, ratedCriteria(knowledge));
}

/** "speed: text 5, code 5 (otherwise 3)" for each criterion a family rates per modality. */
export function perModalityLines(knowledge: Knowledge, f: Family): string[] {
  return ratedCriteria(knowledge)
    .filter((c) => Object.keys(f.ratings[c]?.modalities ?? {}).length > 0)
    .map((c) => {
      const r = f.ratings[c]!;
      const values = modalityIds(knowledge).filter((m) => r.modalities![m]).map((m) => `${m} ${r.modalities![m]!.value}`);
      return `${c}: ${values.join(', ')} (otherwise ${r.value})`;
    });
}

/** The modalities a why's figures are about, when it names them (why_for): "(evidence for image)". */
export const evidenceNote = (r: Rating): string => (r.why_for ? ` (evidence for ${r.why_for.join(', ')})` : '');

/** One group of 1-5 values compare shows for every family: the ratings, or a fit per modality or task. */
interface Group {
  title: string;
  /** What a family's card calls the group. */
  name: string;
  keys: string[];
  /** The knowledge's label of a key, which the legend gives when the key does not say it. */
  label: (key: string) => string | undefined;
  value: (f: Family, key: string) => number | undefined;
}

function groups(knowledge: Knowledge): Group[] {
  const choiceLabel = (question: string) => (value: string) => knowledge.questions.find((q) => q.key === question)?.choices?.find((c) => c.value === value)?.label;
  return [
    { title: 'Ratings (1-5, higher is better; cost: higher = cheaper)', name: 'Ratings', keys: ratedCriteria(knowledge), label: (c) => knowledge.criteria[c]?.label, value: (f, c) => f.ratings[c]?.value },
    { title: 'Generation fit per modality (1-5; below 3 = not a practical choice)', name: 'Generation fit per modality', keys: modalityIds(knowledge), label: choiceLabel('modality'), value: (f, m) => f.modalities[m]?.value },
    { title: 'Fit per task (1-5, overall; some families differ per modality: explain <family>)', name: 'Fit per task', keys: taskIds(knowledge), label: choiceLabel('task'), value: (f, t) => f.tasks[t]?.value },
  ];
}

function shade(value: number | undefined, text: string, style: Style): string {
  return value === undefined ? style.dim(text) : value >= 4 ? style.green(text) : value <= 2 ? style.yellow(text) : text;
}

/** A group as a grid: one row per key, one column per family, so no name is shortened. */
function groupGrid(group: Group, families: Family[], style: Style) {
  return {
    head: ['', ...families.map((f) => f.short_name)],
    rows: group.keys.map((key) => [key, ...families.map((f) => valueText(group.value(f, key), style))]),
  };
}

const valueText = (value: number | undefined, style: Style) => shade(value, String(value ?? '-'), style);

const groupLegend = (group: Group, width: number) => legend(group.keys.map((key) => [key, group.label(key)] as const), width);

/** Each group as a grid with its legend, when every grid fits `width`; otherwise undefined. */
function gridText(all: Group[], families: Family[], style: Style, width: number): string[] | undefined {
  if (all.some((g) => gridWidth(groupGrid(g, families, style)) > width)) return undefined;
  const out: string[] = [];
  for (const group of all) {
    const { head, rows } = renderGrid(groupGrid(group, families, style));
    out.push(style.bold(wrap(group.title, width)), style.bold(head), ...rows, ...groupLegend(group, width).map((line) => style.dim(line)), '');
  }
  return out;
}

/** A family's 1-5 values in the stacked layout: its "key value" items packed in columns, per group. */
function valueCard(all: Group[], f: Family, style: Style, width: number): string[] {
  return all.flatMap((group) => {
    const keyWidth = Math.max(...group.keys.map((k) => k.length));
    return [`  ${group.name}`, ...pack(group.keys.map((key) => `${pad(key, keyWidth)} ${valueText(group.value(f, key), style)}`), width, '    ')];
  });
}

const allLegend = (all: Group[], width: number) => legend(all.flatMap((g) => g.keys.map((key) => [key, g.label(key)] as const)), width);

/** `--sources`: spell out every rating's evidence, so each number can be traced to a citation. */
export interface SourceOptions {
  sources?: boolean;
}

/** Source keys with their full citations, in the order the rating lists them. */
export function citations(knowledge: Knowledge, keys: readonly string[] = []): Array<{ key: string; citation: string; year: number | null }> {
  return keys.map((key) => ({ key, citation: knowledge.sources[key]?.citation ?? key, year: knowledge.sources[key]?.year ?? null }));
}

/** "[BT] 2022 · Bond-Taylor et al. …": a citation with its year first, when the knowledge gives one. */
export const citationText = (c: { key: string; citation: string; year: number | null }): string => `[${c.key}] ${c.year !== null ? `${c.year} · ` : ''}${c.citation}`;

/** Both rating tables of a family, ratings first, as [group, key, rating] rows. */
export function ratingRows(knowledge: Knowledge, f: Family): Array<[string, string, Rating]> {
  const rows: Array<[string, string, Rating]> = [];
  for (const [key, r] of criterionRows(knowledge, f)) rows.push(['rating', key, r]);
  for (const m of modalityIds(knowledge)) if (f.modalities[m]) rows.push(['modality fit', m, f.modalities[m]]);
  for (const [key, r] of taskRows(knowledge, f)) rows.push(['task fit', key, r]);
  return rows;
}

/** The narrowest rationale column beside a rating worth reading; below it, the rationale goes under the rating. */
const MIN_RATIONALE_COLUMN = 40;

/** compare --sources: per family, every rating with its rationale and full citations. */
function rationalesText(knowledge: Knowledge, families: Family[], style: Style, width: number): string[] {
  const out: string[] = [style.bold('Every rating with its rationale and sources')];
  const indent = ' '.repeat(width - 24 >= MIN_RATIONALE_COLUMN ? 24 : 6);
  for (const f of families) {
    out.push('', style.bold(`${f.name} (${f.id})`));
    for (const [group, key, r] of ratingRows(knowledge, f)) {
      const label = group === 'rating' ? key : group === 'modality fit' ? `${key} fit` : `task: ${key}`;
      const head = `  ${label.padEnd(16)} ${r.value}/5  `;
      // A label too long for its column ("task: anomaly-detection on image") gets a line of its own.
      const why = `${r.why ?? ''}${evidenceNote(r)}`;
      if (head.length <= indent.length) out.push(hang(head, why, width, indent));
      else out.push(head.trimEnd(), hang(indent, why, width));
      for (const c of citations(knowledge, r.sources)) out.push(style.dim(hang(indent, citationText(c), width, `${indent}  `)));
    }
  }
  return out;
}

/** Bullets pre-wrapped to a column, each continuation under its text, never a bullet alone on a line. */
const bullets = (items: string[], width: number) =>
  items.map((item) => wrap(item, width - 2).split('\n').map((line, i) => `${i === 0 ? '•' : ' '} ${line}`).join('\n')).join('\n');

const PROSE: Array<[title: string, items: (f: Family) => string[]]> = [
  ['Best at', (f) => f.best_at],
  ['Limitations', (f) => f.limitations],
  ['Typical uses', (f) => f.business_uses],
];
/** The narrowest text column worth reading; below it, the stacked layout. */
const MIN_TEXT_COLUMN = 18;

/** What each family is best at, its limitations and uses, as a table; undefined when a column would be too narrow. */
function proseTable(families: Family[], style: Style, width: number): string | undefined {
  // cli-table3 pads a cell by one space on each side; a table of n columns has n + 1 borders.
  const first = Math.max(...families.map((f) => f.short_name.length)) + 2;
  const column = Math.floor((width - 5 - first) / 3);
  const longestWord = Math.max(...families.flatMap((f) => PROSE.flatMap(([, items]) => items(f))).flatMap((t) => t.split(/\s+/)).map((w) => w.length));
  if (column - 2 < Math.max(MIN_TEXT_COLUMN, longestWord + 2)) return undefined;
  // The last column takes what the division leaves over, so the table spans the terminal.
  const last = width - 5 - first - 2 * column;
  const table = new Table({
    head: ['Family', ...PROSE.map(([title]) => title)].map((h) => style.bold(h)),
    colWidths: [first, column, column, last],
    // Cells arrive wrapped to their column (with hanging bullets), so the table draws them as they are.
    wordWrap: false,
    style: { head: [], border: [] },
  });
  for (const f of families) table.push([f.short_name, ...PROSE.map(([, items], i) => bullets(items(f), (i === 2 ? last : column) - 2))]);
  return table.toString();
}

/** The same in the stacked layout: a titled list of bullets per kind. */
const proseCard = (f: Family, width: number): string[] =>
  PROSE.flatMap(([title, items]) => [`  ${title}`, ...bullets(items(f), width - 4).split('\n').map((line) => `    ${line}`)]);

/**
 * The families as grids and a table where they fit; otherwise one card per family that holds
 * whatever did not fit, so a family's name heads one card, not two.
 */
function layout(knowledge: Knowledge, families: Family[], style: Style, width: number): string[] {
  const all = groups(knowledge);
  const grids = gridText(all, families, style, width);
  const table = proseTable(families, style, width);
  if (grids && table) return [...grids, table];
  const heading = wrap('Ratings and fit per family (1-5, higher is better; cost: higher = cheaper; a fit below 3 is not a practical choice)', width);
  const out: string[] = grids ?? [style.bold(heading), ...allLegend(all, width).map((line) => style.dim(line)), ''];
  for (const f of families) {
    out.push(style.bold(`${f.short_name} (${f.id})`), ...(grids ? [] : valueCard(all, f, style, width)), ...(table ? [] : proseCard(f, width)), '');
  }
  if (table) out.push(table);
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** Several families side by side: the ratings, the modality fits and the seed's comparison columns. */
export function renderCompareTable(knowledge: Knowledge, ids: FamilyId[], style: Style, width: number, options: SourceOptions = {}): string {
  const families = ids.map((id) => knowledge.families[id]);
  const out = layout(knowledge, families, style, width);
  const modal = families.flatMap((f) => perModalityLines(knowledge, f).map((line) => `${f.short_name} ${line}`));
  if (modal.length > 0) out.push('', style.bold(wrap('Ratings that differ per modality (the ratings above are the family values):', width)), ...modal.map((line) => hang('  ', line, width, '    ')));
  for (const o of overlapsFor(knowledge, ids)) out.push('', wrap(`Note: ${o.note}`, width));
  if (options.sources) out.push('', ...rationalesText(knowledge, families, style, width));
  else out.push('', style.dim(wrap('Every rating has a rationale and sources: compare --sources, or genai-advisor explain <family> --sources.', width)));
  return `${out.join('\n')}\n`;
}

export function familyDocument(knowledge: Knowledge, id: FamilyId, options: SourceOptions = {}): FamilyDocument {
  const f = knowledge.families[id];
  const traced = (table: Record<string, Rating>) =>
    options.sources ? Object.fromEntries(Object.entries(table).map(([k, r]) => [k, { ...r, citations: citations(knowledge, r.sources) }])) : table;
  // A rating given per modality keeps its modalities, each traced like the family value.
  const tracedModal = (table: Record<string, ModalRating>) =>
    Object.fromEntries(
      Object.entries(table).map(([key, rating]) => {
        const { modalities, ...overall } = rating;
        const one = traced({ [key]: overall })[key]!;
        return [key, { ...one, ...(modalities ? { modalities: traced(modalities) } : {}) }];
      }),
    );
  return {
    id: f.id,
    name: f.name,
    aliases: f.aliases,
    summary: f.summary,
    howItWorks: f.how_it_works,
    bestAt: f.best_at,
    limitations: f.limitations,
    businessUses: f.business_uses,
    examples: f.examples,
    ratings: tracedModal(f.ratings),
    modalities: traced(f.modalities),
    tasks: tracedModal(f.tasks),
    variants: f.variants,
    disagreements: f.disagreements,
    sources: citations(knowledge, f.sources),
  };
}

export function compareDocument(knowledge: Knowledge, ids: FamilyId[], tool: { name: string; version: string }, options: SourceOptions = {}): CompareDocument {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    families: ids.map((id) => familyDocument(knowledge, id, options)),
    overlaps: overlapsFor(knowledge, ids),
  };
}

/** `explain --format json|yaml`. */
export function explainDocument(knowledge: Knowledge, id: FamilyId, tool: { name: string; version: string }, options: SourceOptions = {}): ExplainDocument {
  return { schemaVersion: 1, tool, knowledge: { version: knowledge.version, sha256: knowledge.sha256 }, family: familyDocument(knowledge, id, options) };
}

/** One family's full profile, every rating with its rationale and sources. */
export function renderExplainText(knowledge: Knowledge, id: FamilyId, style: Style, width: number, options: SourceOptions = {}): string {
  const f = knowledge.families[id];
  const out: string[] = [];
  const section = (title: string) => out.push('', style.bold(title));
  const bullets = (items: string[]) => items.forEach((i) => out.push(hang('  • ', i, width)));
  out.push(style.bold(`${f.name} (${f.id})`));
  if (f.aliases.length > 0) out.push(style.dim(wrap(`also known as: ${f.aliases.join(', ')}`, width)));
  out.push('', wrap(f.summary, width));
  section('How it works');
  out.push(wrap(f.how_it_works, width));
  section('Best at');
  bullets(f.best_at);
  section('Limitations');
  bullets(f.limitations);
  section('Typical business uses');
  bullets(f.business_uses);
  section('Examples');
  bullets(f.examples.map((e) => (e.note ? `${e.name}: ${e.note}` : e.name)));
  // One key column for ratings and modality fits, so both lists line up.
  const keyWidth = Math.max(...[...ratedCriteria(knowledge), ...modalityIds(knowledge), ...taskIds(knowledge)].map((key) => key.length));
  // A per-modality value sits under its key as "  on text".
  const nested = (rows: Array<[string, Rating]>): Array<[string, Rating]> => rows.map(([key, r]) => [key.includes(' on ') ? `  on ${key.split(' on ')[1]}` : key, r]);
  // Rows, not a table keyed by name: "  on image" recurs under several keys.
  const ratings = (title: string, rows: Array<[string, Rating]>) => {
    section(title);
    for (const [key, r] of rows) {
      const value = r.value >= 4 ? style.green(`${r.value}/5`) : r.value <= 2 ? style.yellow(`${r.value}/5`) : `${r.value}/5`;
      const sources = r.sources?.length ? style.dim(`[${r.sources.join(', ')}]`) : '';
      // The hanging indent is measured on the plain text: colour codes take no columns.
      const beside = ' '.repeat(2 + keyWidth + 2 + `${r.value}/5`.length + 2);
      // A rationale beside its rating while it keeps a readable column, else under it.
      const indent = width - beside.length >= MIN_RATIONALE_COLUMN ? beside : '      ';
      const why = `${r.why ?? ''}${evidenceNote(r)}`;
      if (indent === beside) out.push(hang(`  ${key.padEnd(keyWidth)}  ${value}  `, `${why} ${sources}`, width, indent));
      else out.push(`  ${key.padEnd(keyWidth)}  ${value}`, hang(indent, `${why} ${sources}`, width));
      if (options.sources) for (const c of citations(knowledge, r.sources)) out.push(style.dim(hang(indent, citationText(c), width, `${indent}  `)));
    }
  };
  ratings('Ratings (cost: higher = cheaper)', nested(criterionRows(knowledge, f)));
  ratings('Generation fit per modality', modalRows(knowledge, f.modalities, modalityIds(knowledge)));
  ratings('Fit per task (and per modality where it differs)', nested(taskRows(knowledge, f)));
  if (f.variants.length > 0) {
    section('Variants that reach further');
    bullets(f.variants.map((v) => `${v.name}: ${v.note} (${variantScope(v)}) [${v.sources.join(', ')}]`));
  }
  for (const o of overlapsFor(knowledge, familyIds(knowledge)).filter((o) => o.families.includes(id))) {
    section('Overlap with other families');
    out.push(wrap(o.note, width));
  }
  if (f.disagreements.length > 0) {
    section('Where practitioner claims and the research disagree');
    bullets(f.disagreements);
  }
  section('Sources');
  for (const c of citations(knowledge, f.sources)) out.push(hang('  ', `${c.key}${c.year !== null ? ` (${c.year})` : ''}: ${c.citation}`, width, '    '));
  return `${out.join('\n')}\n`;
}

/** What a variant reaches and where: "speed 5/5; image; generate, edit; needs medium compute". */
export function variantScope(v: Variant): string {
  return [
    Object.entries(v.ratings).map(([c, r]) => `${c} ${r}/5`).join(', '),
    ...(v.modalities ? [v.modalities.join(', ')] : []),
    ...(v.tasks ? [v.tasks.join(', ')] : []),
    ...(v.compute ? [`needs ${v.compute} compute`] : []),
  ].join('; ');
}
