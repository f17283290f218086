/**
 * The names of the published JSON Schemas, apart from the schemas themselves so that the
 * CLI's help can list them without loading any (published.ts builds them).
 */
import { STACK_SCHEMA_FILE } from '../check/schema.js';

export const PUBLISHED_SCHEMAS = ['overlay', 'answers', 'stack', 'recommend', 'check', 'models', 'checklist'] as const;
export type PublishedSchema = (typeof PUBLISHED_SCHEMAS)[number];

/** The file each schema is published as (the stack's is the one `init` points editors at). */
export const schemaFile = (name: PublishedSchema): string => (name === 'stack' ? STACK_SCHEMA_FILE.replace(/^schemas\//, '') : `${name}.schema.json`);
