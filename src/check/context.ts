/**
 * What every rule of one check shares: the inputs, how a
 * rule records a finding, and how stack-file text is quoted in a finding (one line).
 */
import { legalStatus } from '../governance/select.js';
import type { GovernanceItem, Knowledge } from '../knowledge/types.js';
import type { PathSegment } from '../knowledge/yaml.js';
import type { FamilyScore } from '../scoring/types.js';
import { visible } from '../util/sanitize.js';
import type { RuleId } from './rules.js';
import type { Policy } from './schema.js';

/** A ranking as the rules read it: all families in rank order, and the eligible ones. */
export interface Scored {
  ranking: FamilyScore[];
  eligible: FamilyScore[];
}

/** Shared by all use cases of one check: the inputs (the engine's results are memoised beside the engine, per knowledge). */
export interface Context {
  knowledge: Knowledge;
  policy: Policy;
  today: string;
  itemIds: string[];
  items: Set<string>;
  /** Items whose law no longer applies on `today` (repealed), by id. */
  obsolete: Map<string, GovernanceItem>;
  /** catalogue/stale is reported once per check. */
  staleReported: boolean;
}

export function createContext(knowledge: Knowledge, policy: Policy, today: string): Context {
  return {
    knowledge,
    policy,
    today,
    itemIds: knowledge.governance.map((g) => g.id),
    items: new Set(knowledge.governance.map((g) => g.id)),
    obsolete: new Map(knowledge.governance.filter((g) => legalStatus(g, today) === 'repealed').map((g) => [g.id, g])),
    staleReported: false,
  };
}

/** Printable ASCII words with single spaces between them: text that oneLine leaves as it is. */
const ONE_LINE = /^(?:[!-~]+ )*[!-~]+$/;

/** Text from the stack file, safe to print and kept on one line (a finding is one line). */
export const oneLine = (text: string) => (ONE_LINE.test(text) ? text : visible(text.replace(/[ \t\n\r]+/g, ' ').trim()));
/** Records one finding at a path inside the use case (key: the key's position rather than the value's). */
export type Add = (rule: RuleId, path: PathSegment[], key: boolean, subject: string, message: string) => void;

