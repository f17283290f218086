/**
 * The knowledge base as the engine sees it, after YAML is parsed, validated, normalised and
 * overlays are merged. Field names mirror the YAML files in knowledge/ (snake_case there is
 * kept here so that a YAML key and a TypeScript field are always the same word).
 */

export type { FamilyId } from './family-id.js';
import type { FamilyId } from './family-id.js';

/** The family ids in the knowledge's order (the contract's order, which breaks ties). */
export const familyIds = (knowledge: Pick<Knowledge, 'families'>): FamilyId[] => Object.keys(knowledge.families) as FamilyId[];

export const LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** A 1..5 judgement with the reason for it and the evidence keys behind it. */
export interface Rating {
  value: number;
  why?: string;
  sources?: string[];
}

export interface Example {
  name: string;
  note?: string;
}

/**
 * How well a family serves one task, with the evidence, and where a modality changes the
 * answer (energy scoring works on images although energy-based image generation is weak).
 */
export interface TaskFit extends Rating {
  /** modality → fit for this task on that modality; overrides `value` there. */
  modalities?: Record<string, Rating>;
}

/**
 * A named variant of a family that reaches better ratings than the family as a whole (a
 * distilled diffusion model samples in 1-4 steps). A variant can satisfy a requirement, such
 * as real-time speed, and is then named in the advice; the family's score keeps its own ratings.
 */
export interface Variant {
  name: string;
  note: string;
  /** criterion id → the rating this variant reaches. */
  ratings: Record<string, number>;
  sources: string[];
  /** The modalities the variant is documented for; all when absent. */
  modalities?: string[];
}

export interface Family {
  id: FamilyId;
  name: string;
  short_name: string;
  aliases: string[];
  summary: string;
  how_it_works: string;
  best_at: string[];
  limitations: string[];
  business_uses: string[];
  examples: Example[];
  /** criterion id → rating; a family has one for every criterion that rates families. */
  ratings: Record<string, Rating>;
  /** modality → generation fit (1 = cannot generate it, 5 = a leading choice). */
  modalities: Record<string, Rating>;
  /** task → how well the family serves it (per modality where that matters). */
  tasks: Record<string, TaskFit>;
  /** Variants that reach ratings the family as a whole does not (fast samplers). */
  variants: Variant[];
  /** Where the seed guide and the research literature disagree, in our words. */
  disagreements: string[];
  sources: string[];
}

export interface Criterion {
  id: string;
  label: string;
  description: string;
  /** Importance when no answer says otherwise. */
  default_level: Level;
  /** Short phrases used to template strengths and caveats ("fast sampling", "slow sampling"). */
  high_phrase?: string;
  low_phrase?: string;
}

export interface Source {
  key: string;
  citation: string;
}

/** What an answer does to the weights and to eligibility. Data, not code. */
export interface Effect {
  /** criterion id → importance points added (may be negative). */
  weights?: Record<string, number>;
  /** criterion id → minimum rating a family needs to stay eligible. */
  requires?: Record<string, number>;
}

export interface Choice {
  value: string;
  label: string;
  help: string;
  effect?: Effect;
  /**
   * Tasks only. `generative: false` marks an analysis task (anomaly detection, density
   * estimation): the family's generation fit for the modality does not count, only its fit
   * for the task. `uses` renames what a criterion means on this task (on anomaly detection,
   * speed is scoring speed): its weight and requirements move to the named criterion.
   * `excludes` lists criteria that do not apply to the task at all (weight zero).
   * `note` is one sentence shown with every recommendation for the task.
   */
  generative?: boolean;
  uses?: Record<string, string>;
  excludes?: string[];
  note?: string;
}

/** `multi`: several of the choices may be given at once (the answer is a list). */
export type QuestionKind = 'preset' | 'choice' | 'multi' | 'priorities' | 'boolean';

export interface Question {
  /** The answers-file / stack-file key (snake_case). The flag is derived: `use_case` → `--use-case`. */
  key: string;
  /** The flag's name when it is not the key with _ → - (`priorities` → `priority`). */
  flag?: string;
  kind: QuestionKind;
  /** The question asked in a consultation. */
  prompt: string;
  /** One line for --help and for the prompt's hint. */
  help: string;
  /** Placeholder for the flag's value in --help (`<m>`). */
  value_name?: string;
  /** 'use-case' questions shape the scoring, 'governance' ones the checklist. */
  group: 'use-case' | 'governance';
  required?: boolean;
  default?: string | boolean | string[];
  choices?: Choice[];
  /** For booleans: effect when true / when false. */
  when_true?: Effect;
  when_false?: Effect;
}

export type Answers = {
  use_case?: string;
  modality?: string;
  task?: string;
  latency?: string;
  priorities?: Record<string, Level>;
  data?: string;
  compute?: string;
  sector?: string;
  customer_facing?: boolean;
  sensitive_data?: boolean;
  synthetic_media?: boolean;
  high_stakes?: boolean;
  human_review?: boolean;
  model_role?: string;
  jurisdiction?: string[];
};

/** A fully resolved profile: every key answered. */
export type Profile = Required<Omit<Answers, 'use_case'>> & { use_case?: string };

export interface UseCasePreset {
  id: string;
  title: string;
  description: string;
  /** The family or families the seed guide names for this use. */
  seed_families: FamilyId[];
  /** Why this preset sets what it sets, in one or two sentences. */
  rationale: string;
  answers: Answers;
  sources: string[];
}

export interface Reference {
  framework: string;
  id: string;
  edition: string;
}

/**
 * A condition over the profile and the recommended family. A leaf names one answers key
 * (or `family`) and the value(s) that make it true; `all`, `any` and `not` combine leaves.
 * `{}` (or a missing `when`) is always true.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { [key: string]: string | boolean | Array<string | boolean> };

/** Where a checklist item's duty comes from: a legal order, or `global` for international standards. */
export const JURISDICTIONS = ['global', 'eu', 'us', 'uk', 'cn'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The date a staged law starts to apply to the item, and where that date comes from. */
export interface AppliesFrom {
  /** YYYY-MM-DD */
  date: string;
  source: string;
  /** A qualification, e.g. a later date for some of the cases the item covers. */
  note?: string;
}

/** A sentence shown with the item when its condition holds (e.g. why related duties are not listed). */
export interface ItemNote {
  when?: Condition;
  text: string;
}

export interface GovernanceItem {
  id: string;
  area: string;
  title: string;
  why: string;
  actions: string[];
  evidence: string[];
  severity: 'required' | 'recommended';
  /** Absent means `global`. */
  jurisdiction?: Jurisdiction;
  applies_from?: AppliesFrom;
  when?: Condition;
  /** Raise to required when this condition also holds (e.g. human_review is off). */
  escalate_when?: Condition;
  notes?: ItemNote[];
  references: Reference[];
}

export const LICENSE_CATEGORIES = ['permissive', 'copyleft', 'open-weights-restricted', 'proprietary'] as const;
export type LicenseCategory = (typeof LICENSE_CATEGORIES)[number];

export const HOSTING_OPTIONS = ['api', 'self-hosted', 'on-device'] as const;
export type HostingOption = (typeof HOSTING_OPTIONS)[number];

export const MODEL_STATUSES = ['active', 'deprecated', 'retired'] as const;
/** active: offered; deprecated: a shutdown is announced; retired: no longer offered. */
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const COMMERCIAL_USES = ['allowed', 'restricted', 'no'] as const;
export type CommercialUse = (typeof COMMERCIAL_USES)[number];

/**
 * A hosting route with a lifecycle of its own: the route ends while the model lives on
 * (the whisper-1 API shuts down; the MIT weights stay).
 */
export interface ModelRoute {
  hosting: HostingOption;
  /** Who offers the route, when not the model's vendor, or its API id ("whisper-1"). */
  name?: string;
  status: ModelStatus;
  shutdown?: string;
  replacement?: string;
  note?: string;
}

/** One concrete model or service of the catalogue (knowledge/models.yaml, or an overlay). */
export interface CatalogueModel {
  id: string;
  name: string;
  vendor: string;
  /**
   * The families the architecture belongs to, the one doing the decisive work first (a GPT-class
   * LLM is [transformer, autoregressive]; a rectified-flow model is [diffusion, flow]).
   */
  families: FamilyId[];
  /** Why the model is filed where it is, when its architecture spans families. */
  family_note?: string;
  modalities: string[];
  tasks: string[];
  /** An SPDX id where one exists, else the vendor's named terms ("proprietary" for closed services). */
  license: string;
  license_category: LicenseCategory;
  /** Whether the licence lets you use the model commercially; `commercial_note` says how far. */
  commercial_use: CommercialUse;
  commercial_note?: string;
  /** Weights can be downloaded, or are produced on your own machines by released training code. */
  open_weights: boolean;
  hosting: HostingOption[];
  /** YYYY-MM or YYYY-MM-DD. */
  released?: string;
  status: ModelStatus;
  /** The announced (or past) shutdown date, YYYY-MM-DD. */
  shutdown?: string;
  /** The vendor's recommended replacement: an active catalogue model. */
  replacement?: string;
  /** Hosting routes whose lifecycle differs from the model's. */
  routes?: ModelRoute[];
  /** The date the entry was last checked against its sources, YYYY-MM-DD. */
  verified?: string;
  /** URLs of the model's status and licence. */
  sources?: string[];
  note?: string;
}

export interface Overlap {
  families: FamilyId[];
  note: string;
  sources: string[];
}

/** A governance area and its label (knowledge/frameworks.yaml). */
export interface GovernanceArea {
  id: string;
  label: string;
}

export interface Framework {
  name: string;
  /** Every clause id an item cites from this framework must match it. */
  clause_pattern: string;
}

export interface Knowledge {
  version: string;
  /** sha256 of the canonical JSON of everything below (computed, not written in YAML). */
  sha256: string;
  levels: Record<Level, { points: number; min_rating?: number }>;
  /** The fit criterion (task and modality) and the fit below which a family is ruled out. */
  modality_fit: { criterion: string; knockout_below: number };
  /** A note printed when both families of an overlapping pair appear together. */
  overlaps: Overlap[];
  criteria: Record<string, Criterion>;
  families: Record<FamilyId, Family>;
  questions: Question[];
  use_cases: Record<string, UseCasePreset>;
  governance: GovernanceItem[];
  /** The checklist's areas, in the order it lists them (knowledge/frameworks.yaml). */
  governance_areas: GovernanceArea[];
  /** The frameworks items cite, with each one's clause-id pattern. */
  frameworks: Framework[];
  sources: Record<string, Source>;
  /** The model catalogue, in file order (overlays add entries or patch them by id). */
  models: CatalogueModel[];
  /** The date the catalogue describes the market as of (YYYY-MM-DD). */
  as_of?: string;
}
