import Table from 'cli-table3';
import { lifecycleNote, statusOn } from '../catalogue/lifecycle.js';
import type { CatalogueModel, Knowledge } from '../knowledge/types.js';
import type { AppliedFilters } from './models-json.js';
import { hang, wrap, type Style } from './style.js';

interface Column {
  head: string;
  cell: (m: CatalogueModel, today: string) => string;
}

const familyCell = (m: CatalogueModel) => (m.families.length > 1 ? `${m.families[0]}\n(also ${m.families.slice(1).join(', ')})` : m.families[0]!);
const licenseCell = (m: CatalogueModel) => (m.license.toLowerCase() === m.license_category ? m.license : `${m.license}\n${m.license_category}`);
/** "active", or "deprecated"/"retired" over the shutdown date (the replacement is in the list view and JSON). */
function statusCell(m: CatalogueModel, today: string): string {
  const status = statusOn(m, today);
  return status !== 'active' && m.shutdown ? `${status}\n${m.shutdown}` : status;
}

/** In priority order: a table is drawn only when the first five fit; later ones join as room allows. */
const COLUMNS: Column[] = [
  { head: 'Model', cell: (m) => m.id },
  { head: 'Status', cell: statusCell },
  { head: 'Family', cell: familyCell },
  { head: 'Licence', cell: licenseCell },
  { head: 'Hosting', cell: (m) => m.hosting.join('\n') },
  { head: 'Modalities', cell: (m) => m.modalities.join('\n') },
  { head: 'Tasks', cell: (m) => m.tasks.join('\n') },
  { head: 'Weights', cell: (m) => (m.open_weights ? 'open' : 'closed') },
  { head: 'Name', cell: (m) => m.name },
  { head: 'Vendor', cell: (m) => m.vendor },
  { head: 'Released', cell: (m) => m.released ?? '' },
];
const REQUIRED = 6;

const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** Columns a cell needs so that no word is cut (cli-table3 pads one space on each side). */
const minWidth = (texts: string[]) => Math.max(...texts.flatMap(words).map((w) => w.length), 1) + 2;
const fullWidth = (texts: string[]) => Math.max(...texts.flatMap((t) => t.split('\n')).map((l) => l.length), 1) + 2;

function footer(knowledge: Knowledge, count: number, filters: AppliedFilters, today: string, style: Style, width: number): string {
  const label = (key: string) => (key === 'openWeights' ? 'open weights' : key);
  const given = Object.entries(filters).map(([k, v]) => (typeof v === 'boolean' ? (v ? label(k) : `closed weights`) : `${label(k)} ${v}`));
  const parts = [`${count} model${count === 1 ? '' : 's'}`, ...(given.length > 0 ? [`filtered by ${given.join(', ')}`] : []), ...(knowledge.as_of ? [`catalogue as of ${knowledge.as_of}`] : []), `status as of ${today}`, 'sources and notes: --format json'];
  return style.dim(wrap(parts.join(' · '), width));
}

/** One block per model: what a narrow terminal can show without cutting a word. */
function renderList(models: readonly CatalogueModel[], today: string, style: Style, width: number): string[] {
  const out: string[] = [];
  for (const m of models) {
    if (out.length > 0) out.push('');
    out.push(hang('', `${style.bold(m.id)} ${m.name} (${m.vendor})`, width, '  '));
    const family = m.families.length > 1 ? `${m.families[0]} (also ${m.families.slice(1).join(', ')})` : m.families[0]!;
    out.push(hang('  ', `${family} · ${m.modalities.join(', ')} · ${m.tasks.join(', ')}`, width));
    // A licence named by its category ("proprietary") is not repeated in brackets.
    const facts = [m.license.toLowerCase() === m.license_category ? m.license : `${m.license} (${m.license_category})`, m.open_weights ? 'open weights' : 'closed weights', m.hosting.join(', '), ...(m.released ? [m.released] : [])];
    out.push(hang('  ', facts.join(' · '), width));
    const note = lifecycleNote(m, today);
    if (note !== undefined) out.push(style.yellow(hang('  ', note, width)));
  }
  return out;
}

/**
 * The catalogue as a table that fits `width` columns without cutting a word: the essential
 * columns first, more as the width allows, and one block per model when even those do not fit.
 */
export function renderModelsTable(knowledge: Knowledge, models: readonly CatalogueModel[], filters: AppliedFilters, today: string, style: Style, width: number): string {
  if (models.length === 0) {
    return `No model in the catalogue matches these filters.\n${footer(knowledge, 0, filters, today, style, width)}\n`;
  }
  const cells = COLUMNS.map((c) => [c.head, ...models.map((m) => c.cell(m, today))]);
  const mins = cells.map(minWidth);
  const chosen: number[] = [];
  let used = 1;
  for (let i = 0; i < COLUMNS.length; i++) {
    if (used + mins[i]! + 1 > width) break;
    chosen.push(i);
    used += mins[i]! + 1;
  }
  if (chosen.length < REQUIRED) return `${renderList(models, today, style, width).join('\n')}\n\n${footer(knowledge, models.length, filters, today, style, width)}\n`;
  // Spare columns go, one at a time, to the column furthest from showing its cells on one line.
  const widths = chosen.map((i) => mins[i]!);
  const wants = chosen.map((i) => fullWidth(cells[i]!));
  for (let spare = width - used; spare > 0; spare--) {
    let best = -1;
    for (let j = 0; j < widths.length; j++) if (widths[j]! < wants[j]! && (best < 0 || wants[j]! - widths[j]! > wants[best]! - widths[best]!)) best = j;
    if (best < 0) break;
    widths[best]!++;
  }
  const table = new Table({
    head: chosen.map((i) => style.bold(COLUMNS[i]!.head)),
    colWidths: widths,
    wordWrap: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const m of models) table.push(chosen.map((i) => COLUMNS[i]!.cell(m, today)));
  return `${table.toString()}\n${footer(knowledge, models.length, filters, today, style, width)}\n`;
}
