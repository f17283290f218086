/** The answers the recommendation was made for, and what made the report: tool, knowledge, overlays. */
import type { Recommendation } from '../../recommend.js';
import type { ToolInfo } from '../../tool.js';
import { answerText, rerunCommand } from '../recommend-markdown.js';
import { html, type Markup } from './escape.js';

export function profileSection(rec: Recommendation): Markup {
  const { knowledge, profile } = rec;
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  const answers = profile as unknown as Record<string, unknown>;
  const rows = knowledge.questions
    .filter((q) => q.kind !== 'preset' && answers[q.key] !== undefined)
    .map((q) => html`<tr><th scope="row">${q.prompt}</th><td>${answerText(knowledge, q.key, answers[q.key], (t) => t)}</td></tr>`);
  return html`<h2>Your answers</h2>
${preset ? html`<p>Starting point: the <strong>${preset.title}</strong> preset. ${preset.description}</p>` : ''}
<table class="profile"><tbody>${rows}</tbody></table>`;
}

export function provenanceSection(rec: Recommendation, tool: ToolInfo, overlays: readonly string[], whyNot?: string): Markup {
  const { knowledge, profile } = rec;
  return html`<footer>
<h2>About this report</h2>
<ul class="meta">
<li>Made by ${tool.name} ${tool.version} with knowledge base <strong>${knowledge.version}</strong> (sha256 <code>${knowledge.sha256}</code>).</li>
<li>Knowledge overlays: ${overlays.length > 0 ? overlays.map((o, i) => html`${i > 0 ? ', ' : ''}<code>${o}</code>`) : 'none'}.</li>
<li>Regenerate it: <code>${rerunCommand(knowledge, profile, tool.name, [...overlays], 'html', whyNot)}</code></li>
<li>Every rating, with its rationale and sources: <code>${tool.name} explain &lt;family&gt;</code> or <code>${tool.name} compare --sources</code>.</li>
</ul>
</footer>`;
}
