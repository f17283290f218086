import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { familyIds, type ModalRating, type Rating } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { renderCompareMarkdown, renderExplainMarkdown } from '../../src/render/families-markdown.js';
import { citationText, evidenceNote, renderCompareTable, renderExplainText } from '../../src/render/families.js';
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

  it.each([60, 80, 120])('fits %i columns, and colour changes nothing but colour', (width) => {
    const text = renderCompareTable(k, all, plain, width);
    expectFits(text, width);
    expect(stripAnsi(renderCompareTable(k, all, colour(), width))).toBe(text);
  });

  const rated = Object.keys(k.criteria).filter((c) => c !== k.modality_fit.criterion);

  it('shows all seven families side by side, a column each, with every rating, when they fit', () => {
    const lines = renderCompareTable(k, all, plain, 80).split('\n');
    const head = lines[1]!.trim().split(/\s+/);
    expect(head).toEqual(FAMILY_IDS.map((id) => k.families[id].short_name));
    for (const criterion of rated) {
      const row = lines.find((line) => line.startsWith(`${criterion} `))!;
      expect(row.trim().split(/\s+/).slice(1).map(Number), criterion).toEqual(FAMILY_IDS.map((id) => k.families[id].ratings[criterion]!.value));
    }
  });

  it('stacks one card per family, with every rating, when the grid does not fit', () => {
    const text = renderCompareTable(k, all, plain, 60);
    expect(text).not.toMatch(/^ +GAN +VAE/m);
    const cards = text.split(/^(?=\S+ \((?:[a-z-]+)\)$)/m).slice(1, 1 + FAMILY_IDS.length);
    FAMILY_IDS.forEach((id, i) => {
      const card = cards[i]!.replace(/\s+/g, ' ');
      expect(card.startsWith(`${k.families[id].short_name} (${id})`)).toBe(true);
      for (const criterion of rated) expect(card, `${id} ${criterion}`).toMatch(new RegExp(` ${criterion} ${k.families[id].ratings[criterion]!.value} `));
    });
  });

  it('explains a short name by its label in the knowledge, and never repeats one', () => {
    for (const width of [60, 80, 200]) {
      const text = renderCompareTable(k, all, plain, width).replace(/\s+/g, ' ');
      for (const criterion of rated) {
        const label = k.criteria[criterion]!.label;
        const repeats = label.toLowerCase().replace(/[-\s]+/g, ' ') === criterion.replace(/-/g, ' ');
        if (repeats) expect(text).not.toContain(`${criterion}: ${label}`);
        else expect(text).toContain(`${criterion}: ${label}`);
      }
      expect(text).not.toMatch(/\b(\S+) = \1\b/);
    }
  });

  it('puts a bullet and its first word on one line, in the table and in the cards', () => {
    for (const width of [60, 80, 120, 200]) {
      const lines = renderCompareTable(k, all, plain, width).split('\n');
      expect(lines.filter((line) => line.split('│').some((cell) => cell.trim() === '•'))).toEqual([]);
    }
  });

  it('can compare a subset, as a grid even at 60 columns', () => {
    const text = renderCompareTable(k, ['gan', 'flow'], plain, 60);
    expect(text).toMatch(/^ +GAN +Flow$/m);
    expect(text).not.toMatch(/^ +GAN +Flow +VAE/m);
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
    const line = (key: string, r: Rating) => `${key} ${r.value}/5 ${r.why}${evidenceNote(r)} [${r.sources!.join(', ')}]`;
    for (const [key, rating] of [...Object.entries(family.ratings), ...Object.entries(family.modalities)]) {
      expect(text).toContain(line(key, rating));
      for (const [m, r] of Object.entries((rating as ModalRating).modalities ?? {})) expect(text).toContain(line(`on ${m}`, r));
    }
    for (const key of family.sources) {
      const year = k.sources[key]!.year;
      expect(text).toContain(`${key}${year !== undefined ? ` (${year})` : ''}: ${k.sources[key]!.citation}`);
    }
  });

  it('uses the width it is given, from 60 to 100 columns', () => {
    for (const width of [60, 100]) for (const id of FAMILY_IDS) expectFits(renderExplainText(k, id, plain, width), width);
  });

  it('keeps the rating column aligned', () => {
    const lines = renderExplainText(k, 'diffusion', plain, 80).split('\n');
    const starts = lines.filter((l) => /^ {2}( {2}on )?\S+ +\d\/5 {2}/.test(l)).map((l) => l.search(/\d\/5/));
    const d = k.families.diffusion;
    const rows = (table: Record<string, ModalRating>) => Object.values(table).reduce((n, t) => n + 1 + Object.keys(t.modalities ?? {}).length, 0);
    expect(starts.length).toBe(rows(d.ratings) + Object.keys(d.modalities).length + rows(d.tasks));
    expect(new Set(starts).size).toBe(1);
  });

  it('puts each rationale under its rating where a column beside it would be too narrow', () => {
    const lines = renderExplainText(k, 'diffusion', plain, 60).split('\n');
    const quality = lines.findIndex((l) => /^ {2}quality +\d\/5$/.test(l));
    expect(quality).toBeGreaterThan(0);
    expect(lines[quality + 1]).toMatch(/^ {6}\S/);
    expect(renderExplainText(k, 'diffusion', plain, 80)).toMatch(/^ {2}quality +\d\/5 {2}\S/m);
  });
});

describe('task fit in compare and explain', () => {
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('compare shows the fit per task, and with --sources every task fit with its citations', () => {
    const text = renderCompareTable(k, ['energy-based', 'flow'], plain, 100, { sources: true });
    expect(text).toContain('Fit per task');
    const fit = k.families['energy-based'].tasks['anomaly-detection']!.modalities!.image!;
    expect(flat(text)).toContain(`task: anomaly-detection on image ${fit.value}/5 ${fit.why}`);
    for (const key of fit.sources!) expect(flat(text)).toContain(citationText({ key, citation: k.sources[key]!.citation, year: k.sources[key]!.year ?? null }));
  });

  it('compare prints the overlap note when both families of a pair are shown, and not otherwise', () => {
    expect(flat(renderCompareTable(k, ['transformer', 'autoregressive'], plain, 80))).toContain('Note: GPT-class language models are autoregressive transformers');
    expect(flat(renderCompareTable(k, ['flow', 'diffusion'], plain, 80))).toContain('Note: Flow matching and rectified flow (Stable Diffusion 3, FLUX.1, Matcha-TTS, F5-TTS, TRELLIS) count under both families');
    expect(renderCompareTable(k, ['gan', 'energy-based'], plain, 80)).not.toContain('Note:');
    expect(renderCompareMarkdown(k, ['transformer', 'autoregressive'])).toContain('## Overlaps');
  });

  it('explain lists every task fit with its rationale and sources, and the named variants', () => {
    const text = flat(renderExplainText(k, 'diffusion', plain, 100));
    for (const [task, fit] of Object.entries(k.families.diffusion.tasks)) expect(text).toContain(`${task} ${fit.value}/5 ${fit.why} [${fit.sources!.join(', ')}]`);
    expect(text).toContain('Variants that reach further');
    expect(text).toContain('Distilled image diffusion (Consistency Models, LCM, SDXL-Turbo, FLUX.1 [schnell]): Distillation cuts sampling');
    expect(flat(renderExplainMarkdown(k, 'diffusion', { sources: true }))).toContain('## Fit per task');
  });
});

describe('ratings per modality in explain and compare', () => {
  const withModal = () => {
    const knowledge = structuredClone(builtinKnowledge);
    knowledge.families.transformer.ratings.speed = { value: 3, why: 'token by token', sources: ['ATTN'], modalities: { text: { value: 5, why: 'streaming and small models', sources: ['GPT3'] }, code: { value: 4, why: 'speculative decoding', sources: ['GPT3'] } } };
    knowledge.sources.GPT3 = { ...knowledge.sources.GPT3!, year: 2020 };
    return knowledge;
  };
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('explain shows each per-modality value under its criterion, in text and Markdown', () => {
    const knowledge = withModal();
    const text = flat(renderExplainText(knowledge, 'transformer', plain, 100));
    expect(text).toContain('speed 3/5 token by token [ATTN] on text 5/5 streaming and small models [GPT3] on code 4/5 speculative decoding [GPT3] scoring-speed');
    const md = renderExplainMarkdown(knowledge, 'transformer');
    expect(md).toContain('| speed on text | 5 | streaming and small models | GPT3 |');
  });

  it('compare lists the ratings that differ per modality, in text and Markdown', () => {
    const knowledge = withModal();
    expect(flat(renderCompareTable(knowledge, ['transformer', 'gan'], plain, 100))).toContain('Transformer speed: text 5, code 4 (otherwise 3)');
    expect(renderCompareMarkdown(knowledge, ['transformer', 'gan'])).toContain('- Transformers (attention-based models): speed: text 5, code 4 (otherwise 3)');
  });

  it('explain --sources shows each source’s year', () => {
    const knowledge = withModal();
    const text = flat(renderExplainText(knowledge, 'transformer', plain, 100, { sources: true }));
    expect(text).toContain(`[GPT3] 2020 · ${knowledge.sources.GPT3!.citation}`);
    expect(text).toContain(`GPT3 (2020): ${knowledge.sources.GPT3!.citation}`);
  });
});
