import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { compileKnowledge } from '../../src/knowledge/compile-builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { builtinFiles, compileDiagnostics, mutate, positionOf } from './helpers.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const GAN_QUALITY = `      quality: { value: 4, why: "The best GANs are sharp (StyleGAN2-ADA FID 2.42`;
const GAN_SPEED = `      speed: { value: 5, why: "One generator pass per sample`;

function familiesText(files: ReturnType<typeof builtinFiles>): string {
  return files.find((f) => f.file.endsWith('families.yaml'))!.text;
}

describe('compileKnowledge (the built-in knowledge base)', () => {
  it('compiles the shipped files into what build/knowledge.json holds', () => {
    const knowledge = compileKnowledge(builtinFiles());
    expect(knowledge.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(knowledge).toEqual(builtinKnowledge);
  });

  it('gives every family a rationale and sources for every rating and modality fit', () => {
    const modalities = builtinKnowledge.questions.find((q) => q.key === 'modality')!.choices!.map((c) => c.value);
    const rated = Object.keys(builtinKnowledge.criteria).filter((c) => c !== builtinKnowledge.modality_fit.criterion);
    expect(Object.keys(builtinKnowledge.families).sort()).toEqual([...FAMILY_IDS].sort());
    for (const id of FAMILY_IDS) {
      const family = builtinKnowledge.families[id];
      expect(Object.keys(family.ratings).sort(), id).toEqual([...rated].sort());
      expect(Object.keys(family.modalities).sort(), id).toEqual([...modalities].sort());
      for (const rating of [...Object.values(family.ratings), ...Object.values(family.modalities)]) {
        expect(rating.value).toBeGreaterThanOrEqual(1);
        expect(rating.value).toBeLessThanOrEqual(5);
        expect(rating.why, id).toBeTruthy();
        expect(rating.sources!.length, id).toBeGreaterThan(0);
        for (const key of rating.sources!) expect(builtinKnowledge.sources[key], key).toBeDefined();
      }
    }
  });

  it('has a stable digest that ignores file layout but not content', () => {
    const again = compileKnowledge(builtinFiles());
    expect(again.sha256).toBe(builtinKnowledge.sha256);
    const reformatted = compileKnowledge(mutate('families.yaml', GAN_QUALITY, `      quality:   { value: 4,   why: "The best GANs are sharp (StyleGAN2-ADA FID 2.42`));
    expect(reformatted.sha256).toBe(builtinKnowledge.sha256);
    const changed = compileKnowledge(mutate('families.yaml', GAN_QUALITY, GAN_QUALITY.replace('value: 4', 'value: 3')));
    expect(changed.sha256).not.toBe(builtinKnowledge.sha256);
  });
});

describe('a mistake in the built-in YAML fails with file:line:col', () => {
  it('a wrong type', () => {
    const files = mutate('families.yaml', '    short_name: GAN\n', '    short_name: [GAN]\n');
    const [problem, ...rest] = compileDiagnostics(files);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'knowledge/families.yaml', ...positionOf(familiesText(files), 'short_name: [GAN]', 12) });
    expect(problem!.message).toBe('families.gan.short_name must be text, not a list of 1 item');
  });

  it('an out-of-range rating', () => {
    const files = mutate('families.yaml', GAN_QUALITY, GAN_QUALITY.replace('value: 4', 'value: 7'));
    const [problem, ...rest] = compileDiagnostics(files);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'knowledge/families.yaml', ...positionOf(familiesText(files), GAN_QUALITY.replace('value: 4', 'value: 7'), 'quality: { value: '.length + 6) });
    expect(problem!.message).toMatch(/families\.gan\.ratings\.quality\.value is 7; it must be at most 5/);
  });

  it('an unknown criterion, with a did-you-mean, and the rating it leaves missing', () => {
    const files = mutate('families.yaml', GAN_QUALITY, GAN_QUALITY.replace('quality:', 'qualty:'));
    const problems = compileDiagnostics(files);
    const text = familiesText(files);
    expect(problems).toContainEqual({
      file: 'knowledge/families.yaml',
      ...positionOf(text, '      qualty:', 6),
      message: expect.stringContaining('unknown criterion "qualty". Did you mean "quality"?'),
    });
    expect(problems.map((p) => p.message)).toContain('family "gan" has no rating for criterion "quality"');
  });

  it('an unknown source key, with a did-you-mean', () => {
    const tail = `EDM reaches 1.79", sources: [BT, STYLEGAN, ADM, EDM] }`;
    const files = mutate('families.yaml', tail, tail.replace('STYLEGAN,', 'STYLEGANN,'));
    const [problem, ...rest] = compileDiagnostics(files);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'knowledge/families.yaml', ...positionOf(familiesText(files), 'STYLEGANN') });
    expect(problem!.message).toMatch(/unknown source key "STYLEGANN"\. Did you mean "STYLEGAN"\?/);
  });

  it('a missing rating', () => {
    const files = mutate('families.yaml', GAN_QUALITY, '#');
    const [problem, ...rest] = compileDiagnostics(files.map((f) => ({ ...f, text: f.text.replace(/^#.*\n/m, '') })));
    expect(rest).toEqual([]);
    expect(problem!.message).toBe('family "gan" has no rating for criterion "quality"');
    // Reported at the family's ratings mapping, whose first entry is now speed.
    const text = familiesText(files).replace(/^#.*\n/m, '');
    expect(problem).toMatchObject({ file: 'knowledge/families.yaml', ...positionOf(text, GAN_SPEED, 6) });
  });

  it('a rating without its rationale (built-in ratings must carry why and sources)', () => {
    const files = mutate('families.yaml', GAN_QUALITY, '      quality: { value: 4, sources: [BT] } #');
    const problems = compileDiagnostics(files);
    expect(problems.some((p) => p.file === 'knowledge/families.yaml' && /missing the required key "why"/.test(p.message))).toBe(true);
  });

  it.each([
    ['a tab', '    short_name: GAN\n', '\tshort_name: GAN\n', /tabs/i],
    ['a duplicate key', '    short_name: GAN\n', '    short_name: GAN\n    short_name: GAN\n', /duplicate key "short_name"/],
    ['a !!js/function tag', '    short_name: GAN\n', '    short_name: !!js/function "x"\n', /custom tags/],
    ['a __proto__ key', '    short_name: GAN\n', '    short_name: GAN\n    __proto__: {}\n', /"__proto__" is not allowed/],
  ])('%s', (_label, from, to, message) => {
    const problems = compileDiagnostics(mutate('families.yaml', from, to));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toBe('knowledge/families.yaml');
    expect(problems[0]!.line).toBeGreaterThan(1);
    expect(problems[0]!.message).toMatch(message);
  });

  it('reports problems in several files at once', () => {
    const files = mutate('families.yaml', GAN_QUALITY, GAN_QUALITY.replace('value: 4', 'value: 0')).map((f) =>
      f.file.endsWith('criteria.yaml') ? { ...f, text: f.text.replace('default_level: medium', 'default_level: urgent') } : f,
    );
    const problems = compileDiagnostics(files);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['knowledge/families.yaml', 'knowledge/criteria.yaml']));
    expect(problems.find((p) => p.file === 'knowledge/criteria.yaml')!.message).toMatch(/"urgent", which is not allowed\. Allowed: none, low, medium, high, critical/);
  });
});
