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
    expect(levels).toMatchObject({ 'vendor/model-unknown': 'info', 'vendor/model-family': 'error', 'vendor/model-modality': 'error', 'vendor/model-retired': 'error', 'vendor/model-deprecated': 'warning', 'catalogue/stale': 'warning' });
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

  it('vendor/model-retired: a model shut down as of today, an error with the date and the replacement', () => {
    const found = findings(chatbot, { family: 'transformer', model: 'claude-opus-4-1' }).filter((f) => f.rule.startsWith('vendor/'));
    expect(found).toEqual([expect.objectContaining({ rule: 'vendor/model-retired', level: 'error' })]);
    expect(found[0]!.message).toBe("Claude Opus 4.1 (claude-opus-4-1) was shut down by Anthropic on 2026-08-05; the vendor's replacement is Claude Opus 5.5 (claude-opus-5-5)");
    expect(vendorRules(chatbot, { family: 'transformer', model: 'claude-opus-5-5' })).toEqual([]);
  });

  it('judges a shutdown by --as-of: deprecated far ahead, a warning with the days left within 90 days, an error after', () => {
    const on = (today: string) => check(stackText([useCase({ profile: chatbot, choice: { family: 'transformer', model: 'gpt-4o', vendor: undefined, hosting: undefined, license: undefined } })]), { today }).findings.filter((f) => f.rule.startsWith('vendor/model-'));
    expect(on('2026-10-15')).toEqual([]);
    const soon = on('2026-12-04');
    expect(soon).toEqual([expect.objectContaining({ rule: 'vendor/model-deprecated', level: 'warning' })]);
    expect(soon[0]!.message).toBe("GPT-4o (gpt-4o) shuts down on 2027-01-14, 41 days from 2026-12-04; the vendor's replacement is GPT-6 Luna (gpt-6-luna)");
    expect(on('2027-01-14')).toEqual([expect.objectContaining({ rule: 'vendor/model-retired', level: 'error' })]);
  });

  it('a deprecated model warns, and fails only under --strict', () => {
    const text = stackText([useCase({ profile: chatbot, choice: { family: 'transformer', model: 'gpt-5', vendor: undefined, hosting: undefined, license: undefined } })]);
    const result = check(text, { today: '2026-12-04' });
    expect(result.findings.filter((f) => f.rule.startsWith('vendor/')).map((f) => f.message)).toEqual([expect.stringContaining('shuts down on 2026-12-11, 7 days from 2026-12-04')]);
    expect(check(text, { today: '2026-12-04', strict: true }).summary.failed).toBe(1);
  });

  it('a hosting route has a lifecycle of its own: the whisper-1 API, not the MIT weights', () => {
    const speech = { modality: 'audio', task: 'generate', latency: 'batch', data: 'moderate', compute: 'medium', priorities: {} };
    const on = (today: string, hosting: string) => check(stackText([useCase({ profile: speech, choice: { family: 'transformer', model: 'whisper', vendor: undefined, hosting, license: undefined } })]), { today }).findings.filter((f) => f.rule.startsWith('vendor/model-'));
    expect(on('2026-12-04', 'api').map((f) => [f.rule, f.message])).toEqual([['vendor/model-deprecated', expect.stringContaining('the api route of Whisper (whisper) (OpenAI API (whisper-1)) shuts down on 2027-02-26, 84 days from 2026-12-04')]]);
    expect(on('2027-02-26', 'api').map((f) => f.rule)).toEqual(['vendor/model-retired']);
    expect(on('2027-02-26', 'self-hosted')).toEqual([]);
  });

  it('catalogue/stale: once, when the catalogue was checked more than 90 days before today', () => {
    const text = stackText([useCase({ profile: chatbot, choice: { family: 'transformer', model: 'mistral-7b' } }), useCase({ id: 'two', profile: chatbot, choice: { family: 'transformer', model: 'mistral-7b' } })]);
    expect(check(text, { today: '2027-03-04' }).findings.filter((f) => f.rule === 'catalogue/stale')).toEqual([]);
    const stale = check(text, { today: '2027-03-05' }).findings.filter((f) => f.rule === 'catalogue/stale');
    expect(stale).toEqual([expect.objectContaining({ level: 'warning', index: 0 })]);
    expect(stale[0]!.message).toContain('the model catalogue was checked on 2026-12-04, 91 days before 2027-03-05');
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
    const overlay = 'models:\n  - id: acme-support-llm\n    name: Acme Support LLM\n    vendor: Acme\n    families: [transformer]\n    modalities: [text]\n    tasks: [conversation]\n    license: internal\n    license_category: proprietary\n    commercial_use: allowed\n    open_weights: false\n    hosting: [self-hosted]\n    status: active\n';
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
    writeFileSync(join(dir, 'team.yaml'), 'models:\n  - id: acme-brand-diffusion\n    name: Acme brand diffusion (SDXL fine-tune)\n    vendor: Acme\n    families: [diffusion]\n    modalities: [image]\n    tasks: [generate]\n    license: CreativeML OpenRAIL++-M\n    license_category: open-weights-restricted\n    commercial_use: restricted\n    open_weights: true\n    hosting: [self-hosted]\n    status: active\n');
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

describe('lifecycle findings on the command line, in every format', () => {
  const dir = tempDir();
  const stack = (model: string) => ['version: 1', 'policy:', '  require_checklist: false', 'use_cases:', '  - id: chat', '    profile: { use_case: customer-support-chatbot }', '    choice:', '      family: transformer', `      model: ${model}`, ''].join('\n');

  it.each([
    ['claude-opus-4-1', 'vendor/model-retired', 1, { text: /error vendor\/model-retired Claude Opus 4\.1 \(claude-opus-4-1\) was shut down by Anthropic on 2026-08-05; the vendor's replacement is Claude Opus 5\.5/, github: /::error file=genai-stack\.yaml,line=9,col=14,title=vendor\/model-retired \(chat\)::.*2026-08-05/, sarif: /"ruleId": "vendor\/model-retired", "ruleIndex": \d+, "level": "error"/, junit: /<failure message="Claude Opus 4\.1 \(claude-opus-4-1\) was shut down/, markdown: /`vendor\/model-retired`/, json: /"rule": "vendor\/model-retired"/ }],
    ['gpt-5', 'vendor/model-deprecated', 0, { text: /warning vendor\/model-deprecated GPT-5 \(gpt-5\) shuts down on 2026-12-11, 7 days from 2026-12-04/, github: /::warning file=genai-stack\.yaml,line=9,col=14,title=vendor\/model-deprecated \(chat\)::.*7 days from 2026-12-04/, sarif: /"ruleId": "vendor\/model-deprecated", "ruleIndex": \d+, "level": "warning"/, junit: /vendor\/model-deprecated[\s\S]*7 days from 2026-12-04/, markdown: /`vendor\/model-deprecated`.*7 days/, json: /"rule": "vendor\/model-deprecated"/ }],
  ])('%s: %s', async (model, _rule, exit, formats) => {
    writeFileSync(join(dir, 'genai-stack.yaml'), stack(model));
    for (const [format, pattern] of Object.entries(formats)) {
      const result = await cli(['check', '--format', format, '--as-of', '2026-12-04'], dir);
      expect(result.code, format).toBe(exit);
      expect(result.stdout.replace(/\s+/g, ' '), format).toMatch(pattern);
    }
    if (exit === 0) expect((await cli(['check', '--strict', '--as-of', '2026-12-04'], dir)).code).toBe(1);
  });
});
