/** Concrete catalogue models for each recommended family, as the JSON's `examples` lists them. */
import type { Recommendation } from '../../recommend.js';
import { constraintText, licence, shutdownText } from '../recommend-examples.js';
import { html, type Markup } from './escape.js';

export function examplesSection(rec: Recommendation): Markup {
  const families = rec.ranking.filter((r) => rec.examples?.[r.family] !== undefined);
  if (families.length === 0) return html``;
  const constraints = constraintText(rec);
  const rows = families.map((r) => {
    const models = rec.examples![r.family]!;
    const list = models.length > 0 ? models.map((m, i) => html`${i > 0 ? '; ' : ''}${m.name} (<code>${m.id}</code>, ${m.vendor}; ${[licence(m), shutdownText(rec, m)].filter(Boolean).join('; ')})`) : 'none in the catalogue';
    return html`<li data-family="${r.family}"><strong>${r.name}</strong>: ${list}</li>`;
  });
  return html`<h2>Example models</h2>
<p>Catalogue models that serve ${rec.profile.modality} / ${rec.profile.task}${constraints ? ` under ${constraints}` : ''}, per recommended family:</p>
<ul class="examples">${rows}</ul>`;
}
