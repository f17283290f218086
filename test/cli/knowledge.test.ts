import { Ajv } from 'ajv';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const GOOD = 'test/knowledge/fixtures/good-overlay.yaml';
const BROKEN = 'test/knowledge/fixtures/broken-overlay.yaml';

let dir: string;
beforeAll(() => {
  dir = tempDir('genai-advisor-knowledge-');
});

async function ok(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

async function fails(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return result.stderr;
}

const compile = (schema: object) => new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('knowledge validate', () => {
  it('accepts a good overlay with a one-line summary of what it changes', async () => {
    const out = await ok(['knowledge', 'validate', GOOD]);
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toMatch(/^OK test\/knowledge\/fixtures\/good-overlay\.yaml: /);
    expect(out).toContain('criteria latency-slo added');
    expect(out).toContain('sources TEAM-BENCH added');
    expect(out).toMatch(/families (gan, diffusion|diffusion, gan) changed/);
    const sha = /sha256 ([0-9a-f]{12})\)/.exec(out)![1]!;
    const merged = JSON.parse(await ok(['--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate', '--knowledge', GOOD]));
    expect(merged.knowledge.sha256.startsWith(sha)).toBe(true);
  });

  it('reports every problem with file:line:col and exits 2', async () => {
    const lines = (await fails(['knowledge', 'validate', BROKEN])).trim().split('\n');
    expect(lines[0]).toMatch(/^error: /);
    const located = lines.map((l) => l.replace(/^error: /, '')).filter((l) => l.startsWith(BROKEN));
    expect(located.map((l) => l.split(': ')[0])).toEqual(['5:14', '7:16', '8:7', '9:36', '11:7', '12:3', '15:16'].map((at) => `${BROKEN}:${at}`));
    expect(lines.at(-1)).toMatch(/^7 problems found/);
  });

  it('checks several files in merge order, so a later file may use what an earlier one adds', async () => {
    const uses = join(dir, 'uses-criterion.yaml');
    writeFileSync(uses, 'families:\n  flow:\n    ratings: { latency-slo: 4 }\n');
    expect(await ok(['knowledge', 'validate', GOOD, uses])).toMatch(/^OK /);
    expect(await fails(['knowledge', 'validate', uses])).toContain(`${uses}:3:16: unknown criterion "latency-slo"`);
  });

  it('names YAML syntax problems with their position', async () => {
    const tabbed = join(dir, 'tabbed.yaml');
    writeFileSync(tabbed, 'families:\n\tgan:\n    summary: x\n');
    expect(await fails(['knowledge', 'validate', tabbed])).toMatch(new RegExp(`${tabbed.replace(/[.]/g, '\\.')}:2:1: Tabs are not allowed`));
  });

  it('a missing file or no file at all is a usage error', async () => {
    expect(await fails(['knowledge', 'validate', 'nope.yaml'])).toMatch(/knowledge overlay nope\.yaml does not exist/);
    expect(await fails(['knowledge', 'validate'])).toMatch(/missing required argument/);
  });

  it('a mistyped subcommand gets a suggestion, and no subcommand is an error', async () => {
    expect(await fails(['knowledge', 'valdate', GOOD])).toMatch(/^error: unknown subcommand "valdate" of knowledge\. Did you mean "validate"\?\n/);
    expect(await fails(['knowledge'])).toBe(
      'error: knowledge needs a subcommand: validate <file...> or schema\ne.g. genai-advisor knowledge validate team-overlay.yaml; see `genai-advisor knowledge --help`\n',
    );
  });
});

describe('knowledge schema', () => {
  it('prints every schema by default, keyed by name, each a usable JSON Schema', async () => {
    const all = JSON.parse(await ok(['knowledge', 'schema']));
    expect(Object.keys(all)).toEqual(['overlay', 'answers', 'stack', 'recommend', 'check', 'models', 'checklist']);
    for (const schema of Object.values(all)) expect(() => compile(schema as object)).not.toThrow();
  });

  it('--which picks one; the overlay schema accepts the good overlay and rejects the broken one', async () => {
    const overlay = JSON.parse(await ok(['knowledge', 'schema', '--which', 'overlay']));
    expect(overlay.$schema).toMatch(/json-schema\.org/);
    const validate = compile(overlay);
    expect(validate(parseYaml(readFileSync(GOOD, 'utf8')))).toBe(true);
    expect(validate(parseYaml(readFileSync(BROKEN, 'utf8')))).toBe(false);
  });

  it('the answers schema accepts what --save-answers writes', async () => {
    const answers = join(dir, 'saved.yaml');
    await ok(['--use-case', 'fraud-detection', '--no-input', '--format', 'json', '--save-answers', answers]);
    const validate = compile(JSON.parse(await ok(['knowledge', 'schema', '--which', 'answers'])));
    expect(validate(parseYaml(readFileSync(answers, 'utf8')))).toBe(true);
    expect(validate({ modality: 'smell' })).toBe(false);
    expect(validate({ priorities: { qualty: 'high' } })).toBe(false);
  });

  it('follows --knowledge: a criterion an overlay adds can be prioritised in answers files', async () => {
    const schema = JSON.parse(await ok(['knowledge', 'schema', '--which', 'answers', '--knowledge', GOOD]));
    expect(compile(schema)({ priorities: { 'latency-slo': 'high' } })).toBe(true);
    expect(compile(JSON.parse(await ok(['knowledge', 'schema', '--which', 'answers'])))({ priorities: { 'latency-slo': 'high' } })).toBe(false);
  });

  it('the stack schema accepts the contract’s example stack file', async () => {
    const validate = compile(JSON.parse(await ok(['knowledge', 'schema', '--which', 'stack'])));
    const stack = {
      version: 1,
      policy: { max_rank: 2, min_score: 50, max_gap: 15, require_checklist: true, allowed_hosting: ['api', 'self-hosted', 'on-device'], allowed_licenses: [] },
      use_cases: [
        {
          id: 'support-chatbot',
          description: 'Answers customer questions on the website',
          profile: { use_case: 'customer-support-chatbot', sensitive_data: true },
          choice: { family: 'transformer', vendor: 'Example Corp', model: 'example-chat-2', hosting: 'api', license: 'proprietary' },
          governance: { 'ai-disclosure': { status: 'done', evidence: 'docs/ai-disclosure.md' } },
        },
      ],
    };
    expect(validate(stack), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...stack, version: 2 })).toBe(false);
  });

  it('--output writes the schema to a file', async () => {
    const out = join(dir, 'overlay.schema.json');
    const result = await runInProcess(['knowledge', 'schema', '--which', 'overlay', '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(await ok(['knowledge', 'schema', '--which', 'overlay']));
  });

  it('an unknown --which is a usage error with a suggestion', async () => {
    expect(await fails(['knowledge', 'schema', '--which', 'overlays'])).toMatch(/Did you mean "overlay"\?.*Allowed: overlay, answers, stack, recommend, check, models, checklist, all/);
  });
});

describe('an overlay preset', () => {
  it('is one --use-case can name, and the unknown-preset error lists it', async () => {
    const overlay = join(dir, 'team-presets.yaml');
    writeFileSync(
      overlay,
      'use_cases:\n  team-triage-bot:\n    title: Triage bot\n    description: Sorts incoming tickets\n    answers: { modality: text, task: conversation, latency: realtime }\n',
    );
    const json = JSON.parse(await ok(['--use-case', 'team-triage-bot', '--knowledge', overlay, '--no-input', '--format', 'json']));
    expect(json.profile.use_case).toBe('team-triage-bot');
    expect(json.profile.latency).toBe('realtime');
    expect(await fails(['--use-case', 'team-triage', '--knowledge', overlay, '--no-input'])).toMatch(/Did you mean "team-triage-bot"\?\nuse cases: .*risk-modeling, team-triage-bot /);
  });
});
