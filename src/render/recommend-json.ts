import type { Recommendation } from '../recommend.js';
import type { RecommendDocument } from '../schemas/recommend-document.js';
import type { ToolInfo } from '../tool.js';
import { checklistItems } from './checklist-document.js';
import { exampleEntries } from './recommend-examples.js';
import { round } from '../scoring/score.js';
import { taskChoice } from '../scoring/fit.js';
import type { ExplainedFamily } from '../scoring/types.js';
import { safeJson } from '../util/sanitize.js';

export type { ToolInfo } from '../tool.js';

/** The fields every family carries, ranked or ruled out. */
function familyFields(r: ExplainedFamily) {
  return {
    family: r.family,
    name: r.name,
    score: r.score,
    fit: { value: r.fit.value, limitedBy: r.fit.limitedBy, why: r.fit.why ?? null, sources: r.fit.sources },
    knockouts: r.knockouts,
    variants: r.variants,
    contributions: r.contributions,
    strengths: r.strengths,
    caveats: r.caveats,
  };
}

/**
 * The machine-readable recommendation (schemaVersion 2 of the contract; docs/knowledge.md
 * has the migration note from 1). Only eligible families are ranked; ruled-out families are
 * listed apart, unranked. Key order is fixed and every number is rounded, so the same input
 * gives byte-identical output.
 */
export function recommendDocument(rec: Recommendation, tool: ToolInfo, overlays: string[] = []): RecommendDocument {
  const { knowledge, profile, plan, verdict } = rec;
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  const task = taskChoice(knowledge, profile.task);
  return {
    schemaVersion: 2,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256, ...(overlays.length > 0 ? { overlays } : {}) },
    profile,
    ...(preset ? { useCase: { id: preset.id, title: preset.title, rationale: preset.rationale } } : {}),
    task: { id: profile.task, generative: task?.generative !== false, renamed: plan.renamed, notApplicable: plan.notApplicable, note: task?.note ?? null },
    weights: Object.fromEntries(Object.entries(plan.weights).map(([c, w]) => [c, round(w, 4)])),
    requirements: plan.requirements,
    verdict,
    ranking: rec.ranking.map((r) => ({ rank: r.rank, ...familyFields(r), ...(exampleEntries(rec, r.family) ? { examples: exampleEntries(rec, r.family) } : {}) })),
    ruledOut: rec.ruledOut.map((r) => familyFields(r)),
    overlaps: rec.overlaps.map((o) => ({ families: o.families, note: o.note, sources: o.sources })),
    robustness: rec.robustness,
    checklist: checklistItems(rec.checklist),
  };
}

export type { RecommendDocument };

export function renderJson(document: unknown): string {
  return `${safeJson(JSON.stringify(document, null, 2))}\n`;
}
