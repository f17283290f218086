import type { UseCasesDocument } from '../schemas/use-cases-document.js';
import Table from 'cli-table3';
import type { Answers, Knowledge } from '../knowledge/types.js';
import { flow } from './layout.js';
import { hang, visibleLength, wrap, type Style } from './style.js';

export function describeAnswers(answers: Answers): string {
  return Object.entries(answers)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${key}: ${value.join(', ')}`
        : typeof value === 'object' && value !== null
        ? `${key}: ${Object.entries(value).map(([c, l]) => `${c}=${String(l)}`).join(', ')}`
        : `${key}: ${String(value)}`,
    )
    .join('; ');
}

/** The narrowest "What it sets" column worth reading; below it, one card per preset. */
const MIN_SETS_COLUMN = 24;

/** One block per preset: what a narrow terminal shows without cutting a word. */
function cards(knowledge: Knowledge, style: Style, width: number): string[] {
  const out = [style.bold(wrap('Preset (--use-case): what it is and what it sets', width))];
  for (const preset of Object.values(knowledge.use_cases)) {
    const title = `${preset.id} — ${preset.title}`;
    out.push('', visibleLength(title) <= width ? `${style.bold(preset.id)} — ${preset.title}` : `${style.bold(preset.id)}\n${hang('  ', preset.title, width)}`);
    // "key: value" pairs stay together on a line.
    out.push(...flow(describeAnswers(preset.answers).split('; '), width - 2, '; ').map((line) => `  ${line}`));
  }
  return out;
}

export function renderUseCasesTable(knowledge: Knowledge, style: Style, width: number): string {
  const head = ['Preset (--use-case)', 'What it is', 'What it sets'];
  const presets = Object.values(knowledge.use_cases);
  // Column widths count cli-table3's one-space padding on each side; a word never has to be cut.
  const words = (texts: string[]) => texts.flatMap((t) => t.split(/\s+/));
  const longest = (texts: string[]) => Math.max(...texts.map((t) => t.length)) + 2;
  const ids = longest([head[0]!, ...presets.map((p) => p.id)]);
  const sets = presets.map((p) => describeAnswers(p.answers));
  const minSets = Math.max(MIN_SETS_COLUMN, longest(words(sets)));
  const room = width - 4 - ids;
  // The titles get their full width when the answers keep a readable column, else the width of their longest word.
  const titles = [longest([head[1]!, ...presets.map((p) => p.title)]), longest(words([head[1]!, ...presets.map((p) => p.title)]))].find((w) => room - w >= minSets);
  const footer = style.dim(wrap('Flags and answers files override what a preset sets.', width));
  if (titles === undefined) return `${cards(knowledge, style, width).join('\n')}\n\n${footer}\n`;
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    colWidths: [ids, titles, room - titles],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  presets.forEach((preset, i) => table.push([preset.id, preset.title, sets[i]!]));
  return `${table.toString()}\n${footer}\n`;
}

export function useCasesDocument(knowledge: Knowledge, tool: { name: string; version: string }): UseCasesDocument {
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
    useCases: Object.values(knowledge.use_cases).map((u) => ({
      id: u.id,
      title: u.title,
      description: u.description,
      rationale: u.rationale,
      seedFamilies: u.seed_families,
      answers: u.answers,
      sources: u.sources,
    })),
  };
}
