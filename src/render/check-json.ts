/** `check --format json` (schemaVersion 1): the whole result, keys in a fixed order. */
import type { CheckResult } from '../check/types.js';
import type { ToolInfo } from './recommend-json.js';
import { safeJson } from '../util/sanitize.js';

export function checkDocument(result: CheckResult, tool: ToolInfo) {
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
  return `${safeJson(JSON.stringify(checkDocument(result, tool), null, 2))}\n`;
}
