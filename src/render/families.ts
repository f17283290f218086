import Table from 'cli-table3';
import type { Family, FamilyId, Knowledge, Rating } from '../knowledge/types.js';
import { hang, wrap, type Style } from './style.js';

const ABBREVIATIONS: Record<string, string> = {
  quality: 'qual', speed: 'spd', diversity: 'div', likelihood: 'lik', stability: 'stab', control: 'ctrl', anomaly: 'anom', cost: 'cost', maturity: 'mat',
  text: 'text', code: 'code', image: 'img', audio: 'aud', video: 'vid', tabular: 'tab', 'time-series': 'ts', '3d': '3d', multimodal: 'multi',
};
const abbreviate = (id: string) => ABBREVIATIONS[id] ?? id.slice(0, 5);

/** Criteria that families carry ratings for (the modality fit is shown separately). */
export function ratedCriteria(knowledge: Knowledge): string[] {
  return Object.keys(knowledge.criteria).filter((c) => c !== knowledge.modality_fit.criterion);
}

export function modalityIds(knowledge: Knowledge): string[] {
  return (knowledge.questions.find((q) => q.key === 'modality')?.choices ?? []).map((c) => c.value);
}

function matrix(families: Family[], columns: string[], pick: (f: Family, c: string) => number | undefined, style: Style): string {
  const nameWidth = Math.max(...families.map((f) => f.short_name.length), 6) + 2;
  const header = 'Family'.padEnd(nameWidth) + columns.map((c) => abbreviate(c).padStart(6)).join('');
  const rows = families.map((f) => {
    const cells = columns.map((c) => {
      const value = pick(f, c);
      const text = (value === undefined ? '-' : String(value)).padStart(6);
      return value === undefined ? style.dim(text) : value >= 4 ? style.green(text) : value <= 2 ? style.yellow(text) : text;
    });
    return f.short_name.padEnd(nameWidth) + cells.join('');
  });
  const legend = style.dim(wrap(columns.map((c) => `${abbreviate(c)} = ${c}`).join(', '), 80));
  return [style.bold(header), ...rows, legend].join('\n');
}

/** `--sources`: spell out every rating's evidence, so each number can be traced to a citation. */
export interface SourceOptions {
  sources?: boolean;
}

/** Source keys with their full citations, in the order the rating lists them. */
export function citations(knowledge: Knowledge, keys: readonly string[] = []): Array<{ key: string; citation: string }> {
  return keys.map((key) => ({ key, citation: knowledge.sources[key]?.citation ?? key }));
}

/** Both rating tables of a family, ratings first, as [group, key, rating] rows. */
export function ratingRows(knowledge: Knowledge, f: Family): Array<[string, string, Rating]> {
  const rows: Array<[string, string, Rating]> = [];
  for (const c of ratedCriteria(knowledge)) if (f.ratings[c]) rows.push(['rating', c, f.ratings[c]]);
  for (const m of modalityIds(knowledge)) if (f.modalities[m]) rows.push(['modality fit', m, f.modalities[m]]);
  return rows;
}

/** compare --sources: per family, every rating with its rationale and full citations. */
function rationalesText(knowledge: Knowledge, families: Family[], style: Style, width: number): string[] {
  const out: string[] = [style.bold('Every rating with its rationale and sources')];
  for (const f of families) {
    out.push('', style.bold(`${f.name} (${f.id})`));
    for (const [group, key, r] of ratingRows(knowledge, f)) {
      const label = group === 'rating' ? key : `${key} fit`;
      out.push(hang(`  ${label.padEnd(16)} ${r.value}/5  `, r.why ?? '', width, ' '.repeat(24)));
      for (const c of citations(knowledge, r.sources)) out.push(style.dim(hang(' '.repeat(24), `[${c.key}] ${c.citation}`, width, ' '.repeat(26))));
    }
  }
  return out;
}

/** Several families side by side: the ratings, the modality fits and the seed's comparison columns. */
export function renderCompareTable(knowledge: Knowledge, ids: FamilyId[], style: Style, width: number, options: SourceOptions = {}): string {
  const families = ids.map((id) => knowledge.families[id]);
  const out: string[] = [];
  out.push(style.bold('Ratings (1-5, higher is better; cost: higher = cheaper)'));
  out.push(matrix(families, ratedCriteria(knowledge), (f, c) => f.ratings[c]?.value, style), '');
  out.push(style.bold('Fit per modality (1-5; below 3 = not a practical choice)'));
  out.push(matrix(families, modalityIds(knowledge), (f, m) => f.modalities[m]?.value, style), '');
  // cli-table3 truncates a cell wider than its column, so the first one fits the longest name.
  const first = Math.max(...families.map((f) => f.short_name.length)) + 2;
  const column = Math.max(12, Math.floor((width - 5 - first) / 3));
  const table = new Table({
    head: ['Family', 'Best at', 'Limitations', 'Typical uses'].map((h) => style.bold(h)),
    colWidths: [first, column, column, column],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  for (const f of families) table.push([f.short_name, list(f.best_at), list(f.limitations), list(f.business_uses)]);
  out.push(table.toString());
  if (options.sources) out.push('', ...rationalesText(knowledge, families, style, width));
  else out.push(style.dim(wrap('Every rating has a rationale and sources: compare --sources, or genai-advisor explain <family> --sources.', width)));
  return `${out.join('\n')}\n`;
}

export function familyDocument(knowledge: Knowledge, id: FamilyId, options: SourceOptions = {}) {
  const f = knowledge.families[id];
  const traced = (table: Record<string, Rating>) =>
    options.sources ? Object.fromEntries(Object.entries(table).map(([k, r]) => [k, { ...r, citations: citations(knowledge, r.sources) }])) : table;
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
    ratings: traced(f.ratings),
    modalities: traced(f.modalities),
    disagreements: f.disagreements,
    sources: f.sources.map((key) => ({ key, citation: knowledge.sources[key]?.citation ?? key })),
  };
}

export function compareDocument(knowledge: Knowledge, ids: FamilyId[], tool: { name: string; version: string }, options: SourceOptions = {}) {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    families: ids.map((id) => familyDocument(knowledge, id, options)),
  };
}

/** `explain --format json|yaml`. */
export function explainDocument(knowledge: Knowledge, id: FamilyId, tool: { name: string; version: string }, options: SourceOptions = {}) {
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
  const keyWidth = Math.max(...[...ratedCriteria(knowledge), ...modalityIds(knowledge)].map((key) => key.length));
  const ratings = (title: string, table: Record<string, { value: number; why?: string; sources?: string[] }>, ids: string[]) => {
    section(title);
    for (const key of ids) {
      const r = table[key];
      if (!r) continue;
      const value = r.value >= 4 ? style.green(`${r.value}/5`) : r.value <= 2 ? style.yellow(`${r.value}/5`) : `${r.value}/5`;
      const sources = r.sources?.length ? style.dim(`[${r.sources.join(', ')}]`) : '';
      // The hanging indent is measured on the plain text: colour codes take no columns.
      const indent = ' '.repeat(2 + keyWidth + 2 + `${r.value}/5`.length + 2);
      out.push(hang(`  ${key.padEnd(keyWidth)}  ${value}  `, `${r.why ?? ''} ${sources}`, width, indent));
      if (options.sources) for (const c of citations(knowledge, r.sources)) out.push(style.dim(hang(indent, `[${c.key}] ${c.citation}`, width, `${indent}  `)));
    }
  };
  ratings('Ratings (cost: higher = cheaper)', f.ratings, ratedCriteria(knowledge));
  ratings('Fit per modality', f.modalities, modalityIds(knowledge));
  if (f.disagreements.length > 0) {
    section('Where the seed guide and the research disagree');
    bullets(f.disagreements);
  }
  section('Sources');
  for (const key of f.sources) out.push(hang('  ', `${key}: ${knowledge.sources[key]?.citation ?? key}`, width, '    '));
  return `${out.join('\n')}\n`;
}
