import { answersSchema } from './schema.js';
import type { Knowledge } from './types.js';

const cache = new WeakMap<object, object>();

/** The answers schema of one knowledge base, built once (ajv caches its compiled form by identity). */
export function answersSchemaFor(knowledge: Pick<Knowledge, 'questions' | 'criteria' | 'use_cases'>): object {
  let schema = cache.get(knowledge);
  if (!schema) {
    schema = answersSchema(knowledge);
    cache.set(knowledge, schema);
  }
  return schema;
}
