/**
 * The building blocks every shape in src/schemas/ is made of. Each shape is a TypeBox schema:
 * a plain JSON Schema (draft-07) object that ajv compiles at build time and the package
 * publishes, and whose `Static<>` is the TypeScript type, so a field is written once.
 *
 * Lists of values that come from the knowledge (family ids, question choices, levels) are
 * `enum`s, as the hand-written schemas had them: the located error messages in
 * src/knowledge/validate.ts read ajv's `enum` and `propertyNames` errors.
 */
import { Type, type SchemaOptions, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

export { Type, type Static, type TSchema };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Lowercase letters, digits and single dashes: family, criterion, preset, item and model ids. */
export const ID = '^[a-z0-9]+(-[a-z0-9]+)*$';
/** The keys of knowledge/sources.yaml. */
export const SOURCE_KEY = '^[A-Za-z0-9-]+$';
/** YYYY-MM-DD */
export const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const Text = (options: SchemaOptions = {}) => Type.String({ minLength: 1, ...options });
export const Texts = () => Type.Array(Text());
export const Id = (options: SchemaOptions = {}) => Type.String({ pattern: ID, ...options });
export const SourceKeys = () => Type.Array(Type.String({ pattern: SOURCE_KEY }));
export const IsoDate = (options: SchemaOptions = {}) => Type.String({ pattern: DATE, ...options });
/** A 1..5 rating as a bare whole number. */
export const Score = () => Type.Integer({ minimum: 1, maximum: 5 });

/**
 * One of a list of values: `{ enum: [...] }`, typed as T (a literal union for the fixed lists,
 * `string` or FamilyId for the knowledge's). `typed` adds `type: 'string'`.
 */
export function OneOf<T extends string | number | boolean = string>(values: readonly T[], options: SchemaOptions & { typed?: boolean } = {}): TUnsafe<T> {
  const { typed, ...rest } = options;
  return Type.Unsafe<T>({ ...(typed ? { type: 'string' } : {}), enum: [...values], ...rest });
}

/**
 * A mapping whose keys are ids (or one of `keys`) and whose values all have one shape, as
 * `propertyNames` + `additionalProperties` (TypeBox's Record would write patternProperties,
 * which reports a wrong key differently).
 */
export function MapOf<V extends TSchema, K extends string = string>(value: V, keys: { pattern: string } | { enum: readonly K[] } = { pattern: ID }, options: SchemaOptions = {}): TUnsafe<Record<K, Static<V>>> {
  const propertyNames = 'enum' in keys ? { enum: [...keys.enum] } : { pattern: keys.pattern };
  return Type.Unsafe<Record<K, Static<V>>>({ type: 'object', ...options, propertyNames, additionalProperties: value });
}

/** A closed object: no key beyond those listed (every file users write, every document we print). */
export const Closed = <P extends Parameters<typeof Type.Object>[0]>(properties: P, options: SchemaOptions = {}) => Type.Object(properties, { additionalProperties: false, ...options });

/** `T | null`, as `anyOf`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The top of a published document: which draft, and its title. */
export const documentOptions = (title: string, options: SchemaOptions = {}): SchemaOptions => ({ $schema: DRAFT_07, title, ...options });
