import type { Recommendation } from '../recommend.js';
import { checklistItems } from './checklist-document.js';
import { round } from '../scoring/score.js';
import { safeJson } from '../util/sanitize.js';

export interface ToolInfo {
  name: string;
  version: string;
}

/**
 * The machine-readable recommendation (schemaVersion 1 of the contract). Key order is fixed
 * and every number is rounded, so the same input gives byte-identical output.
 */
export function recommendDocument(rec: Recommendation, tool: ToolInfo, overlays: string[] = []) {
  const { knowledge, profile } = rec;
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  return {
    schemaVersion: 1,
    tool,
    knowledge: { version: knowledge.version, sha256: knowledge.sha256, ...(overlays.length > 0 ? { overlays } : {}) },
    profile,
    ...(preset ? { useCase: { id: preset.id, title: preset.title, rationale: preset.rationale } } : {}),
    weights: Object.fromEntries(Object.entries(rec.plan.weights).map(([c, w]) => [c, round(w, 4)])),
    requirements: rec.plan.requirements,
    ranking: rec.ranking.map((r) => ({
      rank: r.rank,
      family: r.family,
      name: r.name,
      score: r.score,
      eligible: r.eligible,
      knockouts: r.knockouts,
      contributions: r.contributions,
      strengths: r.strengths,
      caveats: r.caveats,
    })),
    robustness: rec.robustness,
    checklist: checklistItems(rec.checklist),
  };
}

export type RecommendDocument = ReturnType<typeof recommendDocument>;

export function renderJson(document: unknown): string {
  return `${safeJson(JSON.stringify(document, null, 2))}\n`;
}
