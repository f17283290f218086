/**
 * `check --format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it. Every rule is
 * described (not only those that fired), every result carries a repository-relative URI and
 * partialFingerprints (an upload through the REST API computes none, which duplicates alerts),
 * and no required string is empty.
 */
import type { CheckedFile } from '../check/combine.js';
import type { CheckResult } from '../check/types.js';
import { RULES, type Level } from '../check/rules.js';
import { safeJson, sanitize } from '../util/sanitize.js';
import type { ToolInfo } from '../tool.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'genaiAdvisorFinding/v1';

/** "family-fit/rank" → "FamilyFitRank": SARIF's rule names are identifiers, not ids. */
const ruleName = (id: string) => id.split(/[^a-z0-9]+/i).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** A path as a URI reference: forward slashes, spaces and non-ASCII characters escaped. */
export function toUri(path: string): string {
  return encodeURI(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

/** SARIF calls an informational result a note. */
const sarifLevel = (level: Level) => (level === 'info' ? 'note' : level);

export function sarifDocument(result: CheckResult, tool: ToolInfo, options: { uri?: string } = {}) {
  return sarifFilesDocument([{ result, path: options.uri ?? result.file }], tool);
}

/** Several files: one run, each result located in its own file. */
export function sarifFilesDocument(files: readonly CheckedFile[], tool: ToolInfo) {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  const results = files.flatMap(({ result, path }) => {
    const uri = toUri(path);
    return result.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule)!,
      level: sarifLevel(f.level),
      message: { text: `${sanitize(f.useCase)}: ${sanitize(f.message)}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: f.line, startColumn: f.col },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { useCase: f.useCase },
    }));
  });
  const omitted = files.reduce((n, { result }) => n + (result.summary.omitted ?? 0), 0);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.summary },
              fullDescription: { text: `${rule.summary} ${rule.help}` },
              help: { text: rule.help },
              defaultConfiguration: { level: sarifLevel(rule.level) },
              properties: { tags: ['generative-ai', rule.id.split('/')[0]!] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(omitted > 0 ? { properties: { findingsOmitted: omitted } } : {}),
        results,
      },
    ],
  };
}

export function renderCheckSarifFiles(files: readonly CheckedFile[], tool: ToolInfo): string {
  return `${safeJson(JSON.stringify(sarifFilesDocument(files, tool), null, 2))}\n`;
}

export function renderCheckSarif(result: CheckResult, tool: ToolInfo, options: { uri?: string } = {}): string {
  return `${safeJson(JSON.stringify(sarifDocument(result, tool, options), null, 2))}\n`;
}
