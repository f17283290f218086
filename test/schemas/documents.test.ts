import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { publishedSchema, type PublishedSchema } from '../../src/schemas/published.js';
import { runInProcess } from '../helpers/run.js';
import { TODAY } from '../helpers/today.js';

// The JSON every command prints validates against the schema it publishes for it
// (`knowledge schema --which <name>`), so the MCP tools' output schemas hold too.
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<PublishedSchema, ValidateFunction>();
function validator(name: PublishedSchema): ValidateFunction {
  if (!validators.has(name)) validators.set(name, ajv.compile(publishedSchema(name, builtinKnowledge)));
  return validators.get(name)!;
}

async function jsonOf(args: string[], code = 0): Promise<unknown> {
  const result = await runInProcess([...args, '--format', 'json', '--as-of', TODAY]);
  expect(result.code, result.stderr).toBe(code);
  return JSON.parse(result.stdout);
}

function expectValid(name: PublishedSchema, document: unknown): void {
  const validate = validator(name);
  validate(document);
  expect(validate.errors ?? []).toEqual([]);
}

const presets = Object.keys(builtinKnowledge.use_cases);

describe('result documents validate against their published schemas', () => {
  it.each(presets)('recommend and checklist --use-case %s', async (preset) => {
    expectValid('recommend', await jsonOf(['recommend', '--no-input', '--use-case', preset]));
    expectValid('checklist', await jsonOf(['checklist', '--no-input', '--use-case', preset]));
  });

  it('recommend when no family is eligible (the none-eligible verdict)', async () => {
    const document = (await jsonOf(['recommend', '--no-input', '--modality', 'tabular', '--task', 'generate', '--latency', 'realtime', '--priority', 'quality=critical', '--priority', 'likelihood=critical', '--priority', 'stability=critical'])) as { verdict: { status: string } };
    expect(document.verdict.status).toBe('none-eligible');
    expectValid('recommend', document);
  });

  it('models, filtered and whole', async () => {
    expectValid('models', await jsonOf(['models']));
    expectValid('models', await jsonOf(['models', '--modality', 'image', '--open-weights']));
  });

  it('check of each example stack, and of both at once', async () => {
    expectValid('check', await jsonOf(['check', 'examples/genai-stack.yaml']));
    expectValid('check', await jsonOf(['check', 'examples/genai-stack.failing.yaml'], 1));
    expectValid('check', await jsonOf(['check', 'examples/genai-stack.yaml', 'examples/genai-stack.failing.yaml'], 1));
  });

  it.each(['recommend', 'check', 'models', 'checklist'] as const)('knowledge schema --which %s prints the schema the documents are checked against', async (name) => {
    const printed = await runInProcess(['knowledge', 'schema', '--which', name]);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(JSON.parse(JSON.stringify(publishedSchema(name, builtinKnowledge))));
  });

  it('a document with a key its schema does not define fails', () => {
    const validate = validator('models');
    expect(validate({ schemaVersion: 1, tool: { name: 'x', version: '1' }, knowledge: { version: '1.0.0', sha256: '0'.repeat(64) }, filters: {}, count: 0, models: [], extra: 1 })).toBe(false);
  });
});
