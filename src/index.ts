/**
 * genai-advisor as a library: the advisor without the terminal. Every function here is pure —
 * no files, network, prompts or process state — so it embeds in a server, a bot or a build step.
 * Errors are `UsageError`s (a `DiagnosticsError` lists every located problem); their message is
 * meant for people, like the CLI's.
 */
import { DiagnosticsError } from './errors.js';
import { builtinKnowledge } from './knowledge/builtin.js';
import { applyOverlays } from './knowledge/compile.js';
import type { Answers, Knowledge, Profile } from './knowledge/types.js';
import { validateAnswers } from './knowledge/validate-answers.js';
import { parseYaml } from './knowledge/yaml.js';
import { completeProfile, mergeAnswers } from './profile/resolve.js';
import { recommend, type Recommendation } from './recommend.js';
import { recommendDocument as documentFor } from './render/recommend-json.js';
import { TOOL } from './tool.js';

export { builtinKnowledge, recommend, TOOL };
export { DiagnosticsError, UsageError, formatDiagnostic, type Diagnostic } from './errors.js';
export { familyIds, LEVELS } from './knowledge/types.js';
/** The built-in knowledge's family ids, in the contract's order. */
export const FAMILY_IDS: readonly string[] = Object.keys(builtinKnowledge.families);
export type { Answers, Family, FamilyId, GovernanceItem, Knowledge, Level, Profile, UseCasePreset } from './knowledge/types.js';
export type { Recommendation } from './recommend.js';
export type { ChecklistEntry } from './governance/select.js';
export type { Robustness, Flip, RobustnessLabel } from './scoring/robustness.js';
export type { RankedFamily, Weights } from './scoring/types.js';
export {
  checkStack,
  loadStack,
  POLICY_DEFAULTS,
  RULES,
  type CheckOptions,
  type CheckResult,
  type CheckSummary,
  type Finding,
  type Policy,
  type Rule,
  type RuleId,
  type UseCaseReport,
} from './check/index.js';
export { stackSchema } from './schemas/stack.js';
/** Several stack files: check each with checkStack, then add the results up into one verdict. */
export { combineResults, type CheckedFile, type CombinedCheck } from './check/combine.js';

/** One knowledge overlay: its YAML text, and the name its diagnostics should carry. */
export interface OverlaySource {
  /** Used only in messages (`file:line:col`); no file is read. */
  file: string;
  /** The overlay's YAML text, in the format of `genai-advisor knowledge schema --which overlay`. */
  text: string;
}

/**
 * The built-in knowledge base with overlays merged over it by id, later ones winning — what
 * `--knowledge a.yaml --knowledge b.yaml` does, given the texts instead of paths.
 * @throws DiagnosticsError listing every problem of every overlay, each with file:line:col.
 */
export function loadKnowledge(overlays: readonly OverlaySource[] = []): Knowledge {
  return applyOverlays(builtinKnowledge, [...overlays]);
}

/**
 * Answers (the answers-file keys: `{ use_case, modality, task, priorities, … }`) to a complete
 * profile: the preset fills what the answers leave out, then the defaults. Unlike the CLI it
 * never asks; `modality` and `task` must come from the answers or the preset.
 * @throws DiagnosticsError for unknown keys or values (positions refer to the answers as
 *   indented JSON); UsageError when modality or task is missing or the preset is unknown.
 */
export function resolveProfile(answers: Answers, knowledge: Knowledge = builtinKnowledge): Profile {
  const parsed = parseYaml(JSON.stringify(answers ?? {}, null, 2), 'answers');
  const problems = validateAnswers(parsed, knowledge);
  if (problems.length > 0) throw new DiagnosticsError(problems, 'see `genai-advisor knowledge schema --which answers` for the allowed keys and values');
  return completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
}

/**
 * Answers straight to advice: `recommend(knowledge, resolveProfile(answers, knowledge), { today })`.
 * `today` (YYYY-MM-DD) is the day model lifecycles and legal dates are judged as of.
 */
export function advise(answers: Answers, today: string, knowledge: Knowledge = builtinKnowledge): Recommendation {
  return recommend(knowledge, resolveProfile(answers, knowledge), { today });
}

/**
 * The machine-readable form of a recommendation: exactly what `--format json` prints
 * (schemaVersion 1 of the contract), as an object.
 */
export function recommendationDocument(rec: Recommendation, overlays: string[] = []): ReturnType<typeof documentFor> {
  return documentFor(rec, TOOL, overlays);
}
