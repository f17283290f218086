import Table from 'cli-table3';
import type { Family, FamilyId, Knowledge } from '../knowledge/types.js';
import { wrap, type Style } from './style.js';

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

/** Several families side by side: the ratings, the modality fits and the seed's comparison columns. */
export function renderCompareTable(knowledge: Knowledge, ids: FamilyId[], style: Style, width: number): string {
  const families = ids.map((id) => knowledge.families[id]);
  const out: string[] = [];
  out.push(style.bold('Ratings (1-5, higher is better; cost: higher = cheaper)'));
  out.push(matrix(families, ratedCriteria(knowledge), (f, c) => f.ratings[c]?.value, style), '');
  out.push(style.bold('Fit per modality (1-5; below 3 = not a practical choice)'));
  out.push(matrix(families, modalityIds(knowledge), (f, m) => f.modalities[m]?.value, style), '');
  const column = Math.max(14, Math.floor((width - 5 - 14) / 3));
  const table = new Table({
    head: ['Family', 'Best at', 'Limitations', 'Typical uses'].map((h) => style.bold(h)),
    colWidths: [14, column, column, column],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  const list = (items: string[]) => items.map((i) => `• ${i}`).join('\n');
  for (const f of families) table.push([f.short_name, list(f.best_at), list(f.limitations), list(f.business_uses)]);
  out.push(table.toString());
  out.push(style.dim(wrap('Every rating has a rationale and sources: genai-advisor explain <family>, or compare --format json.', width)));
  return `${out.join('\n')}\n`;
}

export function familyDocument(knowledge: Knowledge, id: FamilyId) {
  const f = knowledge.families[id];
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
    ratings: f.ratings,
    modalities: f.modalities,
    disagreements: f.disagreements,
    sources: f.sources.map((key) => ({ key, citation: knowledge.sources[key]?.citation ?? key })),
  };
}

export function compareDocument(knowledge: Knowledge, ids: FamilyId[], tool: { name: string; version: string }) {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    families: ids.map((id) => familyDocument(knowledge, id)),
  };
}

/** One family's full profile, every rating with its rationale and sources. */
export function renderExplainText(knowledge: Knowledge, id: FamilyId, style: Style, width: number): string {
  const f = knowledge.families[id];
  const out: string[] = [];
  const section = (title: string) => out.push('', style.bold(title));
  const bullets = (items: string[]) => items.forEach((i) => out.push(wrap(`  • ${i}`, width, '    ')));
  out.push(style.bold(`${f.name} (${f.id})`));
  if (f.aliases.length > 0) out.push(style.dim(`also known as: ${f.aliases.join(', ')}`));
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
  const ratings = (title: string, table: Record<string, { value: number; why?: string; sources?: string[] }>, ids: string[]) => {
    section(title);
    for (const key of ids) {
      const r = table[key];
      if (!r) continue;
      const value = r.value >= 4 ? style.green(`${r.value}/5`) : r.value <= 2 ? style.yellow(`${r.value}/5`) : `${r.value}/5`;
      const sources = r.sources?.length ? style.dim(` [${r.sources.join(', ')}]`) : '';
      out.push(wrap(`  ${key.padEnd(12)} ${value}  ${r.why ?? ''}${sources}`, width, ' '.repeat(20)));
    }
  };
  ratings('Ratings (cost: higher = cheaper)', f.ratings, ratedCriteria(knowledge));
  ratings('Fit per modality', f.modalities, modalityIds(knowledge));
  if (f.disagreements.length > 0) {
    section('Where the seed guide and the research disagree');
    bullets(f.disagreements);
  }
  section('Sources');
  for (const key of f.sources) out.push(wrap(`  ${key}: ${knowledge.sources[key]?.citation ?? key}`, width, '    '));
  return `${out.join('\n')}\n`;
}
