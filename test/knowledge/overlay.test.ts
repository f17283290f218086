import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays, mergeOverlays } from '../../src/knowledge/compile.js';
import { familyIds } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { parsePriorities } from '../../src/profile/priorities.js';
import { NEUTRAL_RATING, ratingMatrix } from '../../src/scoring/score.js';
import { rankFamilies } from '../../src/scoring/rank.js';
import { diagnosticsOf } from './helpers.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const overlay = (file: string, text: string) => ({ file, text });
const fixture = (name: string) => overlay(`fixtures/${name}`, readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));
const apply = (...files: Array<{ file: string; text: string }>) => applyOverlays(builtinKnowledge, files);

describe('applyOverlays merges by id', () => {
  it('changes only what the overlay names, keeping the rest of a family', () => {
    const k = apply(overlay('o.yaml', 'families:\n  diffusion:\n    summary: Our own summary.\n    ratings: { stability: 3 }\n'));
    const before = builtinKnowledge.families.diffusion;
    const after = k.families.diffusion;
    expect(after.summary).toBe('Our own summary.');
    expect(after.ratings.stability).toEqual({ value: 3 });
    expect(after.ratings.quality).toEqual(before.ratings.quality);
    expect(after.how_it_works).toBe(before.how_it_works);
    expect(after.modalities).toEqual(before.modalities);
    for (const id of FAMILY_IDS.filter((f) => f !== 'diffusion')) expect(k.families[id]).toEqual(builtinKnowledge.families[id]);
    expect(k.criteria).toEqual(builtinKnowledge.criteria);
  });

  it('lets later files win, per key', () => {
    const k = apply(
      overlay('first.yaml', 'families:\n  gan:\n    ratings: { quality: 2, speed: 3 }\n'),
      overlay('second.yaml', 'families:\n  gan:\n    ratings: { quality: 5 }\n'),
    );
    expect(k.families.gan.ratings.quality!.value).toBe(5);
    expect(k.families.gan.ratings.speed!.value).toBe(3);
  });

  it('replaces a governance item with the same id and appends a new one', () => {
    const first = builtinKnowledge.governance[0]!;
    const item = (id: string, title: string) =>
      `  - id: ${id}\n    area: ${first.area}\n    title: ${title}\n    why: Because.\n    actions: [Do it]\n    evidence: [Proof]\n    severity: recommended\n    references: ${JSON.stringify(first.references)}\n`;
    const k = apply(
      overlay('a.yaml', `governance:\n${item(first.id, 'Replaced once')}${item('vendor-dpa', 'Sign a DPA')}`),
      overlay('b.yaml', `governance:\n${item(first.id, 'Replaced twice')}`),
    );
    expect(k.governance).toHaveLength(builtinKnowledge.governance.length + 1);
    expect(k.governance[0]).toMatchObject({ id: first.id, title: 'Replaced twice' });
    expect(k.governance.at(-1)).toMatchObject({ id: 'vendor-dpa', title: 'Sign a DPA' });
  });

  it('merges criteria, use cases and sources field by field too', () => {
    const k = apply(
      overlay('o.yaml', 'criteria:\n  quality: { label: Fidelity, description: How real it looks. }\nuse_cases:\n  fraud-detection: { title: Card fraud, description: Flags card fraud., answers: { modality: tabular, task: anomaly-detection } }\n'),
    );
    expect(k.criteria.quality).toEqual({ ...builtinKnowledge.criteria.quality, label: 'Fidelity', description: 'How real it looks.' });
    // Relabelling must not reset the default importance, or every ranking would move.
    expect(k.criteria.quality!.default_level).toBe(builtinKnowledge.criteria.quality!.default_level);
    expect(k.use_cases['fraud-detection']!.seed_families).toEqual(builtinKnowledge.use_cases['fraud-detection']!.seed_families);
    expect(k.use_cases['fraud-detection']!.answers).toEqual({ modality: 'tabular', task: 'anomaly-detection' });
  });

  it('gives a new criterion importance none until someone asks for it', () => {
    const k = apply(overlay('o.yaml', 'criteria:\n  carbon: { label: Carbon, description: Emissions per sample. }\n'));
    expect(k.criteria.carbon).toMatchObject({ id: 'carbon', default_level: 'none' });
  });

  it('returns the built-in knowledge untouched when there is no overlay', () => {
    expect(apply()).toBe(builtinKnowledge);
  });
});

describe('an overlay may add a criterion', () => {
  const k = apply(fixture('good-overlay.yaml'));

  it('counts families without a rating for it as neutral', () => {
    const matrix = ratingMatrix(k, "image", "generate");
    expect(matrix.gan['latency-slo']).toBe(5);
    expect(matrix.diffusion['latency-slo']).toBe(1);
    for (const id of FAMILY_IDS.filter((f) => f !== 'gan' && f !== 'diffusion')) expect(matrix[id]['latency-slo']).toBe(NEUTRAL_RATING);
  });

  it('can be prioritised, and then moves the ranking', () => {
    const priorities = parsePriorities(['latency-slo=high'], Object.keys(k.criteria));
    const profile = completeProfile(k, mergeAnswers(k, [{ modality: 'image', task: 'generate', priorities }]));
    const plain = rankFamilies(k, completeProfile(k, mergeAnswers(k, [{ modality: 'image', task: 'generate' }])));
    const { ranking, plan } = rankFamilies(k, profile);
    expect(plan.weights['latency-slo']).toBeGreaterThan(0);
    expect(plain.plan.weights['latency-slo']).toBe(0);
    expect(plain.ranking[0]!.family).toBe('diffusion');
    expect(ranking[0]!.family).toBe('gan');
    const slo = ranking.find((r) => r.family === 'gan')!.contributions.find((c) => c.criterion === 'latency-slo');
    expect(slo).toMatchObject({ rating: 5 });
  });

  it('can be a hard requirement: neutral families fall out with a reason', () => {
    const profile = completeProfile(k, mergeAnswers(k, [{ modality: 'image', task: 'generate', require: ['latency-slo'] }]));
    const { ranking, ruledOut } = rankFamilies(k, profile);
    expect(ranking[0]!.family).toBe('gan');
    const vae = ruledOut.find((r) => r.family === 'vae')!;
    expect(vae.eligible).toBe(false);
    expect(vae.knockouts.map((ko) => ko.criterion)).toContain('latency-slo');
    expect(vae.knockouts.find((ko) => ko.criterion === 'latency-slo')!.reason).toMatch(/^latency slo too low \(latency-slo 3, you require 4\)$/);
  });
});

describe('the knowledge digest', () => {
  it('changes with an overlay and is the same for the same overlay', () => {
    const a = apply(fixture('good-overlay.yaml'));
    const b = apply(fixture('good-overlay.yaml'));
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sha256).not.toBe(builtinKnowledge.sha256);
    expect(b.sha256).toBe(a.sha256);
  });

  it('depends on content, not on the overlay file name or layout', () => {
    const a = apply(overlay('one.yaml', 'families:\n  gan:\n    ratings: { quality: 3 }\n'));
    const b = apply(overlay('two.yaml', 'families:\n  gan:\n    ratings:\n      quality: 3 # the same, written longhand\n'));
    expect(b.sha256).toBe(a.sha256);
  });
});

describe('a broken overlay reports every problem with file:line:col', () => {
  it('schema and cross-reference problems together, in file order', () => {
    const problems = diagnosticsOf(() => apply(fixture('broken-overlay.yaml')));
    expect(problems.map((d) => `${d.file}:${d.line}:${d.col}`)).toEqual([
      'fixtures/broken-overlay.yaml:5:14',
      'fixtures/broken-overlay.yaml:7:16',
      'fixtures/broken-overlay.yaml:8:7',
      'fixtures/broken-overlay.yaml:9:36',
      'fixtures/broken-overlay.yaml:11:7',
      'fixtures/broken-overlay.yaml:12:3',
      'fixtures/broken-overlay.yaml:15:16',
    ]);
    const messages = problems.map((d) => d.message);
    expect(messages[0]).toBe('families.diffusion.summary must be text, not 42');
    expect(messages[1]).toBe('families.diffusion.ratings.quality is 7; it must be at most 5');
    expect(messages[2]).toMatch(/^unknown criterion "qualty"\. Did you mean "quality"\?/);
    expect(messages[3]).toMatch(/^unknown source key "DDPMM"\. Did you mean "DDPM"\?/);
    expect(messages[4]).toMatch(/^unknown modality "smell"\. Known: text, code, image/);
    expect(messages[5]).toMatch(/^unknown key "difusion" in families\. Did you mean "diffusion"\?/);
    expect(messages[6]).toBe('criteria.latency-slo is missing the required key "description"');
  });

  it('problems from several files, each with its own file name', () => {
    const problems = diagnosticsOf(() =>
      apply(overlay('a.yaml', 'families:\n  gan:\n    ratings: { speed: six }\n'), overlay('b.yaml', 'criteria:\n  quality: { label: 5, description: x }\n')),
    );
    expect(problems.map((d) => `${d.file}:${d.line}:${d.col}`)).toEqual(['a.yaml:3:23', 'b.yaml:2:21']);
  });

  it('a node that breaks the schema does not hide a problem beside it', () => {
    const problems = diagnosticsOf(() => apply(overlay('o.yaml', 'families:\n  gan:\n    ratings:\n      speed: { value: 6, sources: [HIFI-GAN] }\n')));
    expect(problems.map((d) => `${d.line}:${d.col} ${d.message.slice(0, 40)}`)).toEqual([
      '4:23 families.gan.ratings.speed.value is 6; i',
      '4:36 unknown source key "HIFI-GAN". Did you m',
    ]);
  });

  it('a missing required field is reported once, without echoes', () => {
    const problems = diagnosticsOf(() => apply(overlay('o.yaml', 'use_cases:\n  my-case: { title: Mine, description: Ours., sources: [NOPE] }\n')));
    expect(problems.map((d) => d.message)).toEqual([
      'use case "my-case" is not a built-in preset, so it needs answers',
      expect.stringMatching(/^unknown source key "NOPE"/),
    ]);
  });

  it('parse errors of one file do not hide schema errors of another', () => {
    const problems = diagnosticsOf(() => apply(overlay('a.yaml', 'families:\n\tgan: {}\n'), overlay('b.yaml', 'familys: {}\n')));
    expect(problems.map((d) => d.file)).toEqual(['a.yaml', 'b.yaml']);
    expect(problems[1]!.message).toMatch(/unknown key "familys".*Did you mean "families"\?/);
  });

  it.each([
    ['an empty file', '', /file is empty/],
    ['a list instead of a mapping', '- gan\n', /the file must be a mapping, not a list of 1 item/],
    ['a use case naming an unknown modality', 'use_cases:\n  x:\n    title: X\n    description: Y\n    answers: { modality: smell }\n', /"smell", which is not allowed/],
    ['a governance condition on an unknown key', `governance:\n  - id: x\n    area: ${builtinKnowledge.governance[0]!.area}\n    title: X\n    why: Y\n    actions: [A]\n    evidence: [E]\n    severity: required\n    when: { colour: blue }\n    references: ${JSON.stringify(builtinKnowledge.governance[0]!.references)}\n`, /colour/],
  ])('%s', (_label, text, message) => {
    const problems = diagnosticsOf(() => apply(overlay('o.yaml', text)));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((d) => d.file === 'o.yaml' && d.line >= 1 && d.col >= 1)).toBe(true);
    expect(problems.map((d) => d.message).join('\n')).toMatch(message);
  });

  it('mergeOverlays returns the problems instead of throwing', () => {
    const { diagnostics } = mergeOverlays(builtinKnowledge, [fixture('broken-overlay.yaml')]);
    expect(diagnostics).toHaveLength(7);
    expect(mergeOverlays(builtinKnowledge, [fixture('good-overlay.yaml')]).diagnostics).toEqual([]);
  });

  it('keeps terminal escape sequences in overlay text exact: each output escapes them its own way (test/reliability/output-text.test.ts)', () => {
    const k = apply(overlay('o.yaml', 'families:\n  gan:\n    summary: "\\e[31mred\\e]0;title\\a text"\n'));
    expect(k.families.gan.summary).toBe('\u001b[31mred\u001b]0;title\u0007 text');
  });

  it('changes only the title of a built-in preset: presets merge field by field', () => {
    const k = apply(overlay('o.yaml', 'use_cases:\n  code-assistant:\n    title: Our code helper\n'));
    expect(k.use_cases['code-assistant']!.title).toBe('Our code helper');
    expect(k.use_cases['code-assistant']!.answers).toEqual(builtinKnowledge.use_cases['code-assistant']!.answers);
  });
});

describe('an overlay can set a family’s task fit', () => {
  it('overall or for one modality, keeping the other per-modality fits, and the ranking follows', () => {
    const before = builtinKnowledge.families['energy-based'].tasks['anomaly-detection']!;
    const k = apply(overlay('tasks.yaml', 'families:\n  energy-based:\n    tasks:\n      anomaly-detection:\n        value: 2\n        modalities:\n          tabular: { value: 5, why: "Our fraud benchmark", sources: [BT] }\n'));
    const after = k.families['energy-based'].tasks['anomaly-detection']!;
    expect(after.value).toBe(2);
    expect(after.why).toBeUndefined();
    expect(after.modalities!.tabular).toEqual({ value: 5, why: 'Our fraud benchmark', sources: ['BT'] });
    expect(after.modalities!.image).toEqual(before.modalities!.image);
    const profile = completeProfile(k, mergeAnswers(k, [{ modality: 'tabular', task: 'anomaly-detection' }]));
    expect(rankFamilies(k, profile).ranking.find((r) => r.family === 'energy-based')!.fit.value).toBe(5);
  });

  it('rejects an unknown task with a did-you-mean', () => {
    const { diagnostics } = mergeOverlays(builtinKnowledge, [overlay('bad.yaml', 'families:\n  gan:\n    tasks: { anomaly-detecton: 3 }\n')]);
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/unknown task "anomaly-detecton"\. Did you mean "anomaly-detection"\?/);
  });
});
