/**
 * `init`'s edit: add one use case to a stack file's text. Existing content and comments are
 * kept (yaml's Document API); a new file starts with a schema hint for editors. Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ChecklistEntry } from '../governance/select.js';
import type { FamilyId, Profile } from '../knowledge/types.js';
import type { Hosting } from './schema.js';

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
  if (existing === undefined) {
    const doc = parseDocument('version: 1\nuse_cases: []\n');
    const seq = doc.get('use_cases') as YAMLSeq;
    seq.flow = false;
    seq.add(useCaseNode(doc, entry));
    return `${header(schemaUrl)}${doc.toString({ lineWidth: 0 })}`;
  }
  const doc = parseDocument(existing);
  let seq = doc.get('use_cases');
  if (!isSeq(seq)) {
    seq = doc.createNode([]) as YAMLSeq;
    doc.set('use_cases', seq);
  }
  const list = seq as YAMLSeq;
  list.flow = false;
  list.add(useCaseNode(doc, entry));
  // Keep the file's own style of list indentation ("use_cases:\n- id" or "use_cases:\n  - id").
  const indentSeq = !/^use_cases:[^\n]*\n(?:\s*#[^\n]*\n)*-/m.test(existing);
  return doc.toString({ lineWidth: 0, indentSeq });
}
