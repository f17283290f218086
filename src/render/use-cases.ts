import Table from 'cli-table3';
import type { Answers, Knowledge } from '../knowledge/types.js';
import type { Style } from './style.js';

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

export function renderUseCasesTable(knowledge: Knowledge, style: Style, width: number): string {
  const head = ['Preset (--use-case)', 'What it is', 'What it sets'];
  const presets = Object.values(knowledge.use_cases);
  // cli-table3 cuts a word longer than its column: fit the longest id, title word and value.
  const longest = (texts: string[]) => Math.max(...texts.flatMap((t) => t.split(' ')).map((w) => w.length)) + 2;
  const ids = longest([head[0]!, ...presets.map((p) => p.id)]);
  const titles = Math.max(longest(presets.map((p) => p.title)), 21);
  const sets = Math.max(longest(presets.map((p) => describeAnswers(p.answers))), width - ids - titles - 4);
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    colWidths: [ids, titles, sets],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const preset of Object.values(knowledge.use_cases)) table.push([preset.id, preset.title, describeAnswers(preset.answers)]);
  return `${table.toString()}\n${style.dim('Flags and answers files override what a preset sets.')}\n`;
}

export function useCasesDocument(knowledge: Knowledge, tool: { name: string; version: string }) {
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
