/**
 * Whether a value satisfies a JSON Schema, for the few keywords our schemas use, with ajv's
 * semantics (allErrors, strictNumbers, unicode patterns). Only a yes is meaningful: a no means
 * "invalid, or a keyword this checker does not know", and the caller then runs ajv, which
 * says what is wrong. It lets `check`'s fast path validate without loading or compiling ajv.
 * Each schema is turned into a function once (a few closures), so a check costs little more
 * than the comparisons it makes.
 */
type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

/** Keywords that never make a value invalid. */
const ANNOTATIONS = new Set(['$schema', '$comment', 'title', 'description', 'default', 'examples']);

const yes: Check = () => true;
const no: Check = () => false;

function typeCheck(type: unknown): Check {
  switch (type) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return (v) => typeof v === 'number' && Number.isFinite(v) && v % 1 === 0;
    case 'object':
      return (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray;
    case 'null':
      return (v) => v === null;
    default:
      return no;
  }
}

const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Code points, as ajv counts a string's length. */
function length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function keywordCheck(keyword: string, rule: unknown, schema: Schema): Check {
  switch (keyword) {
    case 'type': {
      if (!Array.isArray(rule)) return typeCheck(rule);
      const checks = rule.map(typeCheck);
      return (v) => {
        for (let i = 0; i < checks.length; i++) if (checks[i]!(v)) return true;
        return false;
      };
    }
    case 'enum': {
      if (!Array.isArray(rule) || !rule.every(isPrimitive)) return no;
      const values = new Set(rule);
      return (v) => values.has(v);
    }
    case 'pattern': {
      // ajv compiles patterns with the u flag (its unicodeRegExp option is on by default).
      const re = new RegExp(String(rule), 'u');
      return (v) => typeof v !== 'string' || re.test(v);
    }
    case 'minLength': {
      const min = Number(rule);
      return (v) => typeof v !== 'string' || (v.length >= min * 2 ? true : length(v) >= min);
    }
    case 'minimum': {
      const min = Number(rule);
      return (v) => typeof v !== 'number' || v >= min;
    }
    case 'maximum': {
      const max = Number(rule);
      return (v) => typeof v !== 'number' || v <= max;
    }
    case 'required': {
      if (!Array.isArray(rule)) return no;
      const keys = rule.map(String);
      return (v) => {
        if (!isObject(v)) return true;
        for (let i = 0; i < keys.length; i++) if (v[keys[i]!] === undefined) return false;
        return true;
      };
    }
    case 'properties': {
      if (!isObject(rule)) return no;
      const keys = Object.keys(rule);
      const checks = keys.map((key) => compile(rule[key]));
      return (v) => {
        if (!isObject(v)) return true;
        for (let i = 0; i < keys.length; i++) {
          const value = v[keys[i]!];
          if (value !== undefined && !checks[i]!(value)) return false;
        }
        return true;
      };
    }
    case 'additionalProperties': {
      const known = new Set(isObject(schema.properties) ? Object.keys(schema.properties) : []);
      const check = compile(rule);
      return (v) => {
        if (!isObject(v)) return true;
        for (const key in v) if (!known.has(key) && !check(v[key])) return false;
        return true;
      };
    }
    case 'propertyNames': {
      const check = compile(rule);
      return (v) => {
        if (!isObject(v)) return true;
        for (const key in v) if (!check(key)) return false;
        return true;
      };
    }
    case 'items': {
      if (Array.isArray(rule)) return no;
      const check = compile(rule);
      return (v) => {
        if (!Array.isArray(v)) return true;
        for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
        return true;
      };
    }
    case 'uniqueItems':
      if (rule !== true) return yes;
      return (v) => !Array.isArray(v) || (v.every(isPrimitive) && new Set(v).size === v.length);
    default:
      return ANNOTATIONS.has(keyword) ? yes : no;
  }
}

const compiled = new WeakMap<object, Check>();

function compile(schema: unknown): Check {
  if (schema === true) return yes;
  if (!isObject(schema)) return no;
  let check = compiled.get(schema);
  if (!check) {
    const checks = Object.keys(schema)
      .map((keyword) => keywordCheck(keyword, schema[keyword], schema))
      .filter((c) => c !== yes);
    check = checks.includes(no)
      ? no
      : (v) => {
          for (let i = 0; i < checks.length; i++) if (!checks[i]!(v)) return false;
          return true;
        };
    compiled.set(schema, check);
  }
  return check;
}

/** Whether ajv would accept `value` under `schema` (false also for keywords this does not know). */
export function conforms(value: unknown, schema: unknown): boolean {
  return compile(schema)(value);
}
