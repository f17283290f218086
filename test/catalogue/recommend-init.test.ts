import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/temp.js';
import { cli } from './helpers.js';

describe('recommend names concrete example models', () => {
  it('for marketing visuals, in the summary by name and in the detailed table by id', async () => {
    const summary = await cli(['--use-case', 'marketing-visuals', '--no-input']);
    expect(summary.stdout.replace(/\s+/g, ' ')).toContain('Models to try for Diffusion: DALL·E 3, Imagen 3, Stable Diffusion XL 1.0.');
    const { code, stdout } = await cli(['--use-case', 'marketing-visuals', '--no-input', '--details']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Example models'));
    expect(section).toMatch(/^ {2}Diffusion: dall-e-3 \(proprietary\), imagen-3 \(proprietary\),/m);
    expect(section).toContain('stable-diffusion-xl (CreativeML OpenRAIL++-M)');
  });

  it('as an additive examples field of each eligible family in JSON, filtered by --hosting and --license', async () => {
    const json = JSON.parse((await cli(['--use-case', 'marketing-visuals', '--no-input', '--format', 'json', '--hosting', 'self-hosted', '--license', 'permissive'])).stdout);
    const diffusion = json.ranking.find((r: { family: string }) => r.family === 'diffusion');
    expect(diffusion.examples.map((e: { id: string }) => e.id)).toEqual(['flux-1-schnell', 'wan-2-1']);
    for (const r of json.ruledOut) expect(r.examples).toBeUndefined();
    for (const r of json.ranking) {
      for (const e of r.examples ?? []) expect(e).toMatchObject({ licenseCategory: 'permissive', hosting: expect.arrayContaining(['self-hosted']) });
    }
  });

  it('in the Markdown decision record, saying when no model meets the constraints', async () => {
    const { stdout } = await cli(['--use-case', 'customer-support-chatbot', '--no-input', '--format', 'markdown', '--hosting', 'on-device', '--license', 'proprietary']);
    expect(stdout).toContain('### Example models');
    expect(stdout).toContain('- **Transformers (attention-based models)**: none in the catalogue');
  });

  it('refuses an unknown licence before asking anything', async () => {
    const { code, stderr } = await cli(['--use-case', 'marketing-visuals', '--license', 'permisive']);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean "permissive"?');
  });
});

describe('init --model', () => {
  it('fills vendor, family, licence and hosting from the catalogue', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['init', '--use-case', 'document-summarization', '--model', 'mistral-7b', '--hosting', 'self-hosted', '--no-input'], dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const stack = parse(readFileSync(join(dir, 'genai-stack.yaml'), 'utf8'));
    expect(stack.use_cases[0].choice).toEqual({ family: 'transformer', vendor: 'Mistral AI', model: 'mistral-7b', hosting: 'self-hosted', license: 'Apache-2.0' });
    const checked = await cli(['check', '--format', 'json'], dir);
    expect(JSON.parse(checked.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('vendor/'))).toEqual([]);
  });

  it('takes the only hosting a model offers, and lets flags win', async () => {
    const dir = tempDir();
    await cli(['init', '--use-case', 'customer-support-chatbot', '--model', 'gpt-4o', '--vendor', 'Azure OpenAI', '--no-input'], dir);
    const choice = parse(readFileSync(join(dir, 'genai-stack.yaml'), 'utf8')).use_cases[0].choice;
    expect(choice).toEqual({ family: 'transformer', vendor: 'Azure OpenAI', model: 'gpt-4o', hosting: 'api', license: 'proprietary' });
  });

  it('warns when the model’s family is not among the recommended ones', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['init', '--use-case', 'customer-support-chatbot', '--model', 'stable-diffusion-xl', '--hosting', 'api', '--no-input'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: Stable Diffusion XL 1.0 is a diffusion model, but the recommended families for this use case are transformer;');
    expect(parse(readFileSync(join(dir, 'genai-stack.yaml'), 'utf8')).use_cases[0].choice.family).toBe('diffusion');
  });

  it('warns of a hosting or licence the catalogue contradicts, as check would report them', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['init', '--use-case', 'code-assistant', '--model', 'gpt-4o', '--hosting', 'self-hosted', '--license', 'MIT', '--no-input'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('warning: GPT-4o cannot be hosted "self-hosted": the catalogue lists api; check will report vendor/hosting');
    expect(stderr).toContain('warning: GPT-4o is under "proprietary" in the catalogue, not "MIT"; check will report vendor/license');
    const quiet = await cli(['init', '--use-case', 'code-assistant', '--model', 'gpt-4o', '--no-input'], tempDir());
    expect(quiet.stderr).not.toContain('warning');
  });

  it('keeps an unknown model as written, with a did-you-mean', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['init', '--use-case', 'customer-support-chatbot', '--model', 'gpt4o', '--no-input'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('Did you mean "gpt-4o"?');
    expect(parse(readFileSync(join(dir, 'genai-stack.yaml'), 'utf8')).use_cases[0].choice).toEqual({ family: 'transformer', model: 'gpt4o' });
  });
});
