/**
 * The concrete models named for each recommended family, as every recommend format shows
 * them. Kept apart so that the ranking renderers need only a one-line hook.
 */
import { primaryFamily } from '../catalogue/filter.js';
import { statusOn } from '../catalogue/lifecycle.js';
import type { CatalogueModel, FamilyId } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import { hang, type Style } from './style.js';

/** The JSON `examples` of one ranked family; undefined for a family that is not recommended. */
export function exampleEntries(rec: Recommendation, family: FamilyId) {
  const models = rec.examples?.[family];
  return models?.map((m) => ({ id: m.id, name: m.name, vendor: m.vendor, license: m.license, licenseCategory: m.license_category, openWeights: m.open_weights, hosting: m.hosting, status: statusOn(m, rec.today), ...(m.shutdown !== undefined ? { shutdown: m.shutdown } : {}), ...(m.replacement !== undefined ? { replacement: m.replacement } : {}) }));
}

export function constraintText(rec: Recommendation): string {
  const { hosting, license, openWeights } = rec.modelConstraints ?? {};
  return [hosting && `hosting ${hosting}`, license && `licence ${license}`, openWeights !== undefined && (openWeights ? 'open weights' : 'closed weights')].filter(Boolean).join(' and ');
}

/** A deprecated model is named only with its shutdown date. */
export const shutdownText = (rec: Pick<Recommendation, 'today'>, m: CatalogueModel) => (statusOn(m, rec.today) === 'deprecated' && m.shutdown !== undefined ? `shuts down ${m.shutdown}` : undefined);
const short = (rec: Recommendation, m: CatalogueModel) => `${m.id} (${[m.license, shutdownText(rec, m)].filter(Boolean).join('; ')})`;
export const licence = (m: CatalogueModel) => (m.license.toLowerCase() === m.license_category ? m.license : `${m.license}, ${m.license_category}`);

/** Families in rank order that have an examples entry (the eligible ones). */
const listed = (rec: Recommendation) => rec.ranking.filter((r) => rec.examples?.[r.family] !== undefined);

/**
 * A family's examples without the models filed under another recommended family: a diffusion
 * transformer is named under Diffusion, not again under Transformer. A model whose own family
 * is not recommended stays under the family it also belongs to.
 */
export function mainFamilyExamples(rec: Recommendation, family: FamilyId): CatalogueModel[] {
  const shown = new Set(listed(rec).map((r) => r.family));
  return (rec.examples?.[family] ?? []).filter((m) => primaryFamily(m) === family || !shown.has(primaryFamily(m)));
}

/** "Example models" with one line per recommended family, each model under its own family. */
export function examplesText(rec: Recommendation, style: Style, width: number): string {
  const families = listed(rec);
  if (families.length === 0) return '';
  const constraints = constraintText(rec);
  const lines = [style.bold(`Example models${constraints ? ` (${constraints})` : ''}`)];
  for (const r of families) {
    const models = mainFamilyExamples(rec, r.family);
    const elsewhere = [...new Set((rec.examples![r.family] ?? []).map((m) => rec.knowledge.families[primaryFamily(m)]?.short_name ?? primaryFamily(m)))];
    const none = elsewhere.length > 0 ? `its models here are filed under ${elsewhere.join(' and ')}, above` : `none in the catalogue${constraints ? ` under ${constraints}` : ''}`;
    const text = models.length > 0 ? models.map((m) => short(rec, m)).join(', ') : none;
    lines.push(hang('  ', `${rec.knowledge.families[r.family].short_name}: ${text}`, width, '    '));
  }
  lines.push(style.dim(hang('  ', `more: genai-advisor models --family <family> --modality ${rec.profile.modality} --task ${rec.profile.task}`, width, '    ')));
  return `${lines.join('\n')}\n`;
}

/** The same as a Markdown section of the decision record. */
export function examplesMarkdown(rec: Recommendation, level = 3): string[] {
  const families = listed(rec);
  if (families.length === 0) return [];
  const constraints = constraintText(rec);
  const out = [`${'#'.repeat(level)} Example models`, '', `Catalogue models that serve ${rec.profile.modality} / ${rec.profile.task}${constraints ? ` under ${constraints}` : ''}, per recommended family:`, ''];
  for (const r of families) {
    const models = rec.examples![r.family]!;
    const text = models.length > 0 ? models.map((m) => `${m.name} (\`${m.id}\`, ${m.vendor}; ${[licence(m), m.hosting.join(', '), shutdownText(rec, m)].filter(Boolean).join('; ')})`).join('; ') : 'none in the catalogue';
    out.push(`- **${r.name}**: ${text}`);
  }
  out.push('');
  return out;
}
