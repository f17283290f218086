import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { renderCompareMarkdown, renderExplainMarkdown } from '../../src/render/families-markdown.js';
import { renderCompareTable, renderExplainText } from '../../src/render/families.js';
import { plain } from '../../src/render/style.js';
import { goldenKnowledge } from '../helpers/golden-knowledge.js';
import { colour, expectFits, stripAnsi } from './width.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

// Golden files pin each format's shape, rendered from the fixture knowledge
// (test/helpers/golden-knowledge.ts): review the diff, then refresh with `npx vitest run test/render -u`.
describe('compare', () => {
  const all = [...FAMILY_IDS];

  it('matches its golden file (plain, 80 columns)', async () => {
    await expect(renderCompareTable(goldenKnowledge, all, plain, 80)).toMatchFileSnapshot('golden/compare.txt');
  });

  it('as Markdown matches its golden file', async () => {
    await expect(await renderCompareMarkdown(goldenKnowledge, all)).toMatchFileSnapshot('golden/compare.md');
  });

  it('fits 80 columns, and colour changes nothing but colour', () => {
    const text = renderCompareTable(k, all, plain, 80);
    expectFits(text, 80);
    expect(stripAnsi(renderCompareTable(k, all, colour(), 80))).toBe(text);
  });

  it('shows all seven families side by side, with every rating', () => {
    const text = renderCompareTable(k, all, plain, 80);
    const rows = text.split('\n');
    for (const id of FAMILY_IDS) {
      const family = k.families[id];
      const row = rows.find((line) => line.startsWith(`${family.short_name} `))!;
      const values = row.trim().split(/\s+/).slice(-9).map(Number);
      expect(values, id).toEqual(Object.values(family.ratings).map((r) => r.value));
      expect(text).toContain(`│ ${family.short_name}`);
    }
  });

  it('uses a wider terminal when it has one', () => {
    expectFits(renderCompareTable(k, all, plain, 100), 100);
  });

  it('can compare a subset', () => {
    const text = renderCompareTable(k, ['gan', 'flow'], plain, 80);
    expect(text).toMatch(/^GAN /m);
    expect(text).toMatch(/^Flow /m);
    expect(text).not.toMatch(/^VAE /m);
  });
});

describe('explain', () => {
  it('matches its golden file (plain, 80 columns)', async () => {
    await expect(renderExplainText(goldenKnowledge, 'diffusion', plain, 80)).toMatchFileSnapshot('golden/explain.txt');
  });

  it('as Markdown matches its golden file', async () => {
    await expect(await renderExplainMarkdown(goldenKnowledge, 'diffusion')).toMatchFileSnapshot('golden/explain.md');
  });

  it.each([...FAMILY_IDS])('%s fits 80 columns, and colour changes nothing but colour', (id) => {
    const text = renderExplainText(k, id, plain, 80);
    expectFits(text, 80);
    expect(stripAnsi(renderExplainText(k, id, colour(), 80))).toBe(text);
  });

  it('shows every rating with its rationale and sources, and the full citations', () => {
    const text = renderExplainText(k, 'diffusion', plain, 80).replace(/\s+/g, ' ');
    const family = k.families.diffusion;
    for (const [key, rating] of [...Object.entries(family.ratings), ...Object.entries(family.modalities)]) {
      expect(text).toContain(`${key} ${rating.value}/5 ${rating.why} [${rating.sources!.join(', ')}]`);
    }
    for (const key of family.sources) expect(text).toContain(`${key}: ${k.sources[key]!.citation}`);
  });

  it('uses the width it is given, from 60 to 100 columns', () => {
    for (const width of [60, 100]) for (const id of FAMILY_IDS) expectFits(renderExplainText(k, id, plain, width), width);
  });

  it('keeps the rating column aligned', () => {
    const lines = renderExplainText(k, 'diffusion', plain, 80).split('\n');
    const starts = lines.filter((l) => /^ {2}\S+ +\d\/5 {2}/.test(l)).map((l) => l.search(/\d\/5/));
    expect(starts.length).toBe(Object.keys(k.families.diffusion.ratings).length + Object.keys(k.families.diffusion.modalities).length);
    expect(new Set(starts).size).toBe(1);
  });
});
