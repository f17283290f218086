/**
 * The knowledge base as the engine sees it, after YAML is parsed, validated, normalised and
 * overlays are merged. Field names mirror the YAML files in knowledge/ (snake_case there is
 * kept here so that a YAML key and a TypeScript field are always the same word).
 *
 * Each file's shape is defined once, in src/schemas/ (one module per shape): its TypeBox
 * schema gives the validator, the published JSON Schema and the type re-exported here. This
 * module keeps the fixed lists the engine reads at run time (no TypeBox loads for them), the
 * answers (whose keys come from the question table) and the compiled Knowledge.
 */

export type { FamilyId } from './family-id.js';
import type { FamilyId } from './family-id.js';
import type { CatalogueModel } from '../schemas/model.js';
import type { Criterion } from '../schemas/criterion.js';
import type { Family } from '../schemas/family.js';
import type { GovernanceItem } from '../schemas/governance.js';
import type { KnowledgeFile, Source } from '../schemas/knowledge-file.js';
import type { UseCasePreset } from '../schemas/use-case.js';

export type { CatalogueModel, ModelRoute } from '../schemas/model.js';
export type { Criterion } from '../schemas/criterion.js';
export type { Example, Family, ModalRating, Rating, TaskFit, Variant } from '../schemas/family.js';
export type { AppliesFrom, GovernanceItem, ItemNote, Reference } from '../schemas/governance.js';
export type { Framework, GovernanceArea, Overlap, Source } from '../schemas/knowledge-file.js';
export type { Choice, Effect, Question, QuestionKind } from '../schemas/question.js';
export type { UseCasePreset } from '../schemas/use-case.js';

/** The family ids in the knowledge's order (the contract's order, which breaks ties). */
export const familyIds = (knowledge: Pick<Knowledge, 'families'>): FamilyId[] => Object.keys(knowledge.families) as FamilyId[];

export const LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** Where a checklist item's duty comes from: a legal order, or `global` for international standards. */
export const JURISDICTIONS = ['global', 'eu', 'us', 'uk', 'cn'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

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
 * An answers file: one key per question of knowledge/questions.yaml (the answers schema is
 * derived from that table, src/schemas/answers.ts; the keys are listed here because the
 * engine reads them by name).
 */
export type Answers = {
  use_case?: string;
  modality?: string;
  task?: string;
  latency?: string;
  priorities?: Record<string, Level>;
  /** Criteria the user marks as hard requirements: a family below the bar on one is ruled out. */
  require?: string[];
  data?: string;
  compute?: string;
  sector?: string;
  customer_facing?: boolean;
  sensitive_data?: boolean;
  synthetic_media?: boolean;
  high_stakes?: boolean;
  human_review?: boolean;
  interacts_with_people?: boolean;
  publishes_content?: boolean;
  emotion_or_biometric?: boolean;
  /** The Annex III use the outputs inform, or `none`. */
  informs?: string;
  /** Towards the AI system: `provider` (builds or brands it) or `deployer`. */
  system_role?: string;
  /** `none`, `public-body` or `public-service`. */
  public_role?: string;
  minors?: boolean;
  model_role?: string;
  jurisdiction?: string[];
};

/** A fully resolved profile: every key answered. */
export type Profile = Required<Omit<Answers, 'use_case'>> & { use_case?: string };

/**
 * A condition over the profile and the recommended family. A leaf names one answers key
 * (or `family`) and the value(s) that make it true; `all`, `any` and `not` combine leaves.
 * `{}` (or a missing `when`) is always true. Its schema is the recursive `condition`
 * definition of src/schemas/governance.ts.
 */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { [key: string]: string | boolean | Array<string | boolean> };

/** The knowledge files merged and compiled (compile.ts): every section present, ids filled in. */
export type Knowledge = Required<Pick<KnowledgeFile, 'version' | 'levels' | 'modality_fit' | 'overlaps' | 'questions' | 'governance_areas' | 'frameworks'>> & {
  /** sha256 of the canonical JSON of everything below (computed, not written in YAML). */
  sha256: string;
  criteria: Record<string, Criterion>;
  families: Record<FamilyId, Family>;
  use_cases: Record<string, UseCasePreset>;
  governance: GovernanceItem[];
  sources: Record<string, Source>;
  /** The model catalogue, in file order (overlays add entries or patch them by id). */
  models: CatalogueModel[];
  /** The date the catalogue describes the market as of (YYYY-MM-DD). */
  as_of?: string;
  /** The date the governance items' law was last reviewed (YYYY-MM-DD, knowledge/governance.yaml). */
  governance_reviewed?: string;
};
