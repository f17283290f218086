import type { FamilyId, Knowledge } from '../knowledge/types.js';
import type { AnswerChange, KnockoutCause, WeightChange, WhyNot } from '../scoring/why-not.js';
import { hang, wrap, type Style } from './style.js';

const name = (knowledge: Knowledge, id: FamilyId) => knowledge.families[id]?.short_name ?? id;
const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '-' : '±'}${Math.abs(n).toFixed(1)}`;
const percent = (w: number) => `${Math.round(w * 100)}%`;
const weight = (w: number) => w.toFixed(2);

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function headline(w: WhyNot, k: Knowledge): string {
  const x = name(k, w.family);
  if (w.winner === null) return `${x} is ruled out, and so is every other family: nothing is eligible for this profile.`;
  const first = name(k, w.winner);
  if (w.verdict === 'winner') return `${x} is the recommendation: it ranks first with ${w.score.toFixed(1)} points.`;
  if (!w.eligible || w.rank === null) return `${x} is ruled out for this profile, so it is not ranked; ${first} ranks first with ${w.winnerScore.toFixed(1)}.`;
  return `${x} ranks ${ordinal(w.rank)} of ${w.outOf} eligible families with ${w.score.toFixed(1)} points, ${w.gap.toFixed(1)} behind ${first} (${w.winnerScore.toFixed(1)}).${losses(w)}`;
}

/** The criteria that cost the most points, so the reason is in the first sentence. */
function losses(w: WhyNot): string {
  const worst = w.differences.filter((d) => d.points <= -0.05).slice(0, 2);
  if (worst.length === 0) return '';
  return ` It loses most on ${worst.map((d) => `${d.criterion} (${signed(d.points)} points)`).join(' and ')}.`;
}

function knockoutLine(c: KnockoutCause): string {
  if (c.kind === 'modality') return `${c.reason}. That is the modality itself; no other answer changes it.`;
  if (c.kind === 'task') return `${c.reason}. That is the task itself (on this modality); no other answer changes it.`;
  // The engine's reason usually names the answer already; say it only when it does not.
  const unsaid = c.because.filter((b) => !c.reason.includes(b));
  const because = unsaid.length > 0 ? ` Set by: ${unsaid.join('; ')}.` : '';
  return `${c.reason}.${because}`;
}

function weightLine(change: WeightChange, w: WhyNot, k: Knowledge): string {
  const [lo, hi] = change.range;
  return `if ${change.criterion} weighed ${change.direction} ${weight(change.to)} (now ${weight(change.from)}), the other weights keeping their proportions: ${name(k, w.family)} leads while it stays between ${weight(lo)} and ${weight(hi)}`;
}

function answerLine(change: AnswerChange, w: WhyNot, k: Knowledge, code: (t: string) => string): string {
  const what = change.key.startsWith('priorities.') ? `${change.key.slice('priorities.'.length)} priority` : change.key.replace(/_/g, ' ');
  const from = change.from === '(not set)' ? 'not set' : change.from;
  // A lead that rounds to 0.0 is a tie for first place, and reads as one.
  const lead = change.alone ? 'the only family left' : change.margin < 0.05 ? 'tied for first place' : `${change.margin.toFixed(1)} points ahead`;
  return `if ${what} were ${change.to} (now ${from}; ${code(change.flags)}): ${name(k, w.family)} would rank first with ${change.score.toFixed(1)}, ${lead}`;
}

/** The honest "nothing would" with the reason: dominated, or someone else stronger still where it is stronger. */
function nothingLine(w: WhyNot, k: Knowledge): string {
  const x = name(k, w.family);
  const first = name(k, w.winner ?? w.family);
  const parts = [`Nothing would: no single weight or answer change puts ${x} first (the modality and task held fixed).`];
  if (w.strongerOn.length === 0) parts.push(`${x} is rated at or below ${first} on every criterion.`);
  else if (w.dominated) parts.push(`${x} is rated at or below ${first} on every criterion that carries weight.`);
  const byLeader = new Map<FamilyId, string[]>();
  for (const b of w.blockers) byLeader.set(b.leader, [...(byLeader.get(b.leader) ?? []), b.criterion]);
  for (const [leader, criteria] of byLeader) parts.push(`Where it beats ${first} (${criteria.join(', ')}), ${name(k, leader)} is rated at least as high.`);
  return parts.join(' ');
}

export interface WhyNotSections {
  headline: string;
  differences: Array<{ criterion: string; points: string; detail: string }>;
  knockouts: string[];
  changes: string[];
  nothing?: string;
}

/** The explanation as sentences, shared by the text and Markdown views so both say the same. */
export function whyNotSections(w: WhyNot, knowledge: Knowledge, code: (t: string) => string = (t) => t): WhyNotSections {
  const x = name(knowledge, w.family);
  const first = name(knowledge, w.winner ?? w.family);
  const sections: WhyNotSections = {
    headline: headline(w, knowledge),
    differences: w.differences.map((d) => ({
      criterion: d.criterion,
      points: signed(d.points),
      detail: `${x} ${d.rating}/5 vs ${first} ${d.winnerRating}/5 at ${percent(d.weight)} weight`,
    })),
    knockouts: w.knockouts.map(knockoutLine),
    changes: [...w.weightChanges.map((c) => weightLine(c, w, knowledge)), ...w.answerChanges.map((c) => answerLine(c, w, knowledge, code))],
  };
  if (w.verdict === 'unreachable') sections.nothing = nothingLine(w, knowledge);
  if (w.verdict === 'ineligible' && w.answerChanges.length === 0) {
    sections.nothing = `Nothing in the answers short of the modality or the task would make ${x} eligible and first.`;
  }
  return sections;
}

/** Terminal text: the contrast after the ranking, or on its own in the interview's follow-up. */
export function renderWhyNotText(w: WhyNot, knowledge: Knowledge, style: Style, width: number): string {
  const s = whyNotSections(w, knowledge);
  const x = name(knowledge, w.family);
  const out: string[] = [style.bold(wrap(`Why not ${x}?`, width)), wrap(s.headline, width)];
  if (w.verdict === 'winner') return `${out.join('\n')}\n`;
  if (s.differences.length > 0 && w.winner !== null) {
    out.push('', style.bold(wrap(`Points against ${name(knowledge, w.winner)}, per criterion (${x} minus ${name(knowledge, w.winner)}):`, width)));
    const pad = Math.max(...s.differences.map((d) => d.criterion.length)) + 2;
    const equal = s.differences.filter((d) => d.points === '±0.0').map((d) => d.criterion);
    for (const d of s.differences.filter((d) => d.points !== '±0.0')) {
      const points = d.points.padStart(6);
      const coloured = d.points.startsWith('-') ? style.yellow(points) : d.points.startsWith('+') ? style.green(points) : points;
      const indent = ' '.repeat(2 + pad + 6 + 2);
      const detail = wrap(d.detail, Math.max(20, width - indent.length)).split('\n');
      out.push(detail.map((line, i) => (i === 0 ? `  ${d.criterion.padEnd(pad)}${coloured}  ` : indent) + style.dim(line)).join('\n'));
    }
    if (equal.length > 0) out.push(style.dim(hang('  ', `no difference on ${equal.join(', ')}`, width)));
  }
  if (s.knockouts.length > 0) {
    out.push('', style.bold('Knocked out:'));
    for (const line of s.knockouts) out.push(style.red(hang('  ✗ ', line, width)));
  }
  out.push('', style.bold(wrap(`What would have to change for ${x} to come first:`, width)));
  for (const line of s.changes) out.push(hang('  • ', line, width));
  if (s.nothing) out.push(hang('  ', s.nothing, width));
  return `${out.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown section; `level` is the heading depth so it can sit inside a decision record. */
export function renderWhyNotMarkdown(w: WhyNot, knowledge: Knowledge, level = 2): string {
  const s = whyNotSections(w, knowledge, (t) => `\`${t}\``);
  const x = name(knowledge, w.family);
  const first = name(knowledge, w.winner ?? w.family);
  const h = '#'.repeat(level);
  const out: string[] = [`${h} Why not ${x}?`, '', s.headline, ''];
  if (w.verdict === 'winner') return `${out.join('\n').trimEnd()}\n`;
  if (w.differences.length > 0) {
    out.push(`| criterion | weight | ${cell(x)} | ${cell(first)} | points (${cell(x)} − ${cell(first)}) |`, '|---|---:|---:|---:|---:|');
    for (const d of w.differences) out.push(`| ${d.criterion} | ${percent(d.weight)} | ${d.rating}/5 | ${d.winnerRating}/5 | ${signed(d.points)} |`);
    out.push('');
  }
  if (s.knockouts.length > 0) out.push(`${h}# Knockouts`, '', ...s.knockouts.map((k) => `- ${cell(k)}`), '');
  out.push(`${h}# What would have to change`, '');
  for (const line of s.changes) out.push(`- ${line}`);
  if (s.nothing) out.push(s.nothing);
  return `${out.join('\n').trimEnd()}\n`;
}

/** The JSON/YAML form: the analysis itself plus display names, so a script needs no lookup. */
export function whyNotDocument(w: WhyNot, knowledge: Knowledge) {
  return { ...w, name: knowledge.families[w.family].name, winnerName: w.winner === null ? null : knowledge.families[w.winner].name };
}
