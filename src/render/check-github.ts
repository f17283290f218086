/**
 * `check --format github`: GitHub Actions workflow commands, then the totals line. (The job
 * summary is the Markdown rendering; the shell appends it to $GITHUB_STEP_SUMMARY.)
 *
 * GitHub shows at most 10 annotations per step of each level and drops the rest, and a
 * fresh stack file can have dozens of open items. So findings of one rule on one use case share
 * one annotation (on the first finding's line, listing them all), and past the limit a last
 * annotation per level summarises the groups left out.
 */
import { combineResults, type CheckedFile } from '../check/combine.js';
import type { CheckResult, Finding } from '../check/types.js';
import { guardOutput, sanitize } from '../util/sanitize.js';
import { plural, totalsLine } from './check-text.js';

/** Annotations GitHub shows per step, for each of the error and warning levels. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** Findings listed in one grouped annotation before "… and N more". */
const LISTED_PER_GROUP = 25;

/** Escapes a workflow command's message. */
export function escapeData(text: string): string {
  return sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (file, title). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** info findings (never failing a check) are notices. */
type Command = 'error' | 'warning' | 'notice';

interface Group {
  command: Command;
  /** The stack file's path, escaped as a command property. */
  file: string;
  findings: Finding[];
}

/** Findings grouped by level, use case and rule, in the order each group first appears. */
function groups(result: CheckResult, file: string): Group[] {
  const byKey = new Map<string, Group>();
  for (const f of result.findings) {
    const command: Command = f.level === 'info' ? 'notice' : f.level === 'error' || result.strict ? 'error' : 'warning';
    const key = `${command}\u0000${f.index}\u0000${f.rule}`;
    const group = byKey.get(key);
    if (group) group.findings.push(f);
    else byKey.set(key, { command, file, findings: [f] });
  }
  return [...byKey.values()];
}

function annotation(group: Group): string {
  const [first] = group.findings as [Finding, ...Finding[]];
  const count = group.findings.length;
  const title = escapeProperty(`${first.rule} (${first.useCase})${count > 1 ? `: ${count} findings` : ''}`);
  let message = first.message;
  if (count > 1) {
    const oneLine = group.findings.every((f) => f.line === first.line);
    const listed = group.findings.slice(0, LISTED_PER_GROUP).map((f) => `- ${f.message}${oneLine ? '' : ` (line ${f.line})`}`);
    if (count > LISTED_PER_GROUP) listed.push(`… and ${count - LISTED_PER_GROUP} more`);
    message = listed.join('\n');
  }
  return `::${group.command} file=${group.file},line=${first.line},col=${first.col},title=${title}::${escapeData(message)}`;
}

/** The annotation that stands for the groups past the limit. */
function overflow(file: string, command: Command, rest: Group[]): string {
  const findings = rest.reduce((n, g) => n + g.findings.length, 0);
  const names = rest.map((g) => `${g.findings[0]!.rule} (${g.findings[0]!.useCase})${g.findings.length > 1 ? ` x${g.findings.length}` : ''}`);
  const title = escapeProperty(`${rest.length} more ${command} groups`);
  const message = `${findings} more ${command === 'error' ? 'errors' : command === 'warning' ? 'warnings' : 'notes'} not annotated, to stay within GitHub's ${ANNOTATIONS_PER_LEVEL} annotations per step: ${names.join(', ')}. The job summary and --format text list every finding.`;
  return `::${command} file=${file},title=${title}::${escapeData(message)}`;
}

export function renderCheckGithub(result: CheckResult, options: { file?: string } = {}): string {
  const lines = annotations([{ result, path: options.file ?? result.file }]);
  lines.push(totalsLine(result));
  return guarded(lines);
}

/**
 * The last guard: only our own annotations may start a workflow command, and nothing a stack
 * file says may start a line of its own.
 */
function guarded(lines: readonly string[]): string {
  const own = /^::(?:error|warning|notice) file=[^\n]*$/;
  return `${lines.map((line) => (own.test(line) ? `::${guardOutput(line.slice(2))}` : guardOutput(line))).join('\n')}\n`;
}

/** Several files: their annotations, within one step's limits, then one totals line for all. */
export function renderCheckGithubFiles(files: readonly CheckedFile[]): string {
  const lines = annotations(files);
  const all = combineResults(files.map((f) => f.result));
  lines.push(`${plural(all.files, 'file')}, ${totalsLine(all)}`);
  return guarded(lines);
}

/** Grouped annotations of every file, at most ANNOTATIONS_PER_LEVEL per level in all. */
function annotations(files: ReadonlyArray<{ result: CheckResult; path: string }>): string[] {
  const all = files.flatMap(({ result, path }) => groups(result, escapeProperty(path.replace(/\\/g, '/').replace(/^\.\//, ''))));
  const lines: string[] = [];
  for (const command of ['error', 'warning', 'notice'] as const) {
    const mine = all.filter((g) => g.command === command);
    const shown = mine.length > ANNOTATIONS_PER_LEVEL ? mine.slice(0, ANNOTATIONS_PER_LEVEL - 1) : mine;
    for (const group of shown) lines.push(annotation(group));
    if (shown.length < mine.length) lines.push(overflow(mine[0]!.file, command, mine.slice(shown.length)));
  }
  return lines;
}
