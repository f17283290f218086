import Table from 'cli-table3';
import { checklistText } from './checklist.js';
import { checklistScope } from '../governance/scope.js';
import type { Recommendation } from '../recommend.js';
import type { Contribution, RankedFamily } from '../scoring/types.js';
import { bar, hang, wrap, type Style } from './style.js';
import { neighbourhoodSentence, robustnessSentence } from './robustness-text.js';
import { examplesText } from './recommend-examples.js';
import { familyReasons, phrase } from './recommend-reasons.js';
import { hardRequirementsText, noneEligibleSentence, overlapLines, shortReason, taskNote } from './verdict-text.js';
import { ratedFor } from '../scoring/explain.js';

export interface TableOptions {
  style: Style;
  width: number;
  /** The contrast asked for with --why-not, already rendered; it comes before the checklist. */
  whyNot?: string;
}

const BAR_WIDTH = 8;
const MIN_WHY_WIDTH = 24;

function reasons(rec: Recommendation, family: RankedFamily, style: Style): string {
  const short = (c: Contribution, sign: '+' | '-') => `${sign} ${phrase(rec, c, sign)} (${c.criterion} ${ratedFor(c)})`;
  const { pros, cons, variants } = familyReasons(rec, family);
  const via = variants.map((v) => style.green(`+ ${v.criterion} via ${v.variant}`));
  return [...pros.map((c) => style.green(short(c, '+'))), ...via, ...cons.map((c) => style.yellow(short(c, '-')))].join('\n') || style.dim('no strong points either way');
}

/** Where each family's score comes from: the points each weighed criterion adds, largest first. */
function contributionLines(rec: Recommendation, style: Style, width: number): string[] {
  const lines = [style.bold(wrap('Score breakdown: the points each criterion adds to the score (rounded)', width))];
  for (const family of rec.ranking) {
    const parts = family.contributions
      .filter((c) => c.weight > 0)
      .sort((a, b) => b.points - a.points || (a.criterion < b.criterion ? -1 : 1))
      .map((c) => `${c.criterion} ${c.points.toFixed(1)}`);
    lines.push(hang('  ', `${rec.knowledge.families[family.family].short_name} ${family.score.toFixed(1)}: ${parts.join(', ')}`, width, '    '));
  }
  return lines;
}

function profileLine(rec: Recommendation): string {
  const p = rec.profile;
  const priorities = Object.entries(p.priorities).map(([c, l]) => `${c}=${l}`);
  const hard = hardRequirementsText(rec);
  return [p.modality, p.task, `${p.latency} latency`, `${p.data} data`, `${p.compute} compute`, ...(priorities.length > 0 ? [`priorities ${priorities.join(',')}`] : []), ...(hard ? [hard] : [])].join(' · ');
}

/**
 * The full view (--details): the eligible families ranked, the ruled-out ones apart,
 * robustness with its figures, any contrast asked for, then the whole checklist.
 */
export function renderRecommendTable(rec: Recommendation, { style, width, whyNot }: TableOptions): string {
  const out: string[] = [];
  const preset = rec.profile.use_case ? rec.knowledge.use_cases[rec.profile.use_case] : undefined;
  out.push(style.bold(preset ? `Recommendation for ${preset.title}` : 'Recommendation'));
  out.push(wrap(profileLine(rec), width));
  if (preset) out.push(style.dim(wrap(preset.rationale, width)));
  out.push('');

  // Column widths include cli-table3's one-space padding on each side; 5 border characters.
  // In a narrow terminal the bar shrinks, then goes, before the reasons get too narrow to read.
  const room = width - 5 - 4 - 16 - 7 - 1 - MIN_WHY_WIDTH;
  const barWidth = room >= 4 ? Math.min(BAR_WIDTH, room) : 0;
  const fixed = [4, 16, 7 + (barWidth > 0 ? barWidth + 1 : 0)];
  const table = new Table({
    head: ['#', 'Family', 'Score', 'Why'].map((h) => style.bold(h)),
    colWidths: [...fixed, Math.max(MIN_WHY_WIDTH, width - 5 - fixed.reduce((a, b) => a + b, 0))],
    wordWrap: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const family of rec.ranking) {
    const short = rec.knowledge.families[family.family].short_name;
    const score = family.score.toFixed(1).padStart(5) + (barWidth > 0 ? ` ${bar(family.score, barWidth)}` : '');
    table.push([String(family.rank), family.rank === 1 ? style.bold(short) : short, score, reasons(rec, family, style)]);
  }
  if (rec.ranking.length > 0) out.push(table.toString(), '', ...contributionLines(rec, style, width));
  else out.push(style.bold(wrap(noneEligibleSentence(rec), width)));
  if (rec.ruledOut.length > 0) {
    out.push('', style.bold('Ruled out (not ranked):'));
    for (const family of rec.ruledOut) {
      const short = rec.knowledge.families[family.family].short_name;
      out.push(style.red(hang('  ✗ ', `${short}: ${family.knockouts.map((k) => shortReason(k.reason)).join('; ')}`, width)));
    }
  }
  out.push('');
  const examples = examplesText(rec, style, width);
  if (examples) out.push(examples);
  const robust = robustnessSentence(rec);
  if (robust) out.push(wrap(robust, width));
  if (rec.robustness.runnerUp !== null) out.push(style.dim(wrap(neighbourhoodSentence(rec), width)));
  const note = taskNote(rec);
  for (const line of [...(note ? [`Note: ${note}`] : []), ...overlapLines(rec.overlaps)]) out.push(style.dim(wrap(line, width)));
  if (out[out.length - 1] !== '') out.push('');
  if (whyNot) out.push(whyNot.trimEnd(), '');
  out.push(checklistText(rec.checklist, { width, color: (text, name) => style[name](text), scope: checklistScope(rec) }));
  const contrast = whyNot ? '' : ' · a contrast: --why-not <family>';
  out.push(style.dim(wrap(`knowledge ${rec.knowledge.version} (sha256 ${rec.knowledge.sha256.slice(0, 12)}) · every figure: --format json${contrast}`, width)));
  return `${out.join('\n').trimEnd()}\n`;
}
