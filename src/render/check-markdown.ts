/**
 * `check --format markdown`: a pull-request comment or a GitHub job summary. Text from the
 * stack file is escaped so that it cannot break the table or inject markup.
 */
import type { CheckResult } from '../check/types.js';
import { sanitize } from '../util/sanitize.js';
import { groupByUseCase, plural, totalsLine } from './check-text.js';

/** Escapes Markdown and inline HTML in one table cell. */
export function cell(text: string): string {
  return sanitize(text)
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#])/g, '\\$1');
}

export function renderCheckMarkdown(result: CheckResult): string {
  const status = result.ok ? '✅ passed' : '❌ failed';
  const lines = [
    `## genai-advisor check: ${status}`,
    '',
    `\`${cell(result.file)}\`: ${totalsLine(result)}. Knowledge ${cell(result.knowledge.version)} (sha256 \`${result.knowledge.sha256.slice(0, 12)}\`).`,
  ];
  if (result.findings.length > 0) {
    lines.push('', '| Use case | Level | Rule | Where | Message |', '|---|---|---|---|---|');
    for (const { index, findings } of groupByUseCase(result)) {
      const useCase = result.useCases[index]!;
      for (const f of findings) {
        const level = f.level === 'error' ? '❌ error' : f.level === 'warning' ? '⚠️ warning' : 'ℹ️ info';
        lines.push(`| ${cell(useCase.id)} (${useCase.family}) | ${level} | \`${f.rule}\` | ${cell(`${f.file}:${f.line}:${f.col}`)} | ${cell(f.message)} |`);
      }
    }
  }
  const clean = result.useCases.filter((u) => u.errors === 0 && u.warnings === 0).length;
  if (clean > 0) lines.push('', `${plural(clean, 'use case')} without findings.`);
  return `${lines.join('\n')}\n`;
}
