import Table from 'cli-table3';
import { checklistText } from './checklist.js';
import type { Recommendation } from '../recommend.js';
import type { Contribution, RankedFamily } from '../scoring/types.js';
import { bar, wrap, type Style } from './style.js';
import { neighbourhoodSentence, robustnessSentence } from './robustness-text.js';
import { examplesText } from './recommend-examples.js';

export interface TableOptions {
  style: Style;
  width: number;
}

const BAR_WIDTH = 8;
const MIN_WHY_WIDTH = 24;

function reasons(rec: Recommendation, family: RankedFamily, style: Style): string {
  const { criteria } = rec.knowledge;
  const short = (c: Contribution, sign: '+' | '-') => {
    const criterion = criteria[c.criterion];
    const phrase = (sign === '+' ? criterion?.high_phrase : criterion?.low_phrase) ?? c.criterion;
    return `${sign} ${phrase} (${c.criterion} ${c.rating}/5)`;
  };
  if (!family.eligible) return family.knockouts.map((k) => style.red(`✗ ${k.reason.split(':')[0]}`)).join('\n');
  const notable = family.contributions.filter((c) => c.weight >= 0.05);
  const pros = notable.filter((c) => c.rating >= 4).sort((a, b) => b.points - a.points).slice(0, 2);
  const cons = notable
    .filter((c) => c.rating <= 2)
    .sort((a, b) => b.weight * (5 - b.rating) - a.weight * (5 - a.rating))
    .slice(0, 2);
  return [...pros.map((c) => style.green(short(c, '+'))), ...cons.map((c) => style.yellow(short(c, '-')))].join('\n') || style.dim('no strong points either way');
}

function profileLine(rec: Recommendation): string {
  const p = rec.profile;
  const priorities = Object.entries(p.priorities).map(([c, l]) => `${c}=${l}`);
  return [p.modality, p.task, `${p.latency} latency`, `${p.data} data`, `${p.compute} compute`, ...(priorities.length > 0 ? [`priorities ${priorities.join(',')}`] : [])].join(' · ');
}

/** The human view: ranking with bars and reasons, robustness in a sentence, then the checklist. */
export function renderRecommendTable(rec: Recommendation, { style, width }: TableOptions): string {
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
    table.push([
      String(family.rank),
      family.eligible ? (family.rank === 1 ? style.bold(short) : short) : style.dim(short),
      family.eligible ? score : style.dim(score),
      reasons(rec, family, style),
    ]);
  }
  out.push(table.toString());
  out.push('');
  const examples = examplesText(rec, style, width);
  if (examples) out.push(examples);
  out.push(wrap(robustnessSentence(rec), width));
  if (rec.robustness.runnerUp !== null) out.push(style.dim(wrap(neighbourhoodSentence(rec), width)));
  out.push('');
  out.push(checklistText(rec.checklist, { width, color: (text, name) => style[name](text) }));
  out.push(style.dim(wrap(`knowledge ${rec.knowledge.version} (sha256 ${rec.knowledge.sha256.slice(0, 12)}) · details: --format json · a contrast: --why-not <family>`, width)));
  return `${out.join('\n').trimEnd()}\n`;
}
