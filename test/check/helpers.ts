/** Builders for stack files in tests (not a test file itself). */
import { stringify } from 'yaml';
import { checkStack, type CheckResult } from '../../src/check/index.js';
import { selectChecklist } from '../../src/governance/select.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { Answers, FamilyId, Knowledge } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { rankFamilies } from '../../src/scoring/rank.js';

export const TODAY = '2026-06-01';
export const knowledge = builtinKnowledge;

export function eligibleRanking(answers: Answers, k: Knowledge = knowledge) {
  const profile = completeProfile(k, mergeAnswers(k, [answers]));
  return rankFamilies(k, profile).ranking.filter((r) => r.eligible);
}

/** `{ id: { status: done, evidence } }` for every item that applies to the profile and family. */
export function allDone(answers: Answers, family: FamilyId): Record<string, { status: string; evidence: string }> {
  const profile = completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
  return Object.fromEntries(selectChecklist(knowledge.governance, profile, family, knowledge.governance_areas, { today: TODAY }).map((e) => [e.id, { status: 'done', evidence: `docs/${e.id}.md` }]));
}

export interface UseCaseSpec {
  id?: string;
  profile?: Answers;
  choice?: Record<string, unknown>;
  governance?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A use case that passes every rule under the default policy, with overrides. */
export function useCase(spec: UseCaseSpec = {}): Record<string, unknown> {
  const profile = spec.profile ?? { use_case: 'document-summarization' };
  const family = (spec.choice?.family as FamilyId | undefined) ?? eligibleRanking(profile)[0]!.family;
  return {
    id: spec.id ?? 'summaries',
    ...spec,
    profile,
    choice: { family, vendor: 'Example Corp', hosting: 'self-hosted', license: 'apache-2.0', ...spec.choice },
    governance: spec.governance ?? allDone(profile, family),
  };
}

export function stackText(useCases: Array<Record<string, unknown>>, policy?: Record<string, unknown>): string {
  return stringify({ version: 1, ...(policy ? { policy } : {}), use_cases: useCases });
}

export function check(text: string, options: { strict?: boolean; today?: string; knowledge?: Knowledge } = {}): CheckResult {
  return checkStack(options.knowledge ?? knowledge, text, 'stack.yaml', { today: options.today ?? TODAY, strict: options.strict });
}

export const rulesOf = (result: CheckResult) => result.findings.map((f) => f.rule);
