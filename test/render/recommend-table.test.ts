import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { renderRecommendTable } from '../../src/render/recommend-table.js';
import { plain } from '../../src/render/style.js';
import { goldenRecommendation } from '../helpers/golden-knowledge.js';
import { colour, expectFits, stripAnsi } from './width.js';
import { TODAY } from '../helpers/today.js';

// The golden file pins the table's shape, from the fixture knowledge (test/helpers/golden-knowledge.ts):
// review the diff, then refresh with `npx vitest run test/render -u`.
const rec = (answers: Answers) => recommend(k, completeProfile(k, mergeAnswers(k, [answers])), { today: TODAY });

const CASES: Array<[string, Answers]> = [
  ['image-generate', { modality: 'image', task: 'generate' }],
  ['marketing-visuals', { use_case: 'marketing-visuals' }],
  // Most families knocked out: the table must show the reasons instead of strengths.
  ['fraud-detection', { use_case: 'fraud-detection' }],
];

describe('renderRecommendTable', () => {
  it('matches its golden file (plain, 80 columns)', async () => {
    await expect(renderRecommendTable(goldenRecommendation(), { style: plain, width: 80 })).toMatchFileSnapshot('golden/recommend.txt');
  });

  it.each(CASES)('%s fits 80 columns, in colour too, and colour changes nothing but colour', (_name, answers) => {
    const r = rec(answers);
    const text = renderRecommendTable(r, { style: plain, width: 80 });
    expectFits(text, 80);
    const coloured = renderRecommendTable(r, { style: colour(), width: 80 });
    expect(coloured).not.toBe(text);
    expect(stripAnsi(coloured)).toBe(text);
  });

  it('uses the width it is given, from 60 to 100 columns', () => {
    for (const width of [60, 72, 100]) expectFits(renderRecommendTable(rec({ use_case: 'fraud-detection' }), { style: plain, width }), width);
  });

  it('shows all seven families with rank, score and a full bar', () => {
    const r = rec({ modality: 'image', task: 'generate' });
    const text = renderRecommendTable(r, { style: plain, width: 80 });
    for (const family of r.ranking) {
      const row = text.split('\n').find((line) => line.includes(` ${k.families[family.family].short_name} `) && line.includes(family.score.toFixed(1)));
      expect(row, family.family).toBeDefined();
      expect(row).toMatch(new RegExp(`^│ ${family.rank} `));
      expect(row).toMatch(/[█░]{8} │/);
    }
  });

  it('lists ruled-out families apart, unranked, each with its reason', () => {
    const r = rec({ modality: 'image', task: 'generate' });
    const text = renderRecommendTable(r, { style: plain, width: 80 });
    const [table, apart] = text.split('Ruled out (not ranked):');
    expect(apart).toBeDefined();
    for (const out of r.ruledOut) {
      const short = k.families[out.family].short_name;
      expect(table).not.toMatch(new RegExp(`│ ${short} `));
      expect(apart).toContain(`✗ ${short}: ${out.knockouts[0]!.reason.split(': ')[0]}`);
    }
    expect(r.ruledOut.find((f) => f.family === 'autoregressive')!.knockouts[0]!.reason).toMatch(/^cannot practically generate image/);
  });

  it('when nothing is eligible, says so, names the closest family and the answer to relax', () => {
    const r = rec({ modality: 'multimodal', task: 'edit', latency: 'realtime' });
    const text = renderRecommendTable(r, { style: plain, width: 80 }).replace(/\s+/g, ' ');
    expect(text).not.toContain('┌');
    // The closest is one an answer can bring back: not a family the modality rules out.
    expect(text).toMatch(/No family is eligible for this profile, so nothing is recommended\. The closest is Transformer, which misses: sampling too slow for real time \(speed \d, real time needs 4/);
    expect(text).toContain('Relax latency (realtime → interactive: --latency interactive) and Transformer ranks first');
  });

  it('breaks each score down by criterion, and the points add up to the score', () => {
    const r = rec({ modality: 'image', task: 'generate' });
    const text = renderRecommendTable(r, { style: plain, width: 80 });
    const block = text.slice(text.indexOf('Score breakdown'), text.indexOf('\n\n', text.indexOf('Score breakdown'))).replace(/\n {4}/g, ' ');
    const rows = block.split('\n').slice(1);
    expect(rows).toHaveLength(r.ranking.length);
    for (const [i, family] of r.ranking.entries()) {
      const [head, parts] = rows[i]!.trim().split(': ');
      expect(head).toBe(`${k.families[family.family].short_name} ${family.score.toFixed(1)}`);
      const points = parts!.split(', ').map((p) => Number(p.split(' ')[1]));
      expect(Math.abs(points.reduce((a, b) => a + b, 0) - family.score)).toBeLessThan(0.05 * points.length + 0.05);
    }
  });

  it('prints the overlap note when transformer or autoregressive is in play', () => {
    const text = renderRecommendTable(rec({ modality: 'text', task: 'generate' }), { style: plain, width: 80 }).replace(/\s+/g, ' ');
    expect(text).toContain('Note: GPT-class language models are autoregressive transformers');
  });
});
