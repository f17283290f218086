/**
 * `recommend --format html`: a decision report to share or print. One self-contained page:
 * inline CSS and SVG, no script, nothing fetched. Pure: the recommendation in, the page out;
 * every number is the engine's own (the same the JSON shows), every text escaped.
 */
import type { FamilyId } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import type { RankedFamily } from '../scoring/types.js';
import type { WhyNot } from '../scoring/why-not.js';
import type { ToolInfo } from '../tool.js';
import { compareIds } from '../util/compare-ids.js';
import { checklistSection } from './html/checklist.js';
import { examplesSection } from './html/examples.js';
import { legend, seriesFor, stackedBarChart, type Series } from './html/chart.js';
import { REPORT_CSS } from './html/css.js';
import { html, Markup } from './html/escape.js';
import { profileSection, provenanceSection } from './html/profile.js';
import { decisionSubject, decisionTitle } from './recommend-markdown.js';
import { nearestFlip, neighbourhoodSentence, robustnessSentence } from './robustness-text.js';
import { CERTAINTY_HEADINGS, certainty, hardRequirementsText, noneEligibleSentence, overlapLines, taskNote } from './verdict-text.js';
import { whyNotSections } from './why-not.js';
import { checklistScope } from '../governance/scope.js';

export interface HtmlReportOptions {
  tool: ToolInfo;
  overlays?: readonly string[];
  whyNot?: WhyNot;
}

const percent = (w: number) => `${Math.round(w * 100)}%`;
/** 99.9% must not read as 100%, as in the robustness sentence. */
const share = (s: number) => (s < 1 && s >= 0.995 ? `${(s * 100).toFixed(1)}%` : percent(s));

function verdictCard(rec: Recommendation): Markup {
  const winner = rec.ranking[0];
  const hard = hardRequirementsText(rec);
  // The user's musts are part of the verdict: they decide who could be considered at all.
  const musts = hard ? html`<p class="hard">${hard.charAt(0).toUpperCase()}${hard.slice(1)}.</p>` : '';
  if (!winner) {
    return html`<section class="card verdict" aria-label="Verdict"><p class="headline">No model family fits this profile</p><p>${noneEligibleSentence(rec)}</p>${musts}</section>`;
  }
  const sure = CERTAINTY_HEADINGS[certainty(rec)];
  return html`<section class="card verdict" aria-label="Verdict" data-family="${winner.family}">
<p class="headline">Use ${winner.name}</p>
<p><strong>${winner.score.toFixed(1)}</strong> of 100 · <span class="sure">${sure}</span></p>
<p>${robustnessSentence(rec)}</p>
${musts}
</section>`;
}

/** The criteria that carry weight, heaviest first: the order of every bar's segments and of the legend. */
function chartSeries(rec: Recommendation): Series[] {
  const weighted = Object.entries(rec.plan.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]));
  return seriesFor(weighted.map(([criterion]) => ({ criterion, label: rec.knowledge.criteria[criterion]?.label ?? criterion })));
}

function segmentTitle(rec: Recommendation, family: RankedFamily, criterion: string): { points: number; title: string } {
  const c = family.contributions.find((x) => x.criterion === criterion);
  const label = rec.knowledge.criteria[criterion]?.label ?? criterion;
  if (!c) return { points: 0, title: label };
  return { points: c.points, title: `${label}: ${c.points.toFixed(1)} points (rated ${c.rating}/5, ${percent(c.weight)} of the weight)` };
}

function chartSection(rec: Recommendation): Markup {
  const { ranking, knowledge, plan } = rec;
  if (ranking.length === 0) return html``;
  const series = chartSeries(rec);
  const name = (id: FamilyId) => knowledge.families[id]?.short_name ?? id;
  const bars = ranking.map((r) => ({
    id: r.family,
    label: name(r.family),
    score: r.score,
    segments: series.map((s) => ({ criterion: s.criterion, ...segmentTitle(rec, r, s.criterion) })),
  }));
  const description = `Score out of 100 of each recommended family, split by criterion: ${ranking.map((r) => `${name(r.family)} ${r.score.toFixed(1)}`).join(', ')}.`;
  const numbers = html`<table class="numbers"><caption class="note">The chart's numbers: points per criterion (rating out of 5).</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Weight</th>${ranking.map((r) => html`<th scope="col" class="num">${name(r.family)}</th>`)}</tr></thead>
<tbody>${series.map(
    (s) => html`<tr><th scope="row">${s.label}</th><td class="num">${percent(plan.weights[s.criterion] ?? 0)}</td>${ranking.map((r) => {
      const c = r.contributions.find((x) => x.criterion === s.criterion);
      return html`<td class="num">${c ? `${c.points.toFixed(1)} (${c.rating}/5)` : '–'}</td>`;
    })}</tr>`,
  )}
<tr><th scope="row">Score</th><td class="num">100%</td>${ranking.map((r) => html`<td class="num"><strong>${r.score.toFixed(1)}</strong></td>`)}</tr></tbody></table>`;
  return html`<h2>How the scores add up</h2>
<figure>
${stackedBarChart(bars, series, { title: 'Score of each recommended family, by criterion', description })}
<figcaption>${legend(series, (s) => ` (${percent(plan.weights[s.criterion] ?? 0)} of the weight)`)}</figcaption>
</figure>
${numbers}`;
}

function ruledOutSection(rec: Recommendation): Markup {
  if (rec.ruledOut.length === 0) return html``;
  const items = rec.ruledOut.map(
    (r) => html`<li data-family="${r.family}"><strong>${r.name}</strong>: ${r.knockouts.map((k) => k.reason).join('; ')}.</li>`,
  );
  return html`<h2>Ruled out</h2><p>These families cannot serve this profile, so they are not ranked:</p><ul class="out">${items}</ul>`;
}

function robustnessSection(rec: Recommendation): Markup {
  const { robustness, knowledge } = rec;
  if (rec.ranking.length === 0) return html``;
  const label = (c: string) => knowledge.criteria[c]?.label ?? c;
  const nearest = nearestFlip(robustness);
  const flips =
    robustness.flips.length === 0
      ? html`<p>No single criterion's weight, moved on its own, would change the winner.</p>`
      : html`<p>The winner changes if one criterion weighs more or less than now (the others keeping their proportions):</p>
<table class="flips"><thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Weight now</th><th scope="col">Winner changes</th><th scope="col">New winner</th></tr></thead>
<tbody>${robustness.flips.map(
          (f) => html`<tr data-criterion="${f.criterion}"><th scope="row">${label(f.criterion)}</th><td class="num">${percent(f.from)}</td><td>${f.direction} ${percent(f.weight)}${f === nearest ? ' (nearest)' : ''}</td><td>${knowledge.families[f.newWinner]?.name ?? f.newWinner}</td></tr>`,
        )}</tbody></table>`;
  const t = robustness.thresholds;
  const method =
    robustness.runnerUp === null
      ? ''
      : html`<p class="note">How this is measured: ${neighbourhoodSentence(rec)} A lead under ${t.tieMargin} point is a tie; a clear choice needs ${t.stableMargin} points and first place in ${percent(t.stableShare)} of nearby weightings.</p>`;
  const facts =
    robustness.runnerUp === null
      ? html`<p>${robustnessSentence(rec)}</p>`
      : html`<dl class="facts">
<dt>In a word</dt><dd>${CERTAINTY_HEADINGS[certainty(rec)]}</dd>
<dt>Lead over ${knowledge.families[robustness.runnerUp]?.name ?? robustness.runnerUp}</dt><dd>${robustness.margin.toFixed(1)} points</dd>
<dt>Still first when the weights move a little</dt><dd>in ${share(robustness.winnerShare)} of tries</dd>
</dl>`;
  return html`<h2>How sure is this?</h2>${facts}${flips}${method}`;
}

function whyNotSection(rec: Recommendation, w: WhyNot | undefined): Markup {
  if (!w) return html``;
  const s = whyNotSections(w, rec.knowledge);
  const x = rec.knowledge.families[w.family]?.short_name ?? w.family;
  const differences = s.differences.filter((d) => d.points !== '±0.0');
  return html`<h2>Why not ${x}?</h2><p>${s.headline}</p>
${differences.length > 0 ? html`<table><tbody>${differences.map((d) => html`<tr><th scope="row">${rec.knowledge.criteria[d.criterion]?.label ?? d.criterion}</th><td class="num">${d.points}</td><td>${d.detail}</td></tr>`)}</tbody></table>` : ''}
${s.knockouts.length > 0 ? html`<ul class="out">${s.knockouts.map((k) => html`<li>${k}</li>`)}</ul>` : ''}
${w.verdict === 'winner' ? '' : html`<p>What would have to change for ${x} to come first:</p><ul>${s.changes.map((c) => html`<li>${c}</li>`)}</ul>`}
${s.nothing ? html`<p>${s.nothing}</p>` : ''}`;
}

function notesSection(rec: Recommendation): Markup {
  const note = taskNote(rec);
  const notes = [...(note ? [`Note: ${note}`] : []), ...overlapLines(rec.overlaps)];
  return notes.length === 0 ? html`` : html`<h2>Good to know</h2>${notes.map((n) => html`<p class="note">${n}</p>`)}`;
}

export function renderRecommendHtml(rec: Recommendation, options: HtmlReportOptions): string {
  const title = decisionTitle(rec);
  const overlays = options.overlays ?? [];
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="${options.tool.name} ${options.tool.version}">
<title>${title}</title>
<style>${new Markup(REPORT_CSS)}</style>
</head>
<body>
<header><h1>${title}</h1><p class="meta">Use case: <strong>${decisionSubject(rec)}</strong> · made on <time datetime="${rec.today}">${rec.today}</time> · ${options.tool.name} ${options.tool.version} · knowledge base ${rec.knowledge.version}</p></header>
<main>
${verdictCard(rec)}
${chartSection(rec)}
${ruledOutSection(rec)}
${robustnessSection(rec)}
${whyNotSection(rec, options.whyNot)}
${examplesSection(rec)}
${notesSection(rec)}
${checklistSection(rec.checklist, checklistScope(rec))}
${profileSection(rec)}
</main>
${provenanceSection(rec, options.tool, overlays, options.whyNot?.family)}
</body>
</html>
`;
  return page.text;
}
