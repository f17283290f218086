import { describe, expect, it } from 'vitest';
import { schemasFor } from '../../scripts/schemas.js';
import { validatorSchemas } from '../../scripts/validators.js';
import { vocabularyOf } from '../../src/knowledge/vocabulary.js';
import { goldenKnowledge } from '../helpers/golden-knowledge.js';

/**
 * Every schema the build compiles or publishes, made from the frozen golden knowledge, in a
 * canonical form (keys sorted, `required` as a set). The goldens of the schemas that existed
 * before TypeBox were written by the hand-written schemas they replace, so they pin that
 * the move changed no schema; a shape that changes on purpose updates them with `vitest -u`.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (key === 'required' && Array.isArray(item)) {
      if (item.length > 0) out[key] = [...item].sort();
    } else out[key] = canonical(item);
  }
  return out;
}

const compiled = validatorSchemas(vocabularyOf(goldenKnowledge));
const published = schemasFor(goldenKnowledge);

describe('the schemas, from the golden knowledge', () => {
  it.each(Object.keys(compiled))('compiled validator %s', async (name) => {
    await expect(`${JSON.stringify(canonical(compiled[name]), null, 1)}\n`).toMatchFileSnapshot(`golden/validator-${name}.json`);
  });

  it.each(Object.keys(published))('published %s', async (file) => {
    await expect(`${JSON.stringify(canonical(published[file]), null, 1)}\n`).toMatchFileSnapshot(`golden/${file}`);
  });
});
