/**
 * `check --format markdown`: a pull-request comment or a GitHub job summary. Text from the
 * stack file is escaped so that it cannot break the table or inject markup.
 */
import { combineResults } from '../check/combine.js';
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
  return renderCheckMarkdownFiles([result]);
}

/** One heading and one findings table for every file; a line per file when there are several. */
export function renderCheckMarkdownFiles(results: readonly CheckResult[]): string {
  const all = combineResults(results);
  const knowledge = results[0]!.knowledge;
  const about = `Knowledge ${cell(knowledge.version)} (sha256 \`${knowledge.sha256.slice(0, 12)}\`).`;
  const lines = [`## genai-advisor check: ${all.ok ? '✅ passed' : '❌ failed'}`, ''];
  if (results.length === 1) lines.push(`\`${cell(results[0]!.file)}\`: ${totalsLine(results[0]!)}. ${about}`);
  else {
    lines.push(`${plural(all.files, 'file')}, ${totalsLine(all)}. ${about}`, '');
    for (const result of results) lines.push(`- ${result.ok ? '✅' : '❌'} \`${cell(result.file)}\`: ${totalsLine(result)}`);
  }
  if (results.some((r) => r.findings.length > 0)) {
    lines.push('', '| Use case | Level | Rule | Where | Message |', '|---|---|---|---|---|');
    for (const result of results) {
      for (const { index, findings } of groupByUseCase(result)) {
        const useCase = result.useCases[index]!;
        for (const f of findings) {
          const level = f.level === 'error' ? '❌ error' : f.level === 'warning' ? '⚠️ warning' : 'ℹ️ info';
          lines.push(`| ${cell(useCase.id)} (${useCase.family}) | ${level} | \`${f.rule}\` | ${cell(`${f.file}:${f.line}:${f.col}`)} | ${cell(f.message)} |`);
        }
      }
    }
  }
  const clean = results.reduce((n, r) => n + r.useCases.filter((u) => u.errors === 0 && u.warnings === 0).length, 0);
  if (clean > 0) lines.push('', `${plural(clean, 'use case')} without findings.`);
  return `${lines.join('\n')}\n`;
}
