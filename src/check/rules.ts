/**
 * The rules `check` applies. Ids are stable (the contract's names); SARIF rule metadata, the
 * JUnit test cases and the documentation's rule table are all generated from this one list.
 */
import { SHUTDOWN_WARNING_DAYS, STALE_AFTER_DAYS } from '../catalogue/lifecycle.js';

/** `info` findings never fail a check, not even with --strict. */
export type Level = 'error' | 'warning' | 'info';

export interface Rule {
  id: string;
  level: Level;
  /** One line: what the rule requires. */
  summary: string;
  /** How to fix a finding. */
  help: string;
}

export const RULES = [
  {
    id: 'family/ineligible',
    level: 'error',
    summary: 'The chosen family is not knocked out by the profile (a modality or task it cannot serve, an answer such as real time it cannot meet, or a hard requirement, `require`, below its bar).',
    help: 'Choose an eligible family; `genai-advisor explain <family>` shows its limits.',
  },
  {
    id: 'family-fit/rank',
    level: 'error',
    summary: 'The chosen family is among the top `policy.max_rank` eligible families for the use case.',
    help: 'Choose one of the top-ranked families for this profile (see `genai-advisor --answers <profile>`), or correct the profile.',
  },
  {
    id: 'family-fit/score',
    level: 'error',
    summary: 'The chosen family scores at least `policy.min_score` (0-100).',
    help: 'Choose a family that fits the profile better, or lower policy.min_score if the policy is too strict.',
  },
  {
    id: 'family-fit/gap',
    level: 'error',
    summary: 'The chosen family scores within `policy.max_gap` points of the best eligible family.',
    help: 'Choose the best-ranked family or one close to it, or record why with a wider policy.max_gap.',
  },
  {
    id: 'governance/missing',
    level: 'error',
    summary: 'Every required checklist item that applies to the use case has a status (when `policy.require_checklist` is true; recommended items too with `policy.recommended_missing: error`).',
    help: 'Add the item under governance with status done (and evidence), planned (and due) or not-applicable (and reason).',
  },
  {
    id: 'governance/missing-recommended',
    level: 'warning',
    summary: 'Every recommended checklist item that applies has a status too (when `policy.require_checklist` is true); with `policy.recommended_missing: error` a missing one is reported as governance/missing instead.',
    help: 'Add the item under governance with a status, as for governance/missing; not-applicable with a reason is fine for an item you decided against.',
  },
  {
    id: 'governance/evidence',
    level: 'error',
    summary: 'A `done` item names its evidence; a `planned` item has a due date that has not passed; a `not-applicable` item gives a reason.',
    help: 'Add the missing evidence, due date or reason, or move the due date and finish the work.',
  },
  {
    id: 'governance/planned',
    level: 'warning',
    summary: 'A planned item is still open (its due date has not passed yet).',
    help: 'Finish the item and set status: done with its evidence; --strict makes open items fail the check.',
  },
  {
    id: 'governance/unknown-item',
    level: 'error',
    summary: 'Every governance key names a checklist item of the knowledge base (with a "did you mean").',
    help: 'Fix the id (run `genai-advisor checklist` to list the items), or remove the entry.',
  },
  {
    id: 'governance/obsolete-item',
    level: 'warning',
    summary: 'No governance key names an item whose law no longer applies (repealed, or never took effect); the finding names the item that replaced it.',
    help: 'Move the status to the replacing item (e.g. colorado-high-risk-ai → colorado-consequential-decisions), then remove the obsolete entry.',
  },
  {
    id: 'vendor/hosting',
    level: 'error',
    summary: "The choice's hosting (declared, or else the catalogued model's options) is allowed by `policy.allowed_hosting`, and the catalogued model can be hosted that way.",
    help: 'Set choice.hosting to an allowed value the model supports, choose another model, or change the policy.',
  },
  {
    id: 'vendor/license',
    level: 'error',
    summary: "A declared licence is the catalogued model's, and the choice's licence (declared, or else the catalogued model's) is listed in `policy.allowed_licenses` by name or by category (when the list is not empty).",
    help: 'Set choice.license to an allowed licence, choose a model under one, or change the policy.',
  },
  {
    id: 'vendor/model-unknown',
    level: 'info',
    summary: '`choice.model` names a model of the catalogue or of a knowledge overlay (with a "did you mean"), so that it can be verified.',
    help: 'Fix the id (run `genai-advisor models` to list them), or add the model to a knowledge overlay under models:.',
  },
  {
    id: 'vendor/model-family',
    level: 'error',
    summary: "`choice.family` is the catalogued model's family (or one its architecture also belongs to).",
    help: "Set choice.family to the model's family (`genai-advisor models` shows it), or choose a model of the declared family.",
  },
  {
    id: 'vendor/model-modality',
    level: 'error',
    summary: "The catalogued model serves the use case's modality and task.",
    help: 'Choose a model that serves them (`genai-advisor models --modality <m> --task <t>`), or correct the profile.',
  },
  {
    id: 'vendor/model-retired',
    level: 'error',
    summary: 'The catalogued model (or the hosting route declared for it) has not been shut down by its vendor as of today (the finding gives the shutdown date and the replacement).',
    help: 'Move to the replacement (or another active model: `genai-advisor models`), then update choice.model.',
  },
  {
    id: 'vendor/model-deprecated',
    level: 'warning',
    summary: `The catalogued model (or its declared hosting route) is not deprecated with a shutdown within ${SHUTDOWN_WARNING_DAYS} days, or without a date (the finding gives the days left and the replacement; --strict fails it).`,
    help: 'Plan the move to the replacement before the shutdown date, then update choice.model.',
  },
  {
    id: 'catalogue/stale',
    level: 'warning',
    summary: `The model catalogue the check judges models by was checked no more than ${STALE_AFTER_DAYS} days ago (reported once, at the first use case that names a catalogued model).`,
    help: 'Update genai-advisor, or refresh the catalogue into an overlay (`genai-advisor models refresh --from <list> --output overlay.yaml`) and pass it with --knowledge.',
  },
  {
    id: 'stack/duplicate-id',
    level: 'error',
    summary: 'Every use case has a unique id (reported once per shared id, at its first repeat).',
    help: 'Rename all but one of the use cases that share the id.',
  },
  {
    id: 'knowledge/drift',
    level: 'warning',
    summary: 'The knowledge a decision was made with (`decided_with`) still ranks the same family first.',
    help: 'Review the decision with the current knowledge, then update decided_with (or the choice).',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function ruleById(id: RuleId): Rule {
  return RULES.find((r) => r.id === id)!;
}
