/**
 * The default terminal view of `recommend`: one screen (80×40) a product lead can act on.
 * Everything else (contributions, robustness figures, notes, the full checklist) is in
 * --details (recommend-table.ts), JSON, YAML and Markdown.
 */
import { ALWAYS_APPLIES, type ChecklistEntry } from '../governance/select.js';
import type { FamilyId } from '../knowledge/types.js';
import type { Recommendation } from '../recommend.js';
import { taskChoice } from '../scoring/fit.js';
import type { RankedFamily } from '../scoring/types.js';
import { familyReasons, phrase } from './recommend-reasons.js';
import { bar, hang, visibleLength, wrap, type Style } from './style.js';
import { mainFamilyExamples } from './recommend-examples.js';
import { closestSentence, hardRequirementsText, plainReason, verdictLine } from './verdict-text.js';

export interface SummaryOptions {
  style: Style;
  width: number;
  /** The contrast asked for with --why-not, already rendered; it comes before the next steps. */
  whyNot?: string;
  /** The family that contrast is about: the next steps suggest another one. */
  contrasted?: FamilyId;
  /** False in a consultation, where the follow-up menu offers the next steps instead. */
  next?: boolean;
  /** The formats `recommend` offers, so the next steps suggest only what exists. */
  formats?: readonly string[];
}

/** How many required checklist items the summary names. */
export const KEY_ITEMS = 3;
const BAR_WIDTH = 8;

/**
 * The required items to start with. The knowledge gives items no priority, so the ones this
 * profile brings (raised to required by an answer, then those with the most answers behind
 * them) come before the duties every deployment has; the checklist's order breaks ties.
 */
export function keyItems(entries: readonly ChecklistEntry[], count = KEY_ITEMS): ChecklistEntry[] {
  const specific = (e: ChecklistEntry) => e.appliesBecause.filter((r) => r !== ALWAYS_APPLIES).length;
  return entries
    .map((entry, order) => ({ entry, order }))
    .filter(({ entry }) => entry.severity === 'required')
    .sort((a, b) => Number(b.entry.escalated) - Number(a.entry.escalated) || specific(b.entry) - specific(a.entry) || a.order - b.order)
    .slice(0, count)
    .map(({ entry }) => entry);
}

/** The reasons of one family as phrases (none has a comma), strongest first; "but" marks the first weakness. */
function reasonPhrases(rec: Recommendation, family: RankedFamily): string[] {
  const { pros, cons, variants } = familyReasons(rec, family);
  return [
    ...pros.map((c) => phrase(rec, c, '+')),
    ...variants.map((v) => `${rec.knowledge.criteria[v.criterion]?.high_phrase ?? v.criterion} with ${v.variant}`),
    ...cons.map((c, i) => `${i === 0 ? 'but ' : ''}${phrase(rec, c, '-')}`),
  ];
}

const join = (phrases: readonly string[]) => phrases.reduce((line, p) => (line === '' ? p : `${line}${p.startsWith('but ') ? '; ' : ', '}${p}`), '');

/**
 * As many whole phrases as fit in `room` columns: a reason is never cut in the middle, and
 * the first weakness is kept before a further strength, so a narrow terminal never shows a
 * family without its main drawback.
 */
function fitPhrases(phrases: readonly string[], room: number): string {
  const weakness = phrases.findIndex((p) => p.startsWith('but '));
  const strengths = weakness === -1 ? [...phrases] : phrases.slice(0, weakness);
  const rest = weakness === -1 ? [] : phrases.slice(weakness);
  const kept: string[] = [];
  for (const p of strengths) {
    // Room for this strength and, when there is one, the first weakness after it.
    if (join([...kept, p, ...rest.slice(0, 1)]).length > room && kept.length > 0) break;
    if (join([...kept, p]).length > room) break;
    kept.push(p);
  }
  for (const p of rest) {
    if (join([...kept, p]).length > room) break;
    kept.push(p);
  }
  return join(kept);
}

function familyLines(rec: Recommendation, style: Style, width: number): string[] {
  const names = rec.ranking.map((r) => rec.knowledge.families[r.family].short_name);
  const nameWidth = Math.max(...names.map((n) => n.length));
  const rankWidth = String(rec.ranking.length).length;
  const phrases = rec.ranking.map((family) => fitPhrases(reasonPhrases(rec, family), Infinity));
  const scoreWidth = Math.max(...rec.ranking.map((r) => r.score.toFixed(1).length));
  const prefixWidth = (bar: boolean) => 2 + rankWidth + 1 + nameWidth + 2 + scoreWidth + (bar ? 1 + BAR_WIDTH : 0) + 2;
  // The bar only when every family's reasons fit beside it: the reasons are what a reader needs.
  const withBar = phrases.every((p) => prefixWidth(true) + p.length <= width);
  return rec.ranking.map((family, i) => {
    const score = family.score.toFixed(1).padStart(scoreWidth) + (withBar ? ` ${bar(family.score, BAR_WIDTH)}` : '');
    const name = names[i]!.padEnd(nameWidth);
    const prefix = `  ${String(family.rank).padStart(rankWidth)} ${i === 0 ? style.bold(name) : name}  ${score}  `;
    const reasons = fitPhrases(reasonPhrases(rec, family), width - visibleLength(prefix));
    return `${prefix}${reasons}`.trimEnd();
  });
}

/**
 * One sentence naming every ruled-out family, grouped by the same plain reason: the first of
 * its reasons (the task or modality before any priority), since one is enough to rule it
 * out; --details lists them all.
 */
function ruledOutLine(rec: Recommendation): string {
  const groups = new Map<string, string[]>();
  for (const family of rec.ruledOut) {
    const reason = plainReason(rec, family.knockouts[0]!);
    groups.set(reason, [...(groups.get(reason) ?? []), rec.knowledge.families[family.family].short_name]);
  }
  return `Ruled out: ${[...groups].map(([reason, families]) => `${families.join(', ')}: ${reason}`).join('; ')}.`;
}

function examplesLine(rec: Recommendation): string | undefined {
  const winner = rec.ranking[0];
  if (!winner) return undefined;
  const models = mainFamilyExamples(rec, winner.family);
  if (models.length === 0) return undefined;
  return `Models to try for ${rec.knowledge.families[winner.family].short_name}: ${models.map((m) => m.name).join(', ')}.`;
}

function checklistLines(rec: Recommendation, style: Style, width: number): string[] {
  const entries = rec.checklist;
  const required = entries.filter((e) => e.severity === 'required').length;
  const counts = `Governance checklist: ${entries.length} ${entries.length === 1 ? 'item' : 'items'} (${required} required, ${entries.length - required} recommended).`;
  const key = keyItems(entries);
  if (key.length === 0) return [style.bold(wrap(counts, width))];
  return [style.bold(wrap(`${counts} Start with:`, width)), ...key.map((e) => hang('  • ', e.title, width))];
}

/**
 * The next steps, "  --details   what it shows"; when a column of commands and one of
 * descriptions do not fit the terminal, each description goes under its command.
 */
function nextLines(rec: Recommendation, width: number, formats: readonly string[], contrasted: FamilyId | undefined): string[] {
  // Only a family that could have come first: a ruled-out one's answer is already on screen.
  const candidates = [rec.robustness.runnerUp, ...rec.ranking.slice(1).map((r) => r.family)];
  const other = candidates.find((f): f is FamilyId => f !== null && f !== contrasted);
  const otherName = other ? rec.knowledge.families[other].short_name : '';
  const steps: Array<[string, string]> = [
    ['--details', 'every reason, score and checklist item'],
    ...(other ? ([[`--why-not ${other}`, `why ${otherName} did not come first`]] as Array<[string, string]>) : []),
    ...(formats.includes('html') ? ([['--format html --output report.html', 'a report to share']] as Array<[string, string]>) : []),
    ['--format markdown', 'a decision record to commit'],
  ];
  const commands: Array<[string, string]> = [
    ['genai-advisor checklist', 'the checklist and what to do (same flags)'],
    // With nothing eligible there is no decision to record: init would refuse.
    ...(rec.ranking.length > 0 ? ([['genai-advisor init', 'record the decision for CI (same flags)']] as Array<[string, string]>) : []),
  ];
  const all = [...steps, ...commands];
  const column = Math.max(...all.map(([c]) => c.length));
  const columns = all.every(([, what]) => 2 + column + 2 + what.length <= width);
  const line = ([command, what]: [string, string]) => (columns ? `  ${command.padEnd(column)}  ${what}` : `  ${command}\n${hang('      ', what, width)}`);
  return ['Next: add to the same command', ...steps.map(line), 'or run', ...commands.map(line)];
}

/** The one-screen view: verdict first, then the ranking, the ruled-out families, the checklist in brief and the next steps. */
export function renderRecommendSummary(rec: Recommendation, options: SummaryOptions): string {
  const { style, width } = options;
  const out: string[] = [style.bold(wrap(verdictLine(rec), width))];
  const preset = rec.profile.use_case ? rec.knowledge.use_cases[rec.profile.use_case] : undefined;
  const p = rec.profile;
  // A priority the task renames or leaves out says so, rather than seeming to count as given.
  const taskLabel = taskChoice(rec.knowledge, p.task)?.label.toLowerCase() ?? p.task;
  const priorities = Object.entries(p.priorities).map(([c, level]) => {
    if (level === 'none') return `${c} ${level}`;
    if (rec.plan.notApplicable.includes(c)) return `${c} ${level} (not used for ${taskLabel})`;
    const to = rec.plan.renamed[c];
    return to ? `${c} ${level} (counts as ${to} for ${taskLabel})` : `${c} ${level}`;
  });
  const hard = hardRequirementsText(rec);
  const profile = [p.modality, p.task, `${p.latency} latency`, `${p.data} data`, `${p.compute} compute`, ...(priorities.length > 0 ? [`priorities: ${priorities.join(', ')}`] : []), ...(hard ? [hard] : [])];
  out.push(style.dim(wrap(`${preset ? `${preset.title}: ` : ''}${profile.join(' · ')}`, width)), '');
  if (rec.ranking.length > 0) {
    out.push(style.bold('Recommended, best first (score out of 100):'), ...familyLines(rec, style, width));
  } else {
    out.push(wrap(closestSentence(rec), width));
  }
  if (rec.ruledOut.length > 0) out.push(style.red(wrap(ruledOutLine(rec), width)));
  const examples = examplesLine(rec);
  if (examples) out.push(style.dim(wrap(examples, width)));
  out.push('');
  if (options.whyNot) out.push(options.whyNot.trimEnd(), '');
  out.push(...checklistLines(rec, style, width), '');
  if (options.next !== false) out.push(...nextLines(rec, width, options.formats ?? [], options.contrasted).map((l) => style.dim(l)));
  return `${out.join('\n').trimEnd()}\n`;
}
