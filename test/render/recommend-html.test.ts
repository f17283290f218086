import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { type Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { PALETTE, stackedBarChart } from '../../src/render/html/chart.js';
import { REPORT_CSS } from '../../src/render/html/css.js';
import { escapeHtml, html } from '../../src/render/html/escape.js';
import { renderRecommendHtml } from '../../src/render/recommend-html.js';
import { whyNot } from '../../src/scoring/why-not.js';
import { goldenRecommendation } from '../helpers/golden-knowledge.js';
import { attr, byTag, findAll, parsePage, SVG_NS, textOf } from '../helpers/html.js';
import { TODAY } from '../helpers/today.js';

const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };
const knowledge = builtinKnowledge;
const profileOf = (answers: Answers) => completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
const image = recommend(knowledge, profileOf({ modality: 'image', task: 'generate', priorities: { quality: 'high' }, customer_facing: true }), { today: TODAY });

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('the escape', () => {
  it('escapes the five characters that could open a tag or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('html`` escapes every interpolated value but its own markup, and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"><script>'}">${inner}${['<', 1]}${undefined}${false}</p>`.text).toBe('<p title="&quot;&gt;&lt;script&gt;"><b>&lt;i&gt;</b>&lt;1</p>');
  });
});

describe('renderRecommendHtml', () => {
  it('matches the golden report (fixture knowledge: test/helpers/golden-knowledge.ts)', async () => {
    const golden = goldenRecommendation();
    await expect(renderRecommendHtml(golden, { tool: TOOL, whyNot: whyNot(golden, 'gan') })).toMatchFileSnapshot('golden/decision-report.html');
  });

  it('is a well-formed standalone page: no parse error, a language, a title, no script, nothing fetched', () => {
    const { document, errors } = parsePage(renderRecommendHtml(image, { tool: TOOL }));
    expect(errors.map((e) => `${e.code} at ${e.startLine}:${e.startCol}`)).toEqual([]);
    expect(attr(findAll(document, byTag('html'))[0]!, 'lang')).toBe('en');
    expect(textOf(findAll(document, byTag('title'))[0]!)).toBe('Image · Generate: use Diffusion models');
    for (const tag of ['script', 'link', 'iframe', 'object', 'embed', 'img', 'base']) expect(findAll(document, byTag(tag)), tag).toEqual([]);
    for (const e of findAll(document)) for (const a of e.attrs) expect(/^(on|src$|href$|xlink:href$|srcset$|action$)/.test(a.name), `${e.tagName} ${a.name}`).toBe(false);
    // <style> is raw text: an escaped quote would reach the CSS as `&quot;`.
    const css = findAll(document, byTag('style')).map(textOf).join('');
    expect(css).toBe(REPORT_CSS.replace(/\s+/g, ' '));
    expect(css).not.toMatch(/url\(|@import|@font-face/);
    expect(css).toMatch(/@media print/);
  });

  it('draws an accessible SVG chart of every ranked family, in the SVG namespace', () => {
    const { document } = parsePage(renderRecommendHtml(image, { tool: TOOL }));
    const svg = findAll(document, (e) => e.tagName === 'svg' && attr(e, 'role') === 'img');
    expect(svg).toHaveLength(1);
    expect(svg[0]!.namespaceURI).toBe(SVG_NS);
    for (const id of attr(svg[0]!, 'aria-labelledby')!.split(' ')) {
      const [labelled] = findAll(svg[0]!, (e) => attr(e, 'id') === id);
      expect(textOf(labelled!).length, id).toBeGreaterThan(10);
    }
    expect(findAll(svg[0]!, (e) => attr(e, 'class') === 'bar').map((g) => attr(g, 'data-family'))).toEqual(image.ranking.map((r) => r.family));
  });

  it('shortens a family name too long for the label column, keeping it whole in a tooltip', () => {
    const chart = stackedBarChart([{ id: 'x', label: 'A family name far too long to fit', score: 10, segments: [] }], [], { title: 't', description: 'd' });
    const { document } = parsePage(`<!doctype html><html lang="en"><title>t</title><body>${chart.text}`);
    const [label] = findAll(document, (e) => e.tagName === 'text' && attr(e, 'text-anchor') === 'end');
    expect(textOf(label!)).toBe('A family name far…A family name far too long to fit');
  });

  it('fills segments only with colours of at least 3:1 contrast against the white page', () => {
    for (const colour of PALETTE) expect((1.05 / (luminance(colour) + 0.05)), colour).toBeGreaterThanOrEqual(3);
  });

  it('says so when no family is eligible, with no chart and no robustness', () => {
    const none = recommend(knowledge, profileOf({ modality: 'image', task: 'generate', require: ['quality', 'speed', 'likelihood', 'anomaly'] }), { today: TODAY });
    const { document, errors } = parsePage(renderRecommendHtml(none, { tool: TOOL }));
    expect(errors).toEqual([]);
    const text = textOf(document);
    expect(text).toContain('No model family fits this profile');
    expect(text).toContain('The closest is');
    expect(findAll(document, byTag('svg')).filter((s) => attr(s, 'role') === 'img')).toEqual([]);
    expect(text).not.toContain('How sure is this?');
    for (const r of none.ruledOut) expect(findAll(document, (e) => attr(e, 'data-family') === r.family)).toHaveLength(1);
  });

  it('adds the "why not" contrast when asked', () => {
    const text = textOf(parsePage(renderRecommendHtml(image, { tool: TOOL, whyNot: whyNot(image, 'gan') })).document);
    expect(text).toContain('Why not GAN?');
    expect(text).toContain('What would have to change for GAN to come first');
  });

  it('is the same page for the same input (no date, no random id)', () => {
    expect(renderRecommendHtml(image, { tool: TOOL })).toBe(renderRecommendHtml(image, { tool: TOOL }));
  });
});
