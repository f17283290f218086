import { checklistMarkdown } from './checklist.js';
import type { Recommendation } from '../recommend.js';
import { robustnessSentence } from './robustness-text.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A decision record in Markdown: context, drivers, options with pros and cons, outcome, checklist. */
export function renderRecommendMarkdown(rec: Recommendation): string {
  const { knowledge, profile, ranking, plan } = rec;
  const winner = ranking[0]!;
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  const out: string[] = [];
  out.push(`# Choose a generative model family${preset ? ` for ${preset.title.toLowerCase()}` : ''}`, '');
  out.push('## Context and problem statement', '');
  if (preset) out.push(`${preset.description} ${preset.rationale}`, '');
  out.push('| answer | value |', '|---|---|');
  for (const [key, value] of Object.entries(profile)) {
    const shown = typeof value === 'object' ? Object.entries(value).map(([c, l]) => `${c}=${l}`).join(', ') || '(none)' : String(value);
    out.push(`| ${key} | ${cell(shown)} |`);
  }
  out.push('', '## Decision drivers', '');
  const drivers = Object.entries(plan.weights).filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]);
  for (const [criterion, weight] of drivers) {
    out.push(`- **${knowledge.criteria[criterion]?.label ?? criterion}** — ${Math.round(weight * 100)}% of the weight`);
  }
  for (const r of plan.requirements) out.push(`- Requirement: ${r.criterion} at least ${r.min}/5 (because ${r.because})`);
  out.push('', '## Considered options', '');
  out.push('| rank | family | score | eligible |', '|---|---|---|---|');
  for (const r of ranking) out.push(`| ${r.rank} | ${r.name} | ${r.score.toFixed(1)} | ${r.eligible ? 'yes' : 'no'} |`);
  out.push('');
  for (const r of ranking) {
    out.push(`### ${r.name}`, '');
    for (const s of r.strengths) out.push(`- Good, because ${s}`);
    for (const c of r.caveats) out.push(`- Bad, because ${c}`);
    if (r.strengths.length + r.caveats.length === 0) out.push('- Neutral: no criterion stands out either way');
    out.push('');
  }
  out.push('## Decision outcome', '');
  out.push(`Chosen option: **${winner.name}** (score ${winner.score.toFixed(1)} of 100).`, '');
  out.push(`Robustness: ${robustnessSentence(rec)}`, '');
  out.push(checklistMarkdown(rec.checklist).trimEnd(), '');
  out.push('## More information', '');
  out.push(`Knowledge base ${knowledge.version}, sha256 \`${knowledge.sha256}\`.`, '');
  const keys = new Set<string>();
  for (const r of ranking) for (const rating of Object.values(knowledge.families[r.family].ratings)) for (const s of rating.sources ?? []) keys.add(s);
  for (const key of [...keys].sort()) out.push(`- ${key}: ${knowledge.sources[key]?.citation ?? key}`);
  return `${out.join('\n')}\n`;
}
