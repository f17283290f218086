/**
 * Validation with the functions ajv compiled from our JSON Schemas at build time
 * (scripts/validators.ts, one module per schema under build/validators/, imported by the
 * module that uses it): every problem comes back located, in the user's terms.
 */
import type { Diagnostic } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import type { Knowledge, Question } from './types.js';
import type { ParsedYaml, PathSegment } from './yaml.js';
import { quote, visible } from '../util/sanitize.js';

/**
 * The part of an ajv validator this code uses, declared here rather than imported from ajv so
 * that the published type declarations need no ajv: the package installs none (it is bundled).
 */
export interface ErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
  data?: unknown;
  parentSchema?: unknown;
}
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

function pathOf(error: ErrorObject): PathSegment[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(path: PathSegment[]): string {
  return path.length === 0 ? 'the file' : visible(path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join(''));
}

/** Longest value quoted in a message: a whole list or mapping would be a screenful, not a line. */
const MAX_SHOWN = 120;

function show(value: unknown): string {
  // JSON would call NaN and the infinities null: name them as YAML writes them.
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan (not a number)' : `${value > 0 ? '' : '-'}.inf (infinity)`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (value !== null && typeof value === 'object') return `a mapping (${Object.keys(value).length} keys)`;
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const short = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return typeof value === 'string' ? quote(short) : visible(short);
}

/** JSON Schema's type names in the words of a YAML file. */
function typeName(types: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' };
  return types.split(',').map((t) => words[t] ?? t).join(' or ');
}

function message(error: ErrorObject, path: PathSegment[]): { path: PathSegment[]; key: boolean; text: string } {
  const where = describe(path);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined && error.keyword !== 'enum') {
    return { path: [...path, error.propertyName], key: true, text: `invalid key ${quote(error.propertyName)} in ${where}: ${error.message ?? ''}` };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const hint = allowed.length > 0 ? `${didYouMean(key, allowed)} Allowed keys: ${allowed.join(', ')}.` : '';
      return { path: [...path, key], key: true, text: `unknown key ${quote(key)} in ${where}.${hint}` };
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return { path: [...path, key], key: true, text: `invalid key ${quote(key)} in ${where}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = error.data;
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        return { path: [...path, name], key: true, text: `unknown key ${quote(name)} in ${where}.${didYouMean(name, allowed)} Allowed: ${allowed.join(', ')}.` };
      }
      return { path, key: false, text: `${where} is ${show(value)}, which is not allowed.${hint} Allowed: ${allowed.join(', ')}.` };
    }
    case 'required':
      return { path, key: false, text: `${where} is missing the required key "${String(params.missingProperty)}"` };
    case 'type':
      return { path, key: false, text: `${where} must be ${typeName(String(params.type))}, not ${show(error.data)}` };
    case 'minimum':
    case 'maximum':
      return { path, key: false, text: `${where} is ${show(error.data)}; it must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}` };
    case 'minItems':
      return { path, key: false, text: `${where} needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { path, key: false, text: params.limit === 1 ? `${where} must not be empty` : `${where} needs at least ${String(params.limit)} characters` };
    case 'pattern':
      return { path, key: false, text: `${where} is ${show(error.data)}, which does not match ${String(params.pattern)}` };
    default:
      return { path, key: false, text: `${where} ${error.message ?? 'is invalid'}` };
  }
}

/** Validates a parsed document (or the part of it at `at`); every problem comes back located. */
export function validateAgainst(parsed: ParsedYaml, validate: ValidateFunction, at: readonly PathSegment[] = []): Diagnostic[] {
  let value: unknown = parsed.value;
  for (const segment of at) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  if (validate(value)) return [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    // propertyNames reports once for the name and again from its inner keyword; keep the clearer one.
    if (error.keyword === 'propertyNames') continue;
    // 'must match "then" schema' adds nothing: the `then` branch reports what is wrong itself.
    if (error.keyword === 'if') continue;
    const { path, key, text } = message(error, [...at, ...pathOf(error)]);
    const d = parsed.diagnostic(path, text, key);
    const id = `${d.line}:${d.col}:${text}`;
    if (!seen.has(id)) {
      seen.add(id);
      diagnostics.push(d);
    }
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
}

/** One way a value breaks a schema: the offending node, or the object missing `missing`. */
export interface Violation {
  path: PathSegment[];
  missing?: string;
}

/**
 * Where a value breaks a schema, so a caller can drop the offending nodes and still run the
 * cross-reference checks on the rest (and so report every problem of a file in one pass).
 */
export function violations(value: unknown, validate: ValidateFunction): Violation[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const path = pathOf(error);
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') return { path, missing: String(params.missingProperty) };
    if (error.keyword === 'additionalProperties') return { path: [...path, String(params.additionalProperty)] };
    if (error.keyword === 'propertyNames') return { path: [...path, String(params.propertyName)] };
    if (error.propertyName !== undefined) return { path: [...path, error.propertyName] };
    return { path };
  });
}

/**
 * The ids an overlay may add (presets, criteria) in one set of answers at `at`, checked against
 * the knowledge in use: the compiled schema accepts any well-formed id (see KnowledgeIds).
 */
export function knownIds(parsed: ParsedYaml, knowledge: Pick<Knowledge, 'questions' | 'criteria' | 'use_cases'>, at: readonly PathSegment[] = []): Diagnostic[] {
  let answers: unknown = parsed.value;
  for (const segment of at) answers = (answers as Record<string | number, unknown> | undefined)?.[segment];
  if (answers === null || typeof answers !== 'object') return [];
  const problems: Diagnostic[] = [];
  for (const question of knowledge.questions as Question[]) {
    const value = (answers as Record<string, unknown>)[question.key];
    const path = [...at, question.key];
    if (question.kind === 'preset' && typeof value === 'string' && !Object.hasOwn(knowledge.use_cases, value)) {
      const allowed = Object.keys(knowledge.use_cases);
      problems.push(parsed.diagnostic(path, `${describe(path)} is "${value}", which is not allowed.${didYouMean(value, allowed)} Allowed: ${allowed.join(', ')}.`));
    }
    if (question.kind === 'priorities' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const allowed = Object.keys(knowledge.criteria);
      for (const criterion of Object.keys(value).filter((c) => !Object.hasOwn(knowledge.criteria, c))) {
        problems.push(parsed.diagnostic([...path, criterion], `unknown key "${criterion}" in ${describe(path)}.${didYouMean(criterion, allowed)} Allowed: ${allowed.join(', ')}.`, true));
      }
    }
  }
  return problems;
}
