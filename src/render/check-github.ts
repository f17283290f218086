/**
 * `check --format github`: GitHub Actions workflow commands, one annotation per finding on
 * the file and line it concerns, then the totals line. (The job summary is the Markdown
 * rendering; the shell appends it to $GITHUB_STEP_SUMMARY.)
 */
import type { CheckResult } from '../check/types.js';
import { guardOutput, sanitize } from '../util/sanitize.js';
import { totalsLine } from './check-text.js';

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (file, title). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderCheckGithub(result: CheckResult, options: { file?: string } = {}): string {
  const file = escapeProperty((options.file ?? result.file).replace(/\\/g, '/').replace(/^\.\//, ''));
  const lines = result.findings.map((f) => {
    const command = f.level === 'error' || result.strict ? 'error' : 'warning';
    const title = escapeProperty(`${f.rule} (${f.useCase})`);
    return `::${command} file=${file},line=${f.line},col=${f.col},title=${title}::${escapeData(f.message)}`;
  });
  lines.push(totalsLine(result));
  // The last guard: only the annotations above may start a workflow command, and nothing the
  // stack file says may start a line of its own.
  const own = /^::(?:error|warning) file=[^\n]*$/;
  const text = lines.map((line) => (own.test(line) ? `::${guardOutput(line.slice(2))}` : guardOutput(line))).join('\n');
  return `${text}\n`;
}
