/**
 * Reads a stack file into typed use cases with resolved profiles, or fails with every problem
 * located (`file:line:col`): a file `check` cannot judge is an input error (exit 2), not a
 * finding.
 */
import { DiagnosticsError, type Diagnostic } from '../errors.js';
import type { Answers, FamilyId, Knowledge, Profile } from '../knowledge/types.js';
import stackValidator from '../../build/validators/stack.cjs';
import { knownIds, validateAgainst, type ValidateFunction } from '../knowledge/validate.js';
import { parseYaml, type ParsedYaml } from '../knowledge/yaml.js';
import { completeProfile, mergeAnswers } from '../profile/resolve.js';
import { ProfileError } from '../scoring/errors.js';
import { deriveWeights } from '../scoring/weights.js';
import type { WeightPlan } from '../scoring/types.js';
import { isCalendarDate } from '../util/dates.js';
import { POLICY_DEFAULTS, type Hosting, type Policy, type Status } from './schema.js';
import { quote, visible } from '../util/sanitize.js';

export interface StatusEntry {
  status: Status;
  evidence?: string | string[];
  due?: string;
  reason?: string;
  owner?: string;
}

export interface UseCaseEntry {
  id: string;
  description?: string;
  owner?: string;
  profile: Answers;
  choice: { family: FamilyId; vendor?: string; model?: string; hosting?: Hosting; license?: string };
  governance?: Record<string, StatusEntry>;
  decided_with?: { knowledge_sha256: string; knowledge_version?: string; family?: FamilyId; date?: string };
}

export interface StackFile {
  version: 1;
  policy?: Partial<Policy>;
  use_cases: UseCaseEntry[];
}

export interface LoadedStack {
  stack: StackFile;
  parsed: ParsedYaml;
  policy: Policy;
  /** Per use case, its complete profile and its weights. */
  profiles: Array<{ profile: Profile; plan: WeightPlan }>;
}

export const STACK_HINT = 'fix the stack file; `genai-advisor knowledge schema --which stack` prints its schema';

/** Problems the schema cannot express: profiles that do not resolve, impossible dates. */
function semanticProblems(knowledge: Knowledge, stack: StackFile, parsed: ParsedYaml, profiles: LoadedStack['profiles']): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // Large stacks repeat profiles; weigh each distinct one once.
  const plans = new Map<string, WeightPlan | ProfileError>();
  stack.use_cases.forEach((useCase, i) => {
    const at = ['use_cases', i] as const;
    const resolution = mergeAnswers(knowledge, [useCase.profile]);
    const missing = resolution.unanswered.filter((q) => q.required).map((q) => q.key);
    if (missing.length > 0) {
      problems.push(parsed.diagnostic([...at, 'profile'], `use_cases[${i}].profile does not say its ${missing.join(' and ')}: add ${missing.map((k) => `${k}: …`).join(' and ')}, or a use_case preset that sets them`));
    } else {
      const profile = completeProfile(knowledge, resolution);
      const key = JSON.stringify(profile);
      let plan = plans.get(key);
      if (!plan) {
        try {
          plan = deriveWeights(knowledge, profile);
        } catch (error) {
          if (!(error instanceof ProfileError)) throw error;
          plan = error;
        }
        plans.set(key, plan);
      }
      if (plan instanceof ProfileError) problems.push(parsed.diagnostic([...at, 'profile', 'priorities'], `use_cases[${i}].profile: ${plan.message}`));
      else profiles[i] = { profile, plan };
    }
    for (const [item, entry] of Object.entries(useCase.governance ?? {})) {
      if (entry.due !== undefined && !isCalendarDate(entry.due)) {
        problems.push(parsed.diagnostic([...at, 'governance', item, 'due'], `use_cases[${i}].governance.${visible(item)}.due is ${quote(entry.due)}, which is not a date`));
      }
    }
    const decided = useCase.decided_with?.date;
    if (decided !== undefined && !isCalendarDate(decided)) {
      problems.push(parsed.diagnostic([...at, 'decided_with', 'date'], `use_cases[${i}].decided_with.date is ${quote(decided)}, which is not a date`));
    }
  });
  return problems;
}

export function loadStack(knowledge: Knowledge, text: string, file: string): LoadedStack {
  const parsed = parseYaml(text, file);
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DiagnosticsError([parsed.diagnostic([], 'a stack file must be a mapping with "version: 1" and a "use_cases:" list')], STACK_HINT);
  }
  const useCases = (value as Partial<StackFile>).use_cases;
  const ids = Array.isArray(useCases) ? useCases.flatMap((_, i) => knownIds(parsed, knowledge, ['use_cases', i, 'profile'])) : [];
  const problems = [...validateAgainst(parsed, stackValidator as ValidateFunction), ...ids].sort((a, b) => a.line - b.line || a.col - b.col);
  if (problems.length > 0) throw new DiagnosticsError(problems, STACK_HINT);
  const stack = value as StackFile;
  const profiles: LoadedStack['profiles'] = new Array(stack.use_cases.length);
  const semantic = semanticProblems(knowledge, stack, parsed, profiles);
  if (semantic.length > 0) throw new DiagnosticsError(semantic.sort((a, b) => a.line - b.line || a.col - b.col), STACK_HINT);
  return { stack, parsed, policy: { ...POLICY_DEFAULTS, ...stack.policy }, profiles };
}
