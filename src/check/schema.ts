/** The stack file's names and places; its shape is src/schemas/stack.ts. */
import { HOSTING_OPTIONS, type HostingOption } from '../knowledge/types.js';
import type { Policy } from '../schemas/stack.js';

export type { Policy } from '../schemas/stack.js';
export const HOSTING = HOSTING_OPTIONS;
export type Hosting = HostingOption;

export const STATUSES = ['done', 'planned', 'not-applicable'] as const;
export type Status = (typeof STATUSES)[number];

/** The contract's policy defaults: what applies when a stack file sets no `policy`. */
export const POLICY_DEFAULTS: Policy = {
  max_rank: 2,
  min_score: 50,
  max_gap: 15,
  require_checklist: true,
  recommended_missing: 'warning',
  allowed_hosting: [...HOSTING],
  allowed_licenses: [],
};

/** What `check` and `init` read and write when no stack file is named. */
export const DEFAULT_STACK_FILE = 'genai-stack.yaml';

/** Where the published package serves the schema; the file itself is `knowledge schema --which stack`. */
export const STACK_SCHEMA_FILE = 'schemas/genai-stack.schema.json';
export const STACK_SCHEMA_URL = `https://unpkg.com/genai-advisor/${STACK_SCHEMA_FILE}`;

const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** A use-case id: lowercase letters, digits and single dashes. */
export const USE_CASE_ID = new RegExp(ID);
