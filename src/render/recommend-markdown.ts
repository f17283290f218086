import { checklistMarkdown } from './checklist.js';
import { checklistScope } from '../governance/scope.js';
import type { Knowledge, Profile } from '../knowledge/types.js';
import { flagName } from '../profile/table.js';
import type { Recommendation } from '../recommend.js';
import type { Contribution } from '../scoring/types.js';
import type { WhyNot } from '../scoring/why-not.js';
import { nearestFlip, neighbourhoodSentence, robustnessSentence } from './robustness-text.js';
import { renderWhyNotMarkdown } from './why-not.js';
import { examplesMarkdown } from './recommend-examples.js';
import { noneEligibleSentence, overlapLines, taskNote } from './verdict-text.js';
import type { ExplainedFamily } from '../scoring/types.js';
import { shellCommand } from '../util/shell.js';

export interface DecisionRecordOptions {
  /** Adds a "Why not X?" section. */
  whyNot?: WhyNot;
  /** Who made it, for the record's front matter. */
  tool?: { name: string; version: string };
  /** Overlay files merged over the built-in knowledge, named so a reader can rerun. */
  overlays?: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const percent = (w: number) => `${Math.round(w * 100)}%`;

/** The answer as the question table words it: the choice's label, yes/no, or the priority list. */
export function answerText(knowledge: Knowledge, key: string, value: unknown, code: (t: string) => string = (t) => `\`${t}\``): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map((v) => answerText(knowledge, key, v, code)).join(', ') || 'none';
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([c, l]) => `${c}=${String(l)}`).join(', ') || 'none set';
  const choice = knowledge.questions.find((q) => q.key === key)?.choices?.find((c) => c.value === value);
  return choice ? `${choice.label} (${code(String(value))})` : String(value);
}

/** The flags that reproduce this exact profile, so the record can be regenerated and checked. */
export function rerunCommand(knowledge: Knowledge, profile: Profile, tool: string, overlays: string[] = [], format = 'markdown', whyNot?: string): string {
  const args: string[] = [tool];
  const answers = profile as unknown as Record<string, unknown>;
  for (const question of knowledge.questions) {
    const value = answers[question.key];
    if (value === undefined) continue;
    const flag = flagName(question);
    if (question.kind === 'boolean') args.push(value ? `--${flag}` : `--no-${flag}`);
    else if (question.kind === 'priorities') {
      const list = Object.entries(value as Record<string, string>).map(([c, l]) => `${c}=${l}`);
      if (list.length > 0) args.push(`--${flag}`, list.join(','));
    } else if (Array.isArray(value)) {
      if (value.length > 0) args.push(`--${flag}`, value.join(','));
    } else args.push(`--${flag}`, String(value));
  }
  for (const file of overlays) args.push('--knowledge', file);
  if (whyNot) args.push('--why-not', whyNot);
  args.push('--no-input', '--format', format);
  return shellCommand(args);
}

/** One MADR argument per weighted criterion: good at 4-5, neutral at 3, bad at 1-2, with the points. */
function argument(knowledge: Knowledge, c: Contribution): string {
  const criterion = knowledge.criteria[c.criterion];
  const label = criterion?.label.toLowerCase() ?? c.criterion;
  const facts = `${label} ${c.rating}/5 at ${percent(c.weight)} weight, ${c.points.toFixed(1)} of ${(c.weight * 100).toFixed(1)} points`;
  if (c.rating >= 4) return `Good, because ${criterion?.high_phrase ?? label} (${facts})`;
  if (c.rating <= 2) return `Bad, because ${criterion?.low_phrase ?? label} (${facts})`;
  return `Neutral, because ${label} is middling (${facts})`;
}

function prosAndCons(knowledge: Knowledge, family: ExplainedFamily): string[] {
  const lines = family.knockouts.map((k) => `- Bad, because it is ruled out: ${cell(k.reason)}`);
  for (const v of family.variants) lines.push(`- Good, because ${v.criterion} ${v.rating}/5 is met through ${v.variant}: ${cell(v.note)}`);
  const weighted = family.contributions.filter((c) => c.weight > 0).sort((a, b) => b.weight - a.weight || a.criterion.localeCompare(b.criterion));
  for (const c of weighted) lines.push(`- ${argument(knowledge, c)}`);
  return lines;
}

/** "Customer-support chatbot: use Transformer": the subject and the outcome, as a heading. */
/**
 * The file name a report is saved under by default, one a person would keep: what it is for
 * and the day it was made, `genai-advisor-code-assistant-2026-12-04.html`. Without a preset,
 * the modality and task stand for the use case.
 */
export function reportFileName(rec: Recommendation, extension: string): string {
  const subject = rec.profile.use_case ?? `${rec.profile.modality}-${rec.profile.task}`;
  // Ids are lowercase words and dashes already; anything else (an overlay's id) is made so.
  const safe = subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'report';
  return `genai-advisor-${safe}-${rec.today}.${extension}`;
}

/** What the decision is about: the preset's title, or the modality and task. */
export function decisionSubject(rec: Recommendation): string {
  const { knowledge, profile } = rec;
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  const label = (key: string, value: string) => knowledge.questions.find((q) => q.key === key)?.choices?.find((c) => c.value === value)?.label ?? value;
  return preset ? preset.title : `${label('modality', profile.modality)} · ${label('task', profile.task)}`;
}

export function decisionTitle(rec: Recommendation): string {
  const winner = rec.ranking[0];
  const subject = decisionSubject(rec);
  return winner ? `${subject}: use ${winner.name}` : `${subject}: no eligible model family`;
}

function robustnessSection(rec: Recommendation): string[] {
  const { robustness, knowledge } = rec;
  const out = ['### Robustness', '', robustnessSentence(rec), ''];
  const t = robustness.thresholds;
  out.push(
    `- Label: **${robustness.label}**. Declared thresholds: a tie below a margin of ${t.tieMargin} point${t.tieMargin === 1 ? '' : 's'}; ` +
      `stable needs a margin of at least ${t.stableMargin} points and the winner first in at least ${Math.round(t.stableShare * 100)}% of nearby weightings; fragile otherwise.`,
  );
  out.push(`- Margin over the runner-up: ${robustness.margin.toFixed(1)} points.`);
  out.push(`- Share of nearby weightings in which the winner stays first: ${(robustness.winnerShare * 100).toFixed(1)}%.`);
  out.push(`- ${neighbourhoodSentence(rec)}`, '');
  if (robustness.flips.length > 0) {
    out.push('Single weights that would change the winner (the other weights keeping their proportions):', '');
    out.push('| criterion | weight now | winner changes | new winner |', '|---|---:|---|---|');
    const nearest = nearestFlip(robustness);
    for (const f of robustness.flips) {
      const mark = f === nearest ? ' (nearest)' : '';
      out.push(`| ${f.criterion} | ${f.from.toFixed(2)} | ${f.direction} ${f.weight.toFixed(2)}${mark} | ${knowledge.families[f.newWinner].name} |`);
    }
    out.push('');
  }
  return out;
}

/** Sources behind the numbers that decided: ratings of weighted criteria, the task fits, the preset. */
function sourceKeys(rec: Recommendation): string[] {
  const { knowledge, profile, plan } = rec;
  const keys = new Set<string>();
  for (const family of Object.values(knowledge.families)) {
    for (const [criterion, rating] of Object.entries(family.ratings)) if ((plan.weights[criterion] ?? 0) > 0) rating.sources?.forEach((s) => keys.add(s));
  }
  for (const r of [...rec.ranking, ...rec.ruledOut]) r.fit.sources.forEach((s) => keys.add(s));
  for (const o of rec.overlaps) o.sources.forEach((s) => keys.add(s));
  if (profile.use_case) knowledge.use_cases[profile.use_case]?.sources.forEach((s) => keys.add(s));
  return [...keys].sort();
}

/**
 * A decision record in the shape of MADR 4 (context, drivers, options, outcome, pros and cons,
 * more information), with the robustness analysis and the governance checklist as boxes, ready
 * to commit as an ADR. Deterministic: no dates, so the same input gives the same file.
 */
export function renderRecommendMarkdown(rec: Recommendation, options: DecisionRecordOptions = {}): string {
  const { knowledge, profile, ranking, plan, robustness } = rec;
  const winner = ranking[0];
  const tool = options.tool?.name ?? 'genai-advisor';
  const preset = profile.use_case ? knowledge.use_cases[profile.use_case] : undefined;
  const out: string[] = ['---', 'status: proposed', `generated-by: ${tool}${options.tool ? ` ${options.tool.version}` : ''} (knowledge ${knowledge.version})`, '---', ''];
  out.push(`# ${decisionTitle(rec)}`, '');

  out.push('## Context and Problem Statement', '');
  out.push(`Which generative model family should we build on? The use case, as answered:`, '');
  if (preset) out.push(`Starting point: the **${preset.title}** preset. ${preset.description} ${preset.rationale}`, '');
  out.push('| question | answer |', '|---|---|');
  const answers = profile as unknown as Record<string, unknown>;
  for (const question of knowledge.questions) {
    if (question.kind === 'preset' || answers[question.key] === undefined) continue;
    out.push(`| ${cell(question.prompt)} | ${cell(answerText(knowledge, question.key, answers[question.key]))} |`);
  }

  out.push('', '## Decision Drivers', '');
  const drivers = Object.entries(plan.weights).filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [criterion, weight] of drivers) {
    const c = knowledge.criteria[criterion];
    out.push(`- **${c?.label ?? criterion}** (\`${criterion}\`): ${percent(weight)} of the weight. ${cell(c?.description ?? '')}`.trimEnd());
  }
  for (const r of plan.requirements) out.push(`- ${r.hard ? 'Hard requirement (yours)' : 'Requirement'}: ${r.criterion} rated at least ${r.min}/5, because ${r.because}.`);
  out.push(`- Eligibility: a family whose fit for ${profile.task} on ${profile.modality} is below ${knowledge.modality_fit.knockout_below}/5 is not a practical choice.`);
  if (plan.notApplicable.length > 0) out.push(`- Not applicable to ${profile.task}: ${plan.notApplicable.join(', ')} (weight zero whatever the answers say).`);
  for (const [from, to] of Object.entries(plan.renamed)) out.push(`- For ${profile.task}, \`${from}\` is judged as \`${to}\`: its weight and requirements count there.`);

  out.push('', '## Considered Options', '');
  for (const r of ranking) out.push(`${r.rank}. ${r.name} (\`${r.family}\`): ${r.score.toFixed(1)} of 100${r.rank === 1 ? ', chosen' : ''}`);
  if (rec.ruledOut.length > 0) {
    out.push('', 'Ruled out, not ranked:', '');
    for (const r of rec.ruledOut) out.push(`- ${r.name} (\`${r.family}\`): ${cell(r.knockouts.map((k) => k.reason).join('; '))}`);
  }

  out.push('', '## Decision Outcome', '');
  if (!winner) {
    out.push(`No option is chosen. ${noneEligibleSentence(rec)}`, '');
  } else {
    const runnerUp = robustness.runnerUp ? ranking.find((r) => r.family === robustness.runnerUp) : undefined;
    const because = runnerUp
      ? `it scores ${winner.score.toFixed(1)} of 100 on the drivers above, ${robustness.margin.toFixed(1)} points ahead of ${runnerUp.name}`
      : `it is the only eligible family (score ${winner.score.toFixed(1)} of 100)`;
    out.push(`Chosen option: "${winner.name}", because ${because}.`, '');
    out.push('### Consequences', '');
    for (const s of winner.strengths) out.push(`- Good, because ${cell(s)}`);
    for (const c of winner.caveats) out.push(`- Bad, because ${cell(c)}`);
    if (winner.strengths.length + winner.caveats.length === 0) out.push('- Neutral, because no criterion stands out either way');
    out.push('');
    out.push(...robustnessSection(rec));
    out.push(...examplesMarkdown(rec));
  }
  const note = taskNote(rec);
  const notes = [...(note ? [`Note: ${note}`] : []), ...overlapLines(rec.overlaps)];
  if (notes.length > 0) out.push(...notes.map((n) => `> ${cell(n)}`), '');
  out.push('### Confirmation', '');
  out.push('The decision is carried out when every required item of this checklist is done, with its evidence linked here.', '');
  // Nested one level deeper than the checklist renders on its own.
  out.push(...checklistMarkdown(rec.checklist, checklistScope(rec)).trimEnd().split('\n').map((line) => (line.startsWith('#') ? `#${line}` : line)), '');

  out.push('## Pros and Cons of the Options', '');
  for (const r of ranking) {
    out.push(`### ${r.name}`, '', `Score ${r.score.toFixed(1)} of 100; rank ${r.rank}.`, '');
    out.push(...prosAndCons(knowledge, r), '');
  }
  for (const r of rec.ruledOut) {
    out.push(`### ${r.name}`, '', `Ruled out, not ranked (score ${r.score.toFixed(1)} of 100 before the knockout).`, '');
    out.push(...prosAndCons(knowledge, r), '');
  }

  if (options.whyNot) out.push(renderWhyNotMarkdown(options.whyNot, knowledge, 2).trimEnd(), '');

  out.push('## More Information', '');
  const overlays = options.overlays?.length ? ` with overlays ${options.overlays.map((o) => `\`${o}\``).join(', ')}` : '';
  out.push(`- Knowledge base ${knowledge.version}, sha256 \`${knowledge.sha256}\`${overlays}.`);
  out.push(`- Regenerate: \`${rerunCommand(knowledge, profile, tool, options.overlays, 'markdown', options.whyNot?.family)}\``);
  out.push('- Every rating, with its rationale and sources: `genai-advisor explain <family>` or `genai-advisor compare --sources`.', '');
  const keys = sourceKeys(rec);
  if (keys.length > 0) {
    out.push('Sources behind the ratings that carried weight here:', '');
    for (const key of keys) out.push(`- [${key}] ${cell(knowledge.sources[key]?.citation ?? key)}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
