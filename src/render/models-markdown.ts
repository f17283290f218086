import { lifecycleNote } from '../catalogue/lifecycle.js';
import type { CatalogueModel, Knowledge } from '../knowledge/types.js';
import type { AppliedFilters } from './models-json.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const linkText = (text: string) => cell(text).replace(/([[\]])/g, '\\$1');

/** The catalogue (or a filtered part of it) as a Markdown table, each name linked to its source. */
export function renderModelsMarkdown(knowledge: Knowledge, models: readonly CatalogueModel[], filters: AppliedFilters, today: string): string {
  const out = ['# Generative models', ''];
  const given = Object.entries(filters).map(([k, v]) => (typeof v === 'boolean' ? (v ? `\`${k}\`` : `not \`${k}\``) : `${k} \`${String(v)}\``));
  out.push(`${models.length} model${models.length === 1 ? '' : 's'}${given.length > 0 ? `, filtered by ${given.join(', ')}` : ''}${knowledge.as_of ? `; catalogue as of ${knowledge.as_of}` : ''}; status as of ${today}.`, '');
  if (models.length > 0) {
    out.push('| id | status | model | vendor | family | modalities | tasks | licence | weights | hosting | released |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const m of models) {
      const name = m.sources?.[0] ? `[${linkText(m.name)}](${m.sources[0]})` : cell(m.name);
      const family = `${m.families[0]}${m.families.length > 1 ? ` (also ${m.families.slice(1).join(', ')})` : ''}`;
      out.push(
        `| \`${m.id}\` | ${cell(lifecycleNote(m, today) ?? 'active')} | ${name} | ${cell(m.vendor)} | ${family} | ${m.modalities.join(', ')} | ${m.tasks.join(', ')} | ${cell(m.license)} (${m.license_category}) | ${m.open_weights ? 'open' : 'closed'} | ${m.hosting.join(', ')} | ${m.released ?? ''} |`,
      );
    }
    const notes = models.filter((m) => m.family_note !== undefined || m.note !== undefined);
    if (notes.length > 0) {
      out.push('', '## Notes', '');
      for (const m of notes) out.push(`- \`${m.id}\`: ${cell([m.family_note, m.note].filter(Boolean).join(' '))}`);
    }
  }
  out.push('', `Knowledge base ${knowledge.version} (sha256 \`${knowledge.sha256.slice(0, 12)}\`).`);
  return `${out.join('\n')}\n`;
}
