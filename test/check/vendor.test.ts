import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import { cli } from '../catalogue/helpers.js';
import { tempDir } from '../helpers/temp.js';
import { check, knowledge, rulesOf, stackText, useCase } from './helpers.js';

const chatbot = { use_case: 'customer-support-chatbot' } as const;
const visuals = { use_case: 'marketing-visuals' } as const;
/** The findings of one use case with this profile and choice, under an optional policy. */
const findings = (profile: object, choice: Record<string, unknown>, policy?: Record<string, unknown>, k = knowledge) =>
  check(stackText([useCase({ profile, choice: { vendor: undefined, hosting: undefined, license: undefined, ...choice } })], policy), { knowledge: k }).findings;
const vendorRules = (...args: Parameters<typeof findings>) => rulesOf({ findings: findings(...args) } as never).filter((r) => r.startsWith('vendor/'));

describe('vendor rules against the model catalogue', () => {
  it('declares the new rules, with an info level for unknown models', () => {
    const levels = Object.fromEntries(RULES.map((r) => [r.id, r.level]));
    expect(levels).toMatchObject({ 'vendor/model-unknown': 'info', 'vendor/model-family': 'error', 'vendor/model-modality': 'error', 'vendor/model-deprecated': 'warning' });
  });

  it('passes a catalogued model that fits its family and use case', () => {
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o' })).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'GPT-4o' })).toEqual([]);
    expect(vendorRules(visuals, { family: 'diffusion', model: 'flux-1-dev' })).toEqual([]);
  });

  it('vendor/model-unknown: an info with a did-you-mean that does not fail the check', () => {
    const text = stackText([useCase({ profile: chatbot, choice: { family: 'transformer', model: 'gpt4o' } })]);
    const result = check(text);
    const unknown = result.findings.filter((f) => f.rule === 'vendor/model-unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ level: 'info' });
    expect(unknown[0]!.message).toContain('Did you mean "gpt-4o"?');
    expect(result.ok).toBe(true);
    expect(check(text, { strict: true }).ok).toBe(true);
    expect(result.summary).toMatchObject({ errors: 0, notes: 1 });
  });

  it('vendor/model-family: a model of another family, also accepting a family its architecture belongs to', () => {
    expect(vendorRules(visuals, { family: 'diffusion', model: 'gpt-4o' })).toContain('vendor/model-family');
    expect(vendorRules(chatbot, { family: 'autoregressive', model: 'gpt-4o' })).not.toContain('vendor/model-family');
    expect(vendorRules(visuals, { family: 'transformer', model: 'stable-diffusion-3-5-large' })).not.toContain('vendor/model-family');
  });

  it('vendor/model-modality: a model that does not serve the modality or the task', () => {
    expect(vendorRules(visuals, { family: 'transformer', model: 'gpt-4o' })).toEqual(['vendor/model-modality']);
    const task = findings({ use_case: 'product-photo-upscaling' }, { family: 'diffusion', model: 'dall-e-3' }).find((f) => f.rule === 'vendor/model-modality');
    expect(task?.message).toContain('the task edit');
    expect(vendorRules({ use_case: 'product-photo-upscaling' }, { family: 'gan', model: 'real-esrgan' })).toEqual([]);
  });

  it('vendor/model-deprecated: a retired model, with its successor', () => {
    const found = findings(chatbot, { family: 'transformer', model: 'claude-3-5-sonnet' }).filter((f) => f.rule.startsWith('vendor/'));
    expect(found).toEqual([expect.objectContaining({ rule: 'vendor/model-deprecated', level: 'warning' })]);
    expect(found[0]!.message).toContain('successor is Claude Sonnet 4.5 (claude-sonnet-4-5)');
    expect(vendorRules(chatbot, { family: 'transformer', model: 'claude-sonnet-4-5' })).toEqual([]);
  });

  it('vendor/hosting takes the model’s hosting when the stack omits it', () => {
    const selfHosted = { allowed_hosting: ['self-hosted'] };
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o' }, selfHosted)).toEqual(['vendor/hosting']);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'mistral-7b' }, { allowed_hosting: ['self-hosted', 'on-device'] })).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o', hosting: 'self-hosted' })).toEqual(['vendor/hosting']);
  });

  it('vendor/license takes the model’s licence when the stack omits it, and policies may name categories', () => {
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o' }, { allowed_licenses: ['permissive'] })).toEqual(['vendor/license']);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'mistral-7b' }, { allowed_licenses: ['permissive'] })).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'llama-3-1' }, { allowed_licenses: ['Apache-2.0', 'open-weights-restricted'] })).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', license: 'MIT' }, { allowed_licenses: ['permissive'] })).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', license: 'internal' }, { allowed_licenses: ['permissive'] })).toEqual(['vendor/license']);
    expect(vendorRules(chatbot, { family: 'transformer' }, { allowed_licenses: ['permissive'] })).toEqual(['vendor/license']);
  });

  it('vendor/license: a declared licence must be the catalogued model’s, whatever the policy', () => {
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o', license: 'MIT' }, {})).toEqual(['vendor/license']);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'gpt-4o', license: 'Proprietary' }, {})).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'mistral-7b', license: 'apache-2.0' }, {})).toEqual([]);
  });

  it('a private model added by an overlay passes', () => {
    const overlay = 'models:\n  - id: acme-support-llm\n    name: Acme Support LLM\n    vendor: Acme\n    family: transformer\n    modalities: [text]\n    tasks: [conversation]\n    license: internal\n    license_category: proprietary\n    open_weights: false\n    hosting: [self-hosted]\n';
    const k = applyOverlays(knowledge, [{ file: 'team.yaml', text: overlay }]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'acme-support-llm' }, undefined, k)).toEqual([]);
    expect(vendorRules(chatbot, { family: 'transformer', model: 'acme-support-llm' })).toEqual(['vendor/model-unknown']);
  });
});

describe('check on the command line', () => {
  const dir = tempDir();
  const stack = ['version: 1', 'policy:', '  require_checklist: false', 'use_cases:', '  - id: visuals', '    profile: { use_case: marketing-visuals }', '    choice:', '      family: diffusion', '      model: gpt-4o', ''].join('\n');

  it('fails family: diffusion with model: gpt-4o with vendor/model-family at the model’s line', async () => {
    writeFileSync(join(dir, 'genai-stack.yaml'), stack);
    const { code, stdout } = await cli(['check'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/genai-stack\.yaml:9:14 +error +vendor\/model-family\s+GPT-4o \(gpt-4o\) is a transformer/);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif'], dir)).stdout);
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'vendor/model-family').locations[0].physicalLocation.region).toEqual({ startLine: 9, startColumn: 14 });
  });

  it('passes a private model from an overlay, and renders an unknown one as info in every format', async () => {
    const file = join(dir, 'private.yaml');
    writeFileSync(file, stack.replace('family: diffusion', 'family: diffusion\n      hosting: self-hosted').replace('gpt-4o', 'acme-brand-diffusion'));
    writeFileSync(join(dir, 'team.yaml'), 'models:\n  - id: acme-brand-diffusion\n    name: Acme brand diffusion (SDXL fine-tune)\n    vendor: Acme\n    family: diffusion\n    modalities: [image]\n    tasks: [generate]\n    license: CreativeML OpenRAIL++-M\n    license_category: open-weights-restricted\n    open_weights: true\n    hosting: [self-hosted]\n');
    const passing = await cli(['check', 'private.yaml', '--knowledge', 'team.yaml'], dir);
    expect(passing.stdout).toBe('✓ 1 use case checked: 1 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(passing.code).toBe(0);
    const formats: Record<string, RegExp> = {
      text: /info +vendor\/model-unknown/,
      github: /^::notice file=private\.yaml,line=10,col=14,title=vendor\/model-unknown/m,
      sarif: /"level": "note"/,
      junit: /<system-out>.*info: model &quot;acme-brand-diffusion&quot;|<system-out>.*info: model "acme-brand-diffusion"/,
      markdown: /ℹ️ info \| `vendor\/model-unknown`/,
      json: /"level": "info"/,
    };
    for (const [format, pattern] of Object.entries(formats)) {
      const result = await cli(['check', 'private.yaml', '--format', format], dir);
      expect(result.code, format).toBe(0);
      expect(result.stdout, format).toMatch(pattern);
    }
  });
});
