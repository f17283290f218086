// Freezes a trimmed copy of the built-in knowledge as the goldens' fixture,
// test/fixtures/golden-knowledge.yaml: the same ids, ratings and conditions, the prose cut short.
// Run it (npx tsx scripts/make-golden-knowledge.ts) only when the shape of the knowledge changes;
// then refresh the goldens (npx vitest run -u) and review both diffs.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document } from 'yaml';
import { builtinKnowledge as k } from '../src/knowledge/builtin.js';

const rating = (r: any, what: string) => ({ value: r.value, why: `${what} (fixture)`, sources: ['FIXTURE'] });
const families = Object.fromEntries(Object.entries(k.families).map(([id, f]: [string, any]) => [id, {
  id, name: f.name, short_name: f.short_name, aliases: f.aliases.slice(0, 2),
  summary: `What ${f.short_name} is, in one fixture sentence.`,
  how_it_works: `How ${f.short_name} works, in one fixture sentence.`,
  best_at: [`${f.short_name} strength`], limitations: [`${f.short_name} limitation`], business_uses: [`${f.short_name} use`],
  examples: [{ name: `${f.short_name} example`, note: 'a fixture example' }],
  ratings: Object.fromEntries(Object.entries(f.ratings).map(([c, r]) => [c, rating(r, `${f.short_name} ${c}`)])),
  modalities: Object.fromEntries(Object.entries(f.modalities).map(([m, r]) => [m, rating(r, `${f.short_name} on ${m}`)])),
  disagreements: f.disagreements.length ? [`${f.short_name} disagreement`] : [],
  sources: ['FIXTURE'],
}]));
const use_cases = Object.fromEntries(Object.entries(k.use_cases).map(([id, u]: [string, any]) => [id, {
  id, title: u.title, description: `The ${id} fixture use case.`, seed_families: u.seed_families, rationale: `Why ${id} sets its answers.`, answers: u.answers, sources: ['FIXTURE'],
}]));
const governance = k.governance.map((g: any) => ({
  id: g.id, area: g.area, title: g.title, why: `Why ${g.id} matters.`, actions: [`Do ${g.id}.`], evidence: [`Evidence of ${g.id}`], severity: g.severity,
  ...(g.when ? { when: g.when } : {}), ...(g.escalate_when ? { escalate_when: g.escalate_when } : {}), references: g.references.slice(0, 2),
}));
const fixture = {
  version: '1.0.0-fixture', sha256: 'f'.repeat(64), levels: k.levels, modality_fit: k.modality_fit, criteria: k.criteria,
  families, questions: k.questions, use_cases, governance, governance_areas: k.governance_areas, frameworks: k.frameworks, sources: { FIXTURE: { citation: 'Fixture, A. The one source of the test knowledge. 2026' } },
};
const doc = new Document(fixture);
// Ratings and references one line each: the file stays short enough to read.
const flowAt = (path: (string | number)[]) => { const n: any = doc.getIn(path, true); if (n) n.flow = true; };
for (const id of Object.keys(families)) {
  for (const c of Object.keys((families as any)[id].ratings)) flowAt(['families', id, 'ratings', c]);
  for (const m of Object.keys((families as any)[id].modalities)) flowAt(['families', id, 'modalities', m]);
  flowAt(['families', id, 'examples', 0]);
}
governance.forEach((g: any, i: number) => { g.references.forEach((_r: any, j: number) => flowAt(['governance', i, 'references', j])); if (g.when) flowAt(['governance', i, 'when']); if (g.escalate_when) flowAt(['governance', i, 'escalate_when']); });
for (const id of Object.keys(use_cases)) flowAt(['use_cases', id, 'answers']);
const header = '# The knowledge behind the golden files: a frozen copy of the built-in base with its prose\n# cut short, so that editing knowledge/ never rewrites a golden. Not a source of advice.\n';
writeFileSync(fileURLToPath(new URL('../test/fixtures/golden-knowledge.yaml', import.meta.url)), header + doc.toString({ lineWidth: 0 }));
