/**
 * `check --format github`: GitHub Actions workflow commands, one annotation per finding on
 * the file and line it concerns, then the totals line. (The job summary is the Markdown
 * rendering; the shell appends it to $GITHUB_STEP_SUMMARY.)
 */
import { combineResults, type CheckedFile } from '../check/combine.js';
import type { CheckResult } from '../check/types.js';
import { sanitize } from '../util/sanitize.js';
import { plural, totalsLine } from './check-text.js';

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (file, title). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderCheckGithub(result: CheckResult, options: { file?: string } = {}): string {
  const lines = annotations(result, options.file ?? result.file);
  lines.push(totalsLine(result));
  return `${lines.join('\n')}\n`;
}

/** Several files: every file's annotations, then one totals line for all. */
export function renderCheckGithubFiles(files: readonly CheckedFile[]): string {
  const lines = files.flatMap(({ result, path }) => annotations(result, path));
  const all = combineResults(files.map((f) => f.result));
  lines.push(`${plural(all.files, 'file')}, ${totalsLine(all)}`);
  return `${lines.join('\n')}\n`;
}

function annotations(result: CheckResult, path: string): string[] {
  const file = escapeProperty(path.replace(/\\/g, '/').replace(/^\.\//, ''));
  return result.findings.map((f) => {
    const command = f.level === 'info' ? 'notice' : f.level === 'error' || result.strict ? 'error' : 'warning';
    const title = escapeProperty(`${f.rule} (${f.useCase})`);
    return `::${command} file=${file},line=${f.line},col=${f.col},title=${title}::${escapeData(f.message)}`;
  });
}
