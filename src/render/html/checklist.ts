/**
 * The governance checklist as HTML: the same entries as the JSON and Markdown, grouped by
 * area, each with its id, severity, why, why it applies, actions and clause references.
 */
import type { ChecklistEntry } from '../../governance/select.js';
import type { ChecklistScope } from '../../governance/scope.js';
import { formatAssumed, formatJurisdiction, formatReference, scopeLines } from '../checklist.js';
import { html, type Markup } from './escape.js';

function item(e: ChecklistEntry): Markup {
  return html`<article class="card item" id="item-${e.id}" data-item="${e.id}">
<h4><span aria-hidden="true">☐ </span>${e.title} <span class="badge ${e.severity}">${e.severity}</span> <code class="id">${e.id}</code></h4>
<p>${e.why}</p>
<p class="meta">Applies because: ${e.appliesBecause.join('; ')}. Jurisdiction: ${formatJurisdiction(e)}.</p>
${formatAssumed(e) ? html`<p class="note">Assumed: ${formatAssumed(e)!}.</p>` : ''}
${e.notes.map((n) => html`<p class="note">Note: ${n}</p>`)}
${e.actions.length > 0 ? html`<ul>${e.actions.map((a) => html`<li>${a}</li>`)}</ul>` : ''}
<p class="refs">References: ${e.references.map((r, i) => html`${i > 0 ? '; ' : ''}<cite>${formatReference(r)}</cite>`)}</p>
</article>`;
}

export function checklistSection(entries: readonly ChecklistEntry[], scope?: ChecklistScope): Markup {
  const scoped = (scope ? scopeLines(scope) : []).map((line) => html`<p class="meta">${line}</p>`);
  if (entries.length === 0) return html`<h2>Governance checklist</h2><p>No governance items apply to this profile.</p>${scoped}`;
  const required = entries.filter((e) => e.severity === 'required').length;
  const areas = new Map<string, ChecklistEntry[]>();
  for (const e of entries) areas.set(e.area, [...(areas.get(e.area) ?? []), e]);
  const groups = [...areas.values()].map((group) => html`<section class="area"><h3>${group[0]!.areaLabel}</h3>${group.map(item)}</section>`);
  return html`<h2>Governance checklist</h2>
<p>${entries.length} ${entries.length === 1 ? 'item' : 'items'}: ${required} required, ${entries.length - required} recommended. Each cites the clauses it comes from.</p>
${scoped}
${groups}`;
}
