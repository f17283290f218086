/**
 * `check --format junit`: one <testsuite> per use case and one <testcase> per rule, so CI
 * dashboards (GitLab, Jenkins) count passing rules too. Findings that fail the check become
 * <failure>s; warnings that do not (without --strict) go to <system-out>.
 */
import type { CheckResult, Finding } from '../check/types.js';
import { RULES } from '../check/rules.js';
import { xmlEscape } from '../util/sanitize.js';

/** Escapes text for XML 1.0 element content: values kept exact where XML can hold them (util/sanitize.ts). */
export function xmlText(text: string): string {
  return xmlEscape(text);
}

/** Escapes text for a double-quoted XML attribute (a raw newline there would become a space). */
export function xml(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const where = (f: Finding) => `${f.file}:${f.line}:${f.col}`;

export function renderCheckJunit(result: CheckResult): string {
  const { suites, tests, failures } = junitSuites(result, (id) => id);
  const head = `<testsuites name="genai-advisor check ${xml(result.file)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}

/** Several files: one <testsuites>, a suite per use case named "file: use case" to stay unique. */
export function renderCheckJunits(results: readonly CheckResult[]): string {
  const parts = results.map((result) => junitSuites(result, (id) => `${result.file}: ${id}`));
  const suites = parts.flatMap((p) => p.suites);
  const tests = parts.reduce((n, p) => n + p.tests, 0);
  const failures = parts.reduce((n, p) => n + p.failures, 0);
  const head = `<testsuites name="genai-advisor check (${results.length} files)" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}

function junitSuites(result: CheckResult, suiteName: (id: string) => string): { suites: string[]; tests: number; failures: number } {
  // Info findings never fail, not even with --strict.
  const fails = (f: Finding) => f.level === 'error' || (result.strict && f.level === 'warning');
  const byUseCase = new Map<number, Finding[]>();
  for (const f of result.findings) {
    const list = byUseCase.get(f.index);
    if (list) list.push(f);
    else byUseCase.set(f.index, [f]);
  }

  const suites: string[] = [];
  let failures = 0;
  for (const useCase of result.useCases) {
    const findings = byUseCase.get(useCase.index) ?? [];
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const rule of RULES) {
      const own = findings.filter((f) => f.rule === rule.id);
      const failing = own.filter(fails);
      const passing = own.filter((f) => !fails(f));
      const attributes = `name="${xml(rule.id)}" classname="${xml(useCase.id)}" file="${xml(result.file)}" time="0"`;
      if (own.length === 0) {
        cases.push(`    <testcase ${attributes}/>`);
        continue;
      }
      const body: string[] = [];
      if (failing.length > 0) {
        suiteFailures++;
        const text = failing.map((f) => `${where(f)}: ${f.level}: ${f.message}`).join('\n');
        body.push(`      <failure message="${xml(failing[0]!.message)}" type="${xml(rule.id)}">${xmlText(text)}</failure>`);
      }
      if (passing.length > 0) body.push(`      <system-out>${xmlText(passing.map((f) => `${where(f)}: ${f.level}: ${f.message}`).join('\n'))}</system-out>`);
      cases.push(`    <testcase ${attributes}>\n${body.join('\n')}\n    </testcase>`);
    }
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(suiteName(useCase.id))}" tests="${RULES.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return { suites, tests: RULES.length * result.useCases.length, failures };
}
