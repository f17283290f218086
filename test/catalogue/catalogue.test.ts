import { describe, expect, it } from 'vitest';
import { examplesFor, filterModels, findModel, licenseAllowed } from '../../src/catalogue/filter.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { applyOverlays, mergeOverlays } from '../../src/knowledge/compile.js';
import { familyIds, LICENSE_CATEGORIES } from '../../src/knowledge/types.js';
import { compileDiagnostics, diagnosticsOf, mutate, positionOf } from '../knowledge/helpers.js';

const choices = (key: string) => k.questions.find((q) => q.key === key)!.choices!.map((c) => c.value);

describe('the built-in model catalogue', () => {
  it('holds at least 60 models over every family and modality, dated as of 2026-11-30', () => {
    expect(k.as_of).toBe('2026-11-30');
    expect(k.models.length).toBeGreaterThanOrEqual(60);
    expect(new Set(k.models.map((m) => m.family))).toEqual(new Set(familyIds(k)));
    expect(new Set(k.models.flatMap((m) => m.modalities))).toEqual(new Set(choices('modality')));
    expect(new Set(k.models.map((m) => m.id)).size).toBe(k.models.length);
  });

  it('covers the models the issue names', () => {
    const ids = [
      'gpt-4o', 'o3', 'claude-sonnet-4-5', 'gemini-2-5-pro', 'llama-3-1', 'mistral-7b', 'mixtral-8x7b', 'qwen3', 'deepseek-r1',
      'stable-diffusion-xl', 'stable-diffusion-3-5-large', 'flux-1-dev', 'dall-e-3', 'imagen-3', 'stylegan2-ada', 'real-esrgan',
      'sora', 'veo-3', 'hifi-gan', 'waveglow', 'wavenet', 'musicgen', 'stable-audio-open', 'ctgan', 'tvae', 'tabddpm', 'timegan',
    ];
    for (const id of ids) expect(findModel(k, id), id).toBeDefined();
  });

  it('gives every entry what the issue asks for, with values the knowledge knows', () => {
    for (const m of k.models) {
      expect(m.name && m.vendor && m.license, m.id).toBeTruthy();
      expect(LICENSE_CATEGORIES, m.id).toContain(m.license_category);
      expect(m.source, m.id).toMatch(/^https:\/\//);
      for (const t of m.tasks) expect(choices('task'), m.id).toContain(t);
      if (m.released !== undefined) expect(m.released, m.id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      if (m.license === 'proprietary') expect(m.open_weights, m.id).toBe(false);
      if (m.successor !== undefined) expect(findModel(k, m.successor), m.id).toBeDefined();
      if (m.also?.length) expect(m.family_note, `${m.id} spans families and says why it is filed where it is`).toBeTruthy();
    }
  });

  it('files rectified-flow image models under diffusion and says why', () => {
    for (const id of ['stable-diffusion-3-5-large', 'flux-1-dev']) {
      const m = findModel(k, id)!;
      expect(m.family).toBe('diffusion');
      expect(m.family_note).toMatch(/flow/i);
    }
  });
});

describe('catalogue mistakes fail the build with file:line:col', () => {
  const text = (files: ReturnType<typeof mutate>) => files.find((f) => f.file.endsWith('models.yaml'))!.text;

  it('an unknown task, with a did-you-mean', () => {
    const files = mutate('models.yaml', '    tasks: [synthetic-data]\n    license: BUSL-1.1\n    license_category: open-weights-restricted\n    open_weights: true\n    hosting: [self-hosted]\n    released: 2019-07\n    source: https://arxiv.org/abs/1907.00503\n    note: Trained', '    tasks: [synthetic-dta]\n    license: BUSL-1.1\n    license_category: open-weights-restricted\n    open_weights: true\n    hosting: [self-hosted]\n    released: 2019-07\n    source: https://arxiv.org/abs/1907.00503\n    note: Trained');
    const [problem, ...rest] = compileDiagnostics(files);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'knowledge/models.yaml', ...positionOf(text(files), 'synthetic-dta') });
    expect(problem!.message).toContain('unknown task "synthetic-dta". Did you mean "synthetic-data"?');
  });

  it('a duplicate id and a successor that does not exist', () => {
    const files = mutate('models.yaml', '  - id: gpt-4-1\n', '  - id: gpt-4o\n');
    const problems = compileDiagnostics(files);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^duplicate model id "gpt-4o" \(first at line \d+\)/),
      expect.stringContaining('successor "gpt-4-1" is not in the catalogue'),
    ]);
    expect(problems[0]).toMatchObject(positionOf(text(files), 'gpt-4o\n    name: GPT-4.1', 0));
  });

  it('a missing source in the built-in catalogue', () => {
    const files = mutate('models.yaml', '    source: https://openai.com/index/hello-gpt-4o/\n', '');
    expect(compileDiagnostics(files).map((p) => p.message)).toEqual(['models[0] is missing the required key "source"']);
  });
});

describe('overlays extend the catalogue by id', () => {
  const privateModel = [
    'models:',
    '  - id: acme-support-llm',
    '    name: Acme Support LLM',
    '    vendor: Acme (in-house)',
    '    family: transformer',
    '    modalities: [text]',
    '    tasks: [conversation, generate]',
    '    license: internal',
    '    license_category: proprietary',
    '    open_weights: false',
    '    hosting: [self-hosted]',
    '  - id: gpt-4o',
    '    note: Our contract covers EU data residency.',
    '',
  ].join('\n');

  it('adds a private model and patches one field of a built-in one', () => {
    const merged = applyOverlays(k, [{ file: 'team.yaml', text: privateModel }]);
    expect(merged.models).toHaveLength(k.models.length + 1);
    expect(findModel(merged, 'acme-support-llm')).toMatchObject({ family: 'transformer', hosting: ['self-hosted'] });
    expect(findModel(merged, 'gpt-4o')).toEqual({ ...findModel(k, 'gpt-4o'), note: 'Our contract covers EU data residency.' });
  });

  it('reports every problem of a broken overlay at its file:line:col', () => {
    const broken = ['models:', '  - id: acme-img', '    name: Acme Image', '    family: difusion', '    modalities: [imag]', '    successor: acme-img-2', ''].join('\n');
    const { diagnostics } = mergeOverlays(k, [{ file: 'team.yaml', text: broken }]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual([
      'team.yaml:2:5: model "acme-img" is not in the catalogue, so it needs vendor, family, tasks, license, license_category, open_weights, hosting',
      expect.stringMatching(/^team\.yaml:4:13: models\[0\]\.family is "difusion", which is not allowed\. Did you mean "diffusion"\?/),
      'team.yaml:5:18: unknown modality "imag". Did you mean "image"? Known: text, code, image, audio, video, tabular, time-series, 3d, multimodal',
      'team.yaml:6:16: successor "acme-img-2" is not in the catalogue.',
    ]);
    expect(diagnosticsOf(() => applyOverlays(k, [{ file: 'team.yaml', text: broken }]))).toHaveLength(4);
  });
});

describe('filters', () => {
  const ids = (filter: Parameters<typeof filterModels>[1]) => filterModels(k.models, filter).map((m) => m.id);

  it('by family, counting architectures that also belong to it', () => {
    expect(ids({ family: 'diffusion' })).toContain('sora');
    expect(ids({ family: 'diffusion' })).not.toContain('gpt-4o');
    expect(ids({ family: 'autoregressive' })).toEqual(expect.arrayContaining(['gpt-4o', 'musicgen']));
  });

  it('by modality, task, hosting and open weights together', () => {
    const found = ids({ family: 'diffusion', modality: 'image', openWeights: true, hosting: 'api' });
    expect(found).toEqual(expect.arrayContaining(['stable-diffusion-xl', 'flux-1-dev', 'flux-1-schnell']));
    expect(found).not.toContain('dall-e-3');
    expect(found).not.toContain('stable-diffusion-1-5');
    expect(ids({ modality: 'tabular', task: 'synthetic-data' })).toEqual(expect.arrayContaining(['ctgan', 'tvae', 'tabddpm']));
  });

  it('by licence name (any case) or category', () => {
    expect(ids({ license: 'apache-2.0' }).length).toBeGreaterThan(5);
    expect(filterModels(k.models, { license: 'permissive' }).every((m) => m.license_category === 'permissive')).toBe(true);
    expect(licenseAllowed('Apache-2.0', 'permissive', 'PERMISSIVE')).toBe(true);
    expect(licenseAllowed('Apache-2.0', 'permissive', 'MIT')).toBe(false);
  });

  it('keeps retired models out unless asked', () => {
    expect(ids({})).not.toContain('claude-3-5-sonnet');
    expect(ids({ includeRetired: true })).toContain('claude-3-5-sonnet');
  });

  it('names at most three examples, models filed under the family first', () => {
    const examples = examplesFor(k.models, 'transformer', { modality: 'text', task: 'conversation' });
    expect(examples).toHaveLength(3);
    expect(examples.every((m) => m.family === 'transformer' && !m.retired)).toBe(true);
    expect(examplesFor(k.models, 'diffusion', { modality: 'image', task: 'generate' }, { license: 'permissive' }).map((m) => m.id)).toEqual(['flux-1-schnell', 'wan-2-1']);
  });
});
