/**
 * A tool's arguments checked against its published input schema, with the problems in the
 * words the CLI uses for a file's (src/knowledge/validate.ts). ajv comes with the MCP SDK's
 * chunk anyway; each schema compiles on the tool's first call.
 */
import AjvModule from 'ajv';
import { UsageError } from '../errors.js';
import { problemsOf, type ValidateFunction } from '../knowledge/validate.js';

type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Throws a UsageError naming the first problem (and how many more there are). */
export function checkArguments(args: unknown, schema: object): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema) as ValidateFunction;
    compiled.set(schema, validate);
  }
  const problems = problemsOf(args, validate, 'the arguments');
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new UsageError(`${problems[0]}${more}`, `the tool's inputSchema (tools/list) lists every argument and its allowed values`);
}
