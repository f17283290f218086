/**
 * `check --format text`: findings grouped per use case, one line each with a clickable
 * file:line:col, then a totals line (after conftest). Only use cases with findings are listed,
 * so a clean run of 10,000 use cases prints one line.
 */
import { combineResults } from '../check/combine.js';
import type { CheckResult, Finding } from '../check/types.js';
import { sanitize, visible } from '../util/sanitize.js';
import { hang, plain, visibleLength, type Style } from './style.js';

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 use cases checked: 2 passed, 1 failed; 4 errors, 1 warning" */
export function totalsLine(result: Pick<CheckResult, 'summary' | 'strict'>): string {
  const { summary } = result;
  const verdict = `${plural(summary.useCases, 'use case')} checked: ${summary.passed} passed, ${summary.failed} failed`;
  const notes = summary.notes ? `, ${plural(summary.notes, 'note')}` : '';
  const omitted = summary.omitted ? `; ${summary.omitted.toLocaleString('en')} more findings are counted but not listed` : '';
  return `${verdict}; ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${notes}${result.strict ? ' (--strict: warnings fail)' : ''}${omitted}`;
}

/** Findings per use case, in file order. */
export function groupByUseCase(result: CheckResult): Array<{ index: number; findings: Finding[] }> {
  const groups = new Map<number, Finding[]>();
  for (const finding of result.findings) {
    const group = groups.get(finding.index);
    if (group) group.push(finding);
    else groups.set(finding.index, [finding]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([index, findings]) => ({ index, findings }));
}

/** The verdict mark, then the totals, wrapped under themselves. */
const verdictLine = (ok: boolean, totals: string, style: Style, width: number) => hang(`${ok ? style.green('✓') : style.red('✗')} `, totals, width, '  ');

export function renderCheckText(result: CheckResult, style: Style = plain, width = 80): string {
  const lines = findingLines(result, style, width);
  lines.push(verdictLine(result.ok, totalsLine(result), style, width));
  return `${lines.join('\n')}\n`;
}

/** Several files: each file's findings (they name their file), then one totals line for all. */
export function renderCheckTexts(results: readonly CheckResult[], style: Style = plain, width = 80): string {
  const lines = results.flatMap((result) => findingLines(result, style, width));
  const all = combineResults(results);
  lines.push(verdictLine(all.ok, `${plural(all.files, 'file')}, ${totalsLine(all)}`, style, width));
  return `${lines.join('\n')}\n`;
}

/** The narrowest message column worth reading beside its location; below it, the message goes under it. */
const MIN_MESSAGE_COLUMN = 40;

function findingLines(result: CheckResult, style: Style, width: number): string[] {
  const lines: string[] = [];
  for (const { index, findings } of groupByUseCase(result)) {
    const useCase = result.useCases[index]!;
    const fails = useCase.errors > 0 || (result.strict && useCase.warnings > 0);
    const mark = fails ? style.red('✗') : useCase.warnings > 0 ? style.yellow('!') : style.cyan('i');
    lines.push(hang(`${mark} `, `${style.bold(visible(useCase.id))} ${style.dim(`(${useCase.family}, line ${useCase.line})`)}`, width, '  '));
    // file:line:col stays whole on one line, so a terminal or an editor can open it.
    const where = (f: Finding) => `${visible(f.file)}:${f.line}:${f.col}`;
    const whereWidth = Math.max(...findings.map((f) => where(f).length));
    const ruleWidth = Math.max(...findings.map((f) => f.rule.length));
    const columns = 2 + whereWidth + 2 + 7 + 2 + ruleWidth + 2;
    const beside = width - columns >= MIN_MESSAGE_COLUMN;
    for (const f of findings) {
      const level = f.level === 'error' ? style.red('error  ') : f.level === 'warning' ? style.yellow('warning') : style.cyan('info   ');
      if (beside) {
        lines.push(hang(`  ${style.dim(where(f).padEnd(whereWidth))}  ${level}  ${f.rule.padEnd(ruleWidth)}  `, sanitize(f.message), width, ' '.repeat(columns)));
        continue;
      }
      // Stacked: location, level and rule on a line (or two), the message wrapped beneath.
      const head = `  ${style.dim(where(f).padEnd(whereWidth))}  ${level}  ${f.rule}`;
      lines.push(visibleLength(head) <= width ? head : `  ${style.dim(where(f))}\n    ${level}  ${f.rule}`);
      lines.push(hang('    ', sanitize(f.message), width));
    }
    lines.push('');
  }
  return lines;
}
