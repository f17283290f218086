/** `check --format json` (schemaVersion 1): the whole result, keys in a fixed order. */
import { combineResults } from '../check/combine.js';
import type { CheckResult } from '../check/types.js';
import type { CheckFileDocument, CheckFilesDocument } from '../schemas/check-document.js';
import type { ToolInfo } from '../tool.js';
import { renderJson } from './recommend-json.js';

export function checkDocument(result: CheckResult, tool: ToolInfo): CheckFileDocument {
  return {
    schemaVersion: 1,
    tool,
    knowledge: result.knowledge,
    file: result.file,
    ok: result.ok,
    strict: result.strict,
    today: result.today,
    policy: result.policy,
    summary: result.summary,
    useCases: result.useCases,
    findings: result.findings,
  };
}

export function renderCheckJson(result: CheckResult, tool: ToolInfo): string {
  return renderJson(checkDocument(result, tool));
}

/**
 * Several files (still schemaVersion 1, an additive shape): the totals of the run at the top,
 * and under `files` each file's own result in the one-file shape without the shared keys.
 */
export function checkFilesDocument(results: readonly CheckResult[], tool: ToolInfo): CheckFilesDocument {
  const all = combineResults(results);
  return {
    schemaVersion: 1,
    tool,
    knowledge: results[0]!.knowledge,
    ok: all.ok,
    strict: all.strict,
    today: results[0]!.today,
    summary: { files: all.files, ...all.summary },
    files: results.map((result) => ({
      file: result.file,
      ok: result.ok,
      policy: result.policy,
      summary: result.summary,
      useCases: result.useCases,
      findings: result.findings,
    })),
  };
}

export function renderCheckFilesJson(results: readonly CheckResult[], tool: ToolInfo): string {
  return renderJson(checkFilesDocument(results, tool));
}
