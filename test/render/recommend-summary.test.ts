import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { keyItems, renderRecommendSummary } from '../../src/render/recommend-summary.js';
import { plain } from '../../src/render/style.js';
import { colour, expectFits, stripAnsi } from './width.js';
import { TODAY } from '../helpers/today.js';

const rec = (answers: Answers) => recommend(k, completeProfile(k, mergeAnswers(k, [answers])), { today: TODAY });

describe('renderRecommendSummary', () => {
  it('colour changes nothing but colour, and the width is kept', () => {
    const r = rec({ use_case: 'marketing-visuals' });
    for (const width of [60, 80, 120]) {
      const text = renderRecommendSummary(r, { style: plain, width });
      expectFits(text, width);
      const coloured = renderRecommendSummary(r, { style: colour(), width });
      expect(coloured).not.toBe(text);
      expect(stripAnsi(coloured)).toBe(text);
    }
  });

  it('leaves the next steps to the menu when told, and offers html only when the format exists', () => {
    const r = rec({ use_case: 'marketing-visuals' });
    expect(renderRecommendSummary(r, { style: plain, width: 80, next: false })).not.toContain('Next:');
    expect(renderRecommendSummary(r, { style: plain, width: 80, formats: ['table', 'json'] })).not.toContain('--format html');
    expect(renderRecommendSummary(r, { style: plain, width: 80, formats: ['table', 'html'] })).toContain('--format html');
  });

  it('suggests a contrast with another family than the one just contrasted', () => {
    const r = rec({ use_case: 'marketing-visuals' });
    const runnerUp = r.robustness.runnerUp!;
    expect(renderRecommendSummary(r, { style: plain, width: 80 })).toContain(`--why-not ${runnerUp} `);
    expect(renderRecommendSummary(r, { style: plain, width: 80, whyNot: 'Why not?\n', contrasted: runnerUp })).not.toContain(`--why-not ${runnerUp} `);
  });
});

describe('keyItems', () => {
  it('names three required items, those this profile brings before the ones every deployment has', () => {
    const r = rec({ use_case: 'customer-support-chatbot' });
    const key = keyItems(r.checklist);
    expect(key).toHaveLength(3);
    for (const item of key) expect(item.severity).toBe('required');
    const general = r.checklist.filter((e) => e.severity === 'required' && e.appliesBecause.every((b) => b === 'applies to every generative-AI deployment'));
    expect(general.length).toBeGreaterThan(0);
    for (const item of general) expect(key).not.toContain(item);
    // An item raised to required by an answer comes first.
    const escalated = r.checklist.filter((e) => e.escalated);
    expect(escalated.length).toBeGreaterThan(0);
    expect(key[0]!.escalated).toBe(true);
  });

  it('with fewer required items, names those', () => {
    const r = rec({ use_case: 'customer-support-chatbot' });
    const required = r.checklist.filter((e) => e.severity === 'required').slice(0, 2);
    expect(keyItems(required)).toHaveLength(2);
    expect(keyItems(r.checklist.filter((e) => e.severity === 'recommended'))).toEqual([]);
  });
});
