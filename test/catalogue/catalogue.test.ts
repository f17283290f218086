import { describe, expect, it } from 'vitest';
import { examplesFor, filterModels, findModel, licenseAllowed, primaryFamily } from '../../src/catalogue/filter.js';
import { statusOn } from '../../src/catalogue/lifecycle.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { applyOverlays, mergeOverlays } from '../../src/knowledge/compile.js';
import { familyIds, LICENSE_CATEGORIES } from '../../src/knowledge/types.js';
import { compileDiagnostics, diagnosticsOf, mutate, positionOf } from '../knowledge/helpers.js';

const choices = (key: string) => k.questions.find((q) => q.key === key)!.choices!.map((c) => c.value);

describe('the built-in model catalogue', () => {
  it('holds at least 115 models over every family and modality, audited as of 2026-12-04', () => {
    expect(k.as_of).toBe('2026-12-04');
    expect(k.models.length).toBeGreaterThanOrEqual(115);
    expect(new Set(k.models.map(primaryFamily))).toEqual(new Set(familyIds(k)));
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
      expect(m.sources?.length, m.id).toBeGreaterThan(0);
      for (const url of m.sources ?? []) expect(url, m.id).toMatch(/^https:\/\//);
      expect(['allowed', 'restricted', 'no'], m.id).toContain(m.commercial_use);
      expect(m.verified, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const t of m.tasks) expect(choices('task'), m.id).toContain(t);
      if (m.released !== undefined) expect(m.released, m.id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      if (m.license === 'proprietary') expect(m.open_weights, m.id).toBe(false);
      if (m.replacement !== undefined) expect(findModel(k, m.replacement)?.status, m.id).toBe('active');
      if (m.families.length > 1) expect(m.family_note, `${m.id} spans families and says why it is filed where it is`).toBeTruthy();
    }
  });

  it('files rectified-flow models under diffusion and flow, and says why', () => {
    for (const id of ['stable-diffusion-3-5-large', 'flux-1-dev', 'flux-2-dev', 'wan-2-1', 'wan-2-2', 'hunyuanvideo', 'hunyuan3d-2']) {
      const m = findModel(k, id)!;
      expect(m.families.slice(0, 2), id).toEqual(['diffusion', 'flow']);
      expect(m.family_note, id).toMatch(/flow/i);
    }
  });

  it('knows the shutdowns vendors announced, as of the audit', () => {
    const on = (id: string) => statusOn(findModel(k, id)!, '2026-12-04');
    for (const id of ['dall-e-3', 'sora', 'o1', 'o4-mini', 'claude-opus-4-1', 'gemini-2-5-pro', 'gemini-2-5-flash', 'veo-3', 'imagen-3']) expect(on(id), id).toBe('retired');
    for (const id of ['gpt-5', 'o3']) expect(findModel(k, id)).toMatchObject({ status: 'deprecated', shutdown: '2026-12-11' });
    for (const id of ['gpt-4o', 'gpt-4-1']) expect(findModel(k, id)).toMatchObject({ status: 'deprecated', shutdown: '2027-01-14', replacement: 'gpt-6-luna' });
    expect(findModel(k, 'whisper')!.routes).toEqual([expect.objectContaining({ hosting: 'api', shutdown: '2027-02-26' })]);
    expect(findModel(k, 'whisper')!.status).toBe('active');
  });

  it('adds at least 25 models released in 2025-26 across every modality', () => {
    const recent = k.models.filter((m) => (m.released ?? '2025') >= '2025' && m.verified === '2026-12-04');
    expect(recent.length).toBeGreaterThanOrEqual(25);
    for (const modality of ['text', 'code', 'image', 'video', 'audio', '3d', 'tabular', 'time-series']) {
      expect(recent.some((m) => m.modalities.includes(modality) && m.released?.startsWith('202') && m.released >= '2025'), modality).toBe(true);
    }
  });

  it('says what CTGAN\'s BUSL restricts, and no more', () => {
    expect(findModel(k, 'ctgan')).toMatchObject({ commercial_use: 'restricted', commercial_note: expect.stringMatching(/service to third parties.*MIT four years/) });
  });
});

describe('catalogue mistakes fail the build with file:line:col', () => {
  const text = (files: ReturnType<typeof mutate>) => files.find((f) => f.file.endsWith('models.yaml'))!.text;

  it('an unknown task, with a did-you-mean', () => {
    const files = mutate('models.yaml', '    families: [gan]\n    modalities: [tabular]\n    tasks: [synthetic-data]\n', '    families: [gan]\n    modalities: [tabular]\n    tasks: [synthetic-dta]\n');
    const [problem, ...rest] = compileDiagnostics(files);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'knowledge/models.yaml', ...positionOf(text(files), 'synthetic-dta') });
    expect(problem!.message).toContain('unknown task "synthetic-dta". Did you mean "synthetic-data"?');
  });

  it('a duplicate id', () => {
    const files = mutate('models.yaml', '  - id: gpt-image-1\n', '  - id: gpt-4o\n');
    const problems = compileDiagnostics(files);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^duplicate model id "gpt-4o" \(first at line \d+\)/)]);
    expect(problems[0]).toMatchObject(positionOf(text(files), 'gpt-4o\n    name: GPT Image 1', 0));
  });

  it('missing sources in the built-in catalogue', () => {
    const files = mutate('models.yaml', '    sources:\n      - https://openai.com/index/hello-gpt-4o/\n      - https://developers.openai.com/api/docs/deprecations\n      - https://codersera.com/blog/gpt-4o-gpt-4-1-api-shutdown-migration-2026/\n', '');
    expect(compileDiagnostics(files).map((p) => p.message)).toEqual(['models[0] is missing the required key "sources"']);
  });

  it('an invalid date, a shutdown before the release, and a retired replacement, each where it is written', () => {
    const gpt4o = '    released: 2024-05-13\n    status: deprecated\n    shutdown: 2027-01-14\n';
    let files = mutate('models.yaml', gpt4o, gpt4o.replace('2027-01-14', '2027-02-30'));
    let [problem] = compileDiagnostics(files);
    expect(problem).toMatchObject({ ...positionOf(text(files), '2027-02-30'), message: 'shutdown "2027-02-30" of model "gpt-4o" is not a calendar date; give YYYY-MM-DD' });

    files = mutate('models.yaml', gpt4o, gpt4o.replace('2027-01-14', '2024-01-14'));
    [problem] = compileDiagnostics(files);
    expect(problem).toMatchObject({ ...positionOf(text(files), '2024-01-14'), message: 'model "gpt-4o" shuts down (2024-01-14) before it was released (2024-05-13)' });

    files = mutate('models.yaml', '    shutdown: 2027-01-14\n    replacement: gpt-6-luna\n    verified: 2026-12-04\n    sources:\n      - https://openai.com/index/hello-gpt-4o/', '    shutdown: 2027-01-14\n    replacement: o1\n    verified: 2026-12-04\n    sources:\n      - https://openai.com/index/hello-gpt-4o/');
    [problem] = compileDiagnostics(files);
    expect(problem).toMatchObject({ ...positionOf(text(files), 'o1\n'), message: 'replacement "o1" is retired itself; name an active model' });
  });
});

describe('overlays extend the catalogue by id', () => {
  const privateModel = [
    'models:',
    '  - id: acme-support-llm',
    '    name: Acme Support LLM',
    '    vendor: Acme (in-house)',
    '    families: [transformer]',
    '    modalities: [text]',
    '    tasks: [conversation, generate]',
    '    license: internal',
    '    license_category: proprietary',
    '    commercial_use: allowed',
    '    open_weights: false',
    '    hosting: [self-hosted]',
    '    status: active',
    '  - id: gpt-4o',
    '    note: Our contract covers EU data residency.',
    '',
  ].join('\n');

  it('adds a private model and patches one field of a built-in one', () => {
    const merged = applyOverlays(k, [{ file: 'team.yaml', text: privateModel }]);
    expect(merged.models).toHaveLength(k.models.length + 1);
    expect(findModel(merged, 'acme-support-llm')).toMatchObject({ families: ['transformer'], hosting: ['self-hosted'] });
    expect(findModel(merged, 'gpt-4o')).toEqual({ ...findModel(k, 'gpt-4o'), note: 'Our contract covers EU data residency.' });
  });

  it('reports every problem of a broken overlay at its file:line:col', () => {
    const broken = ['models:', '  - id: acme-img', '    name: Acme Image', '    families: [difusion]', '    modalities: [imag]', '    replacement: acme-img-2', ''].join('\n');
    const { diagnostics } = mergeOverlays(k, [{ file: 'team.yaml', text: broken }]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual([
      'team.yaml:2:5: model "acme-img" is not in the catalogue, so it needs vendor, families, tasks, license, license_category, commercial_use, open_weights, hosting, status',
      expect.stringMatching(/^team\.yaml:4:16: models\[0\]\.families\[0\] is "difusion", which is not allowed\. Did you mean "diffusion"\?/),
      'team.yaml:5:18: unknown modality "imag". Did you mean "image"? Known: text, code, image, audio, video, tabular, time-series, 3d, multimodal',
      'team.yaml:6:18: replacement "acme-img-2" is not in the catalogue.',
    ]);
    expect(diagnosticsOf(() => applyOverlays(k, [{ file: 'team.yaml', text: broken }]))).toHaveLength(4);
  });
});

describe('filters', () => {
  const ids = (filter: Parameters<typeof filterModels>[1]) => filterModels(k.models, filter).map((m) => m.id);

  it('by family, counting architectures that also belong to it', () => {
    expect(ids({ family: 'diffusion' })).toContain('wan-2-2');
    expect(ids({ family: 'flow' })).toContain('wan-2-2');
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

  it('keeps retired models out unless asked, judging shutdowns by today', () => {
    expect(ids({})).not.toContain('claude-3-5-sonnet');
    expect(ids({ statuses: ['retired'] })).toContain('claude-3-5-sonnet');
    expect(ids({ today: '2026-12-10' })).toContain('gpt-5');
    expect(ids({ today: '2026-12-11' })).not.toContain('gpt-5');
    expect(ids({ today: '2026-12-11', statuses: ['retired'] })).toContain('gpt-5');
  });

  it('drops a hosting whose routes have all ended', () => {
    expect(ids({ hosting: 'api', today: '2027-02-25' })).toContain('whisper');
    expect(ids({ hosting: 'api', today: '2027-02-26' })).not.toContain('whisper');
    expect(ids({ hosting: 'self-hosted', today: '2027-02-26' })).toContain('whisper');
  });

  it('names at most three examples, models filed under the family first', () => {
    const examples = examplesFor(k.models, 'transformer', { modality: 'text', task: 'conversation' });
    expect(examples).toHaveLength(3);
    expect(examples.every((m) => primaryFamily(m) === 'transformer' && statusOn(m, undefined) === 'active')).toBe(true);
    // Made for images first (Wan 2.1 also makes images), newest first.
    expect(examplesFor(k.models, 'diffusion', { modality: 'image', task: 'generate' }, { license: 'permissive' }).map((m) => m.id)).toEqual(['flux-2-klein-4b', 'qwen-image', 'flux-1-schnell']);
  });
});
