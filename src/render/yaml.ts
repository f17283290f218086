import { Document, visit } from 'yaml';
import type { Profile } from '../knowledge/types.js';
import { hasLegacyCommand, safeJson, sanitize } from '../util/sanitize.js';

/** A line of a block scalar that a CI log would read as a workflow command. */
const COMMAND_LINE = /(?:^|\n)\s*::/;

/**
 * The same document as --format json, as YAML. A string with a control character, a bidi
 * override or a line a CI log would run is written double-quoted, where every such character
 * is an escape (`\n`, `\u202e`): the same value, on one line.
 */
export function renderYaml(document: unknown): string {
  const doc = new Document(document);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && (sanitize(node.value) !== node.value || COMMAND_LINE.test(node.value) || hasLegacyCommand(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  // yaml escapes C0 controls in double quotes but leaves C1 and bidi characters raw; those
  // now stand only inside double quotes, where \uXXXX means the same.
  // JSON-style double quotes keep a newline as `\n` on the line, never a folded line that could start with `::`.
  return safeJson(doc.toString({ lineWidth: 0, doubleQuotedAsJSON: true }));
}

/** The answers of a run as an answers file, to replay with --answers. */
export function renderAnswersYaml(profile: Profile): string {
  return `# genai-advisor answers: replay with --answers <this file>\n${renderYaml(profile)}`;
}
