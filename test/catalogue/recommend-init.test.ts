import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/temp.js';
import { cli } from './helpers.js';

describe('recommend names concrete example models', () => {
  it('for marketing visuals, in the summary by name and in the detailed table by id: current image models, best fit first', async () => {
    const summary = await cli(['--use-case', 'marketing-visuals', '--no-input']);
    expect(summary.stdout.replace(/\s+/g, ' ')).toContain('Models to try for Diffusion: FLUX.2 [klein] 4B, FLUX.2 [dev], Qwen-Image.');
    const { code, stdout } = await cli(['--use-case', 'marketing-visuals', '--no-input', '--details']);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf('Example models')).replace(/\s+/g, ' ');
    expect(section).toContain(' Diffusion: flux-2-klein-4b (Apache-2.0), flux-2-dev (FLUX [dev] Non-Commercial License), qwen-image (Apache-2.0)');
    // Retired on the audit day: DALL·E 3 (2026-05-12) and Imagen 3 (2025-11-10).
    expect(stdout).not.toContain('dall-e-3');
    expect(stdout).not.toContain('imagen-3');
  });

  it('as an additive examples field of each eligible family in JSON, filtered by --hosting and --license', async () => {
    const json = JSON.parse((await cli(['--use-case', 'marketing-visuals', '--no-input', '--format', 'json', '--hosting', 'self-hosted', '--license', 'permissive'])).stdout);
    const diffusion = json.ranking.find((r: { family: string }) => r.family === 'diffusion');
    expect(diffusion.examples.map((e: { id: string }) => e.id)).toEqual(['flux-2-klein-4b', 'qwen-image', 'flux-1-schnell']);
    for (const r of json.ruledOut) expect(r.examples).toBeUndefined();
    for (const r of json.ranking) {
      for (const e of r.examples ?? []) expect(e).toMatchObject({ licenseCategory: 'permissive', hosting: expect.arrayContaining(['self-hosted']), status: 'active' });
    }
  });

  it('for an open-weights image use case: only open-weights image models active today', async () => {
    const { stdout } = await cli(['--use-case', 'marketing-visuals', '--no-input', '--format', 'json', '--open-weights']);
    const { builtinKnowledge: k } = await import('../../src/knowledge/builtin.js');
    const examples = JSON.parse(stdout).ranking.flatMap((r: { examples?: Array<{ id: string }> }) => r.examples ?? []);
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      const m = k.models.find((x) => x.id === e.id)!;
      expect(m, e.id).toMatchObject({ open_weights: true, status: 'active' });
      expect(m.modalities, e.id).toContain('image');
    }
    // Self-hosting rules out API-only models the same way.
    const hosted = JSON.parse((await cli(['--use-case', 'customer-support-chatbot', '--no-input', '--format', 'json', '--hosting', 'self-hosted'])).stdout);
    for (const r of hosted.ranking) for (const e of r.examples ?? []) expect(e.hosting, e.id).toContain('self-hosted');
  });

  it('names a deprecated model only with its shutdown date, and never a retired one', async () => {
    const args = ['--modality', 'audio', '--task', 'generate', '--license', 'proprietary', '--hosting', 'api', '--no-input', '--details'];
    const before = await cli(args, undefined, { GENAI_ADVISOR_AS_OF: '2026-12-04' });
    expect(before.stdout).toContain('Transformer: gpt-4o-transcribe (proprietary; shuts down 2027-02-26)');
    const gone = await cli(args, undefined, { GENAI_ADVISOR_AS_OF: '2027-02-26' });
    expect(gone.stdout).not.toContain('gpt-4o-transcribe');
    const after = await cli(['--use-case', 'customer-support-chatbot', '--no-input', '--format', 'json', '--license', 'proprietary'], undefined, { GENAI_ADVISOR_AS_OF: '2027-01-14' });
    const ids = JSON.parse(after.stdout).ranking.flatMap((r: { examples?: Array<{ id: string }> }) => (r.examples ?? []).map((e) => e.id));
    expect(ids).not.toContain('gpt-4o');
    expect(ids).not.toContain('gpt-5');
  });

  it('includes a model from an overlay when it fits, best fit first', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'team.yaml'), ['models:', '  - id: acme-brand-diffusion', '    name: Acme Brand Diffusion', '    vendor: Acme (in-house)', '    families: [diffusion]', '    modalities: [image]', '    tasks: [generate]', '    license: internal', '    license_category: proprietary', '    commercial_use: allowed', '    open_weights: true', '    hosting: [self-hosted]', '    released: 2026-11', '    status: active', ''].join('\n'));
    const json = JSON.parse((await cli(['--use-case', 'marketing-visuals', '--no-input', '--format', 'json', '--knowledge', 'team.yaml', '--hosting', 'self-hosted'], dir)).stdout);
    expect(json.ranking.find((r: { family: string }) => r.family === 'diffusion').examples[0].id).toBe('acme-brand-diffusion');
    const validated = await cli(['knowledge', 'validate', 'team.yaml'], dir);
    expect(validated.stdout).toContain('models acme-brand-diffusion added');
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
    const quiet = await cli(['init', '--use-case', 'code-assistant', '--model', 'gpt-6-luna', '--no-input'], tempDir());
    expect(quiet.stderr).not.toContain('warning');
    // GPT-4o shuts down on 2027-01-14: said before it is written down.
    expect(stderr).toContain('warning: GPT-4o (gpt-4o) is deprecated: shuts down 2027-01-14, replacement gpt-6-luna (as of 2026-12-04)');
  });

  it('keeps an unknown model as written, with a did-you-mean', async () => {
    const dir = tempDir();
    const { code, stderr } = await cli(['init', '--use-case', 'customer-support-chatbot', '--model', 'gpt4o', '--no-input'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('Did you mean "gpt-4o"?');
    expect(parse(readFileSync(join(dir, 'genai-stack.yaml'), 'utf8')).use_cases[0].choice).toEqual({ family: 'transformer', model: 'gpt4o' });
  });
});
