import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { plain, type Style } from '../../src/render/style.js';
import { renderWhyNotMarkdown, renderWhyNotText, whyNotDocument } from '../../src/render/why-not.js';
import { whyNot } from '../../src/scoring/why-not.js';
import { TODAY } from '../helpers/today.js';

const knowledge = builtinKnowledge;
const advise = (answers: Answers) => recommend(knowledge, completeProfile(knowledge, mergeAnswers(knowledge, [answers])), { today: TODAY });
/** The text with line breaks and hanging indents folded, for checking sentences. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const clear = advise({ modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'medium' } });
const editing = advise({ modality: 'image', task: 'edit' });
// VAE is behind on tabular synthesis, and single answers (real time, a cost priority) put it first.
const tabular = advise({ modality: 'tabular', task: 'synthetic-data' });

describe('renderWhyNotText', () => {
  it('names the criterion that costs most in the first sentence and lists every weighted difference', () => {
    const text = renderWhyNotText(whyNot(clear, 'gan'), knowledge, plain, 80);
    expect(text.split('\n')[0]).toBe('Why not GAN?');
    expect(flat(text)).toContain('GAN ranks 2nd of 5 eligible families with 62.5 points, 26.8 behind Diffusion (89.3). It loses most on diversity (-10.7 points) and quality (-7.1 points).');
    expect(text).toMatch(/^ {2}diversity\s+-10\.7 {2}GAN 2\/5 vs Diffusion 5\/5 at 14% weight$/m);
    expect(text).toMatch(/^ {2}cost\s+\+7\.1 /m);
    const unreachable = renderWhyNotText(whyNot(editing, 'gan'), knowledge, plain, 80);
    expect(flat(unreachable)).toContain('Nothing would: no single weight or answer change puts GAN first');
  });

  it('lists the weight and answer changes that would put a family first, with the flags to try', () => {
    const w = whyNot(tabular, 'vae');
    const text = renderWhyNotText(w, knowledge, plain, 200);
    expect(text).toContain('What would have to change for VAE to come first:');
    const cost = w.weightChanges.find((c) => c.criterion === 'cost')!;
    expect(text).toContain(`• if cost weighed above ${cost.to.toFixed(2)} (now ${cost.from.toFixed(2)}), the other weights keeping their proportions: VAE leads while it stays between ${cost.range[0].toFixed(2)} and ${cost.range[1].toFixed(2)}`);
    expect(text).toMatch(/• if latency were realtime \(now interactive; --latency realtime\): VAE would rank first with \d+\.\d, \d+\.\d points ahead/);
    expect(text).toMatch(/• if cost priority were critical \(now not set; --priority cost=critical\): VAE would rank first/);
  });

  it('calls a lead that rounds to 0.0 a tie for first place', () => {
    const w = whyNot(tabular, 'vae');
    const tied = { ...w, answerChanges: w.answerChanges.map((c, i) => (i === 0 ? { ...c, margin: 0.01, alone: undefined } : c)) };
    const text = renderWhyNotText(tied, knowledge, plain, 200);
    expect(text).toMatch(/VAE would rank first with \d+\.\d, tied for first place/);
    expect(text).not.toContain('0.0 points ahead');
  });

  it('says a family would be the only one left rather than a lead as large as its score', () => {
    const w = whyNot(tabular, 'vae');
    const alone = { ...w, answerChanges: w.answerChanges.map((c, i) => (i === 0 ? { ...c, margin: c.score, alone: true as const } : c)) };
    const text = renderWhyNotText(alone, knowledge, plain, 200);
    expect(text).toMatch(/VAE would rank first with \d+\.\d, the only family left/);
    expect(text).not.toMatch(/with (\d+\.\d), \1 points ahead/);
  });

  it('explains a knockout and says no answer changes the modality', () => {
    const text = renderWhyNotText(whyNot(clear, 'autoregressive'), knowledge, plain, 80);
    expect(text).toContain('Autoregressive is ruled out for this profile, so it is not ranked');
    expect(text).toMatch(/^ {2}✗ cannot practically generate image \(fit 2\/5\)/m);
    expect(flat(text)).toContain('That is the modality itself; no other answer changes it.');
    expect(flat(text)).toContain('Nothing in the answers short of the modality or the task would make Autoregressive eligible and first.');
  });

  it('for a task knockout, says it is the task itself', () => {
    const chat = advise({ modality: 'multimodal', task: 'conversation' });
    const text = flat(renderWhyNotText(whyNot(chat, 'diffusion'), knowledge, plain, 80));
    expect(text).toContain('✗ not a practical choice for conversation on multimodal (fit 2/5)');
    expect(text).toContain('That is the task itself (on this modality); no other answer changes it.');
  });

  it('when nothing is eligible, says so instead of contrasting with a winner', () => {
    // Real-time text has a path now (streaming, small models); real-time multimodal editing has none.
    const none = advise({ modality: 'multimodal', task: 'edit', latency: 'realtime' });
    expect(none.ranking).toEqual([]);
    const text = flat(renderWhyNotText(whyNot(none, 'transformer'), knowledge, plain, 80));
    expect(text).toContain('Transformer is ruled out, and so is every other family: nothing is eligible for this profile.');
    expect(text).toContain('if latency were interactive (now realtime; --latency interactive): Transformer would rank first');
  });

  it('keeps every line within the width and applies the style', () => {
    const text = renderWhyNotText(whyNot(clear, 'gan'), knowledge, plain, 60);
    for (const line of text.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    const tag = (name: string) => (t: string) => `<${name}>${t}</${name}>`;
    const style: Style = { bold: tag('b'), dim: tag('d'), red: tag('r'), green: tag('g'), yellow: tag('y'), cyan: tag('c') };
    const styled = renderWhyNotText(whyNot(clear, 'gan'), knowledge, style, 80);
    expect(styled).toContain('<b>Why not GAN?</b>');
    expect(styled).toContain('<y> -10.7</y>');
    expect(styled).toContain('<g>  +7.1</g>');
  });

  it('for the winner, says so and stops', () => {
    expect(renderWhyNotText(whyNot(clear, 'diffusion'), knowledge, plain, 80)).toBe(
      'Why not Diffusion?\nDiffusion is the recommendation: it ranks first with 89.3 points.\n',
    );
  });
});

describe('renderWhyNotMarkdown', () => {
  it('is a section with a per-criterion table and the changes, flags in code spans', () => {
    const md = renderWhyNotMarkdown(whyNot(clear, 'gan'), knowledge, 3);
    expect(md.startsWith('### Why not GAN?\n\n')).toBe(true);
    expect(md).toContain('| criterion | weight | GAN | Diffusion | points (GAN − Diffusion) |');
    expect(md).toContain('| quality | 29% | 4/5 | 5/5 | -7.1 |');
    const changes = renderWhyNotMarkdown(whyNot(tabular, 'vae'), knowledge, 3);
    expect(changes).toContain('#### What would have to change');
    expect(changes).toContain('(now not set; `--priority cost=critical`)');
  });

  it('lists knockouts under their own heading', () => {
    const md = renderWhyNotMarkdown(whyNot(clear, 'energy-based'), knowledge);
    expect(md).toMatch(/### Knockouts\n\n- cannot practically generate image \(fit 2\/5\)/);
  });
});

describe('whyNotDocument', () => {
  it('is the analysis plus display names, and survives JSON', () => {
    const doc = whyNotDocument(whyNot(editing, 'gan'), knowledge);
    expect(doc).toMatchObject({ family: 'gan', name: 'Generative adversarial networks', winner: 'diffusion', winnerName: 'Diffusion models', verdict: 'unreachable' });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
