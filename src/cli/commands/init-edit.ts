/**
 * `init`'s edit: add one use case to a stack file's text. Every existing line is kept as it
 * is (the new item's lines are inserted after the last one); a new file starts with a schema
 * hint for editors. Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ChecklistEntry } from '../../governance/select.js';
import type { FamilyId, Profile } from '../../knowledge/types.js';
import type { Hosting } from '../../check/schema.js';
import { UsageError } from '../../errors.js';
import { visible } from '../../util/sanitize.js';

export interface NewUseCase {
  id: string;
  description?: string;
  profile: Profile;
  choice: { family: FamilyId; vendor?: string; model?: string; hosting?: Hosting; license?: string };
  checklist: ChecklistEntry[];
  /** The date every checklist item is planned for (YYYY-MM-DD). */
  due: string;
  decidedWith: { knowledge_sha256: string; knowledge_version: string; family: FamilyId; date: string };
}

export const STATUS_HELP = ' status: done + evidence, planned + due (YYYY-MM-DD), or not-applicable + reason';

function header(schemaUrl: string): string {
  return [
    `# yaml-language-server: $schema=${schemaUrl}`,
    '# genai-advisor stack file: the generative-AI choices of this repository.',
    '# Check it in CI with `genai-advisor check`; add use cases with `genai-advisor init`.',
    '# Optional policy (these are the defaults):',
    '# policy:',
    '#   max_rank: 2              # the chosen family must be among the top 2 eligible families',
    '#   min_score: 50',
    '#   max_gap: 15              # and within 15 points of the best',
    '#   require_checklist: true  # every applicable checklist item needs a status',
    '#   allowed_hosting: [api, self-hosted, on-device]',
    '#   allowed_licenses: []     # empty = any',
    '',
    '',
  ].join('\n');
}

function useCaseNode(doc: Document, entry: NewUseCase): YAMLMap {
  const choice = Object.fromEntries(Object.entries(entry.choice).filter(([, v]) => v !== undefined));
  const value = {
    id: entry.id,
    ...(entry.description !== undefined ? { description: entry.description } : {}),
    profile: entry.profile,
    choice,
    ...(entry.checklist.length > 0
      ? { governance: Object.fromEntries(entry.checklist.map((item) => [item.id, { status: 'planned', due: entry.due }])) }
      : {}),
    decided_with: entry.decidedWith,
  };
  const node = doc.createNode(value) as YAMLMap;
  const priorities = (node.get('profile') as YAMLMap).get('priorities');
  if (isMap(priorities)) priorities.flow = true;
  const governance = node.items.find((pair) => isScalar(pair.key) && pair.key.value === 'governance') as Pair<unknown, YAMLMap> | undefined;
  if (governance) {
    const key = doc.createNode('governance');
    key.commentBefore = STATUS_HELP;
    governance.key = key;
    governance.value!.items.forEach((pair, i) => {
      const status = pair.value as YAMLMap;
      status.flow = true;
      status.comment = ` ${entry.checklist[i]!.title} (${entry.checklist[i]!.severity})`;
    });
  }
  return node;
}

/** The text of the stack file with the use case added; `existing` must already be valid. */
export function appendUseCase(existing: string | undefined, entry: NewUseCase, schemaUrl: string): string {
  if (existing === undefined) return `${header(schemaUrl)}${withNewItem('version: 1\nuse_cases: []\n', entry, true)}`;
  // Keep the file's own style of list indentation ("use_cases:\n- id" or "use_cases:\n  - id").
  const indentSeq = !/^use_cases:[^\n]*\n(?:\s*#[^\n]*\n)*-/m.test(existing);
  // A file written with CRLF line ends gets its new lines with CRLF too.
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const rewritten = withNewItem(existing, entry, indentSeq).replace(/\r?\n/g, eol);
  // Re-serialising the whole file would also realign its comments and respace its flow lists:
  // insert the new item's lines after the last item instead, when that reads the same.
  const inserted = insertItem(existing, entry, eol) ?? insertIntoEmptyFlowList(existing, entry, eol);
  return inserted !== undefined && same(inserted, rewritten) ? inserted : rewritten;
}

/** The item as yaml writes it in a list at column 2, moved to `column`, one line each. */
function itemLines(entry: NewUseCase, column: number, eol: string): string | undefined {
  const rendered = withNewItem('use_cases: []\n', entry, true).split('\n').slice(1, -1);
  if (rendered.some((line) => !line.startsWith('  '))) return undefined;
  return rendered.map((line) => `${' '.repeat(column)}${line.slice(2)}${eol}`).join('');
}

/**
 * `use_cases: []  # none yet`: the brackets go (the comment stays on the line) and the item
 * follows as a block list; every other line stays as it was.
 */
function insertIntoEmptyFlowList(existing: string, entry: NewUseCase, eol: string): string | undefined {
  const seq = parseDocument(existing).get('use_cases', true);
  if (!isSeq(seq) || !seq.flow || seq.items.length > 0 || !seq.range) return undefined;
  const [open, close] = seq.range;
  const lineStart = existing.lastIndexOf('\n', open - 1) + 1;
  const newline = existing.indexOf('\n', close);
  const lineEnd = newline === -1 ? existing.length : newline + 1;
  const rest = existing.slice(close, lineEnd);
  // Only a comment may follow the brackets on their line.
  if (!/^[ \t]*(?:#[^\n]*)?\r?\n?$/.test(rest)) return undefined;
  const head = existing.slice(lineStart, open).replace(/[ \t]+$/, '');
  const indent = head.length - head.trimStart().length;
  const item = itemLines(entry, indent + 2, eol);
  if (item === undefined) return undefined;
  const line = `${head}${rest.replace(/^[ \t]*$/, '').replace(/\r?\n$/, '')}${eol}`;
  return `${existing.slice(0, lineStart)}${line}${item}${existing.slice(lineEnd)}`;
}

/** The file re-serialised by yaml with the item added to `use_cases` (made if missing). */
function withNewItem(text: string, entry: NewUseCase, indentSeq: boolean): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UsageError(`the stack file cannot be edited: ${visible(doc.errors[0]!.message.split('\n')[0]!)}`, 'fix the YAML (genai-advisor check names the problem), then run init again');
  let seq = doc.get('use_cases');
  if (!isSeq(seq)) {
    seq = doc.createNode([]) as YAMLSeq;
    doc.set('use_cases', seq);
  }
  const list = seq as YAMLSeq;
  list.flow = false;
  list.add(useCaseNode(doc, entry));
  return doc.toString({ lineWidth: 0, indentSeq });
}

/** `existing` with the item's lines inserted after the last item of a block `use_cases` list. */
function insertItem(existing: string, entry: NewUseCase, eol: string): string | undefined {
  const seq = parseDocument(existing).get('use_cases', true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return undefined;
  const last = seq.items.at(-1) as { range?: [number, number, number] } | undefined;
  if (!last?.range) return undefined;
  const dash = seq.range[0];
  const column = dash - (existing.lastIndexOf('\n', dash - 1) + 1);
  const item = itemLines(entry, column, eol);
  if (item === undefined) return undefined;
  // After the item's last line that belongs to it: content, or a comment indented under it.
  // Comments at the list's column or left of it (`# end of list`) stay below the new item.
  let at = last.range[0];
  for (let start = existing.lastIndexOf('\n', last.range[0]) + 1; start < last.range[2]; ) {
    const end = existing.indexOf('\n', start);
    const stop = end === -1 ? existing.length : end + 1;
    const text = existing.slice(start, stop);
    const indent = text.length - text.trimStart().length;
    if (text.trim() !== '' && (!text.trimStart().startsWith('#') || indent > column)) at = stop;
    start = stop;
  }
  const lineStart = at === 0 || existing[at - 1] === '\n';
  return `${existing.slice(0, at)}${lineStart ? '' : eol}${item}${existing.slice(at)}`;
}

const same = (a: string, b: string) => JSON.stringify(parseDocument(a).toJS()) === JSON.stringify(parseDocument(b).toJS());
