import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { renderRecommendTable } from '../../src/render/recommend-table.js';
import { plain } from '../../src/render/style.js';
import { goldenRecommendation } from '../helpers/golden-knowledge.js';
import { colour, expectFits, stripAnsi } from './width.js';

// The golden file pins the table's shape, from the fixture knowledge (test/helpers/golden-knowledge.ts):
// review the diff, then refresh with `npx vitest run test/render -u`.
const rec = (answers: Answers) => recommend(k, completeProfile(k, mergeAnswers(k, [answers])));

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

  it('shows every knockout reason, and no strengths, for each ineligible family', () => {
    // Fraud detection knocks most families out (what its golden file used to show).
    const r = rec({ use_case: 'fraud-detection' });
    const blocks = renderRecommendTable(r, { style: plain, width: 80 }).split(/^├.*┤$/m);
    const out = r.ranking.filter((f) => !f.eligible);
    expect(out.length).toBeGreaterThan(3);
    for (const family of out) {
      const block = blocks.find((b) => new RegExp(`^│ ${family.rank} `, 'm').test(b))!;
      const why = block.split('\n').map((line) => line.split('│')[4] ?? '').join(' ').replace(/\s+/g, ' ');
      for (const knockout of family.knockouts) expect(why).toContain(`✗ ${knockout.reason.split(' ').slice(0, 4).join(' ')}`);
      expect(why).not.toMatch(/(^| )[+-] /);
    }
  });

  it('names the knockout of an ineligible family', () => {
    const r = rec({ modality: 'image', task: 'generate' });
    const out = r.ranking.find((f) => !f.eligible)!;
    expect(renderRecommendTable(r, { style: plain, width: 80 })).toContain(`✗ cannot practically serve image`);
    expect(out.knockouts[0]!.reason).toMatch(/^cannot practically serve image/);
  });
});
