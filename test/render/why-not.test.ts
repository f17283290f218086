import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { Answers } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { plain, type Style } from '../../src/render/style.js';
import { renderWhyNotMarkdown, renderWhyNotText, whyNotDocument } from '../../src/render/why-not.js';
import { whyNot } from '../../src/scoring/why-not.js';

const knowledge = builtinKnowledge;
const advise = (answers: Answers) => recommend(knowledge, completeProfile(knowledge, mergeAnswers(knowledge, [answers])));
/** The text with line breaks and hanging indents folded, for checking sentences. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const clear = advise({ modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'high' } });

describe('renderWhyNotText', () => {
  it('names the criterion that costs most in the first sentence and lists every weighted difference', () => {
    const text = renderWhyNotText(whyNot(clear, 'gan'), knowledge, plain, 80);
    expect(text.split('\n')[0]).toBe('Why not GAN?');
    expect(flat(text)).toContain('GAN ranks 4th of 7 with 60.9 points, 28.2 behind Diffusion (89.1). It loses most on diversity (-18.8 points)');
    expect(text).toMatch(/^ {2}diversity\s+-18\.8 {2}GAN 2\/5 vs Diffusion 5\/5 at 25% weight$/m);
    expect(text).toMatch(/^ {2}cost\s+\+6\.3 /m);
    expect(flat(text)).toContain('Nothing would: no single weight or answer change puts GAN first');
  });

  it('lists the weight and answer changes that would put a family first, with the flags to try', () => {
    const text = renderWhyNotText(whyNot(clear, 'vae'), knowledge, plain, 200);
    expect(text).toContain('What would have to change for VAE to come first:');
    expect(text).toMatch(/• if cost weighed above 0\.35 \(now 0\.13\), the other weights keeping their proportions: VAE leads while it stays between 0\.35 and 1\.00/);
    expect(text).toMatch(/• if cost priority were critical \(now not set; --priority quality=high,diversity=high,cost=critical\): VAE would rank first with 70\.0, 6\.2 ahead/);
  });

  it('explains a knockout and says no answer changes the modality', () => {
    const text = renderWhyNotText(whyNot(clear, 'autoregressive'), knowledge, plain, 80);
    expect(text).toContain('Autoregressive is not eligible for this profile');
    expect(text).toMatch(/^ {2}✗ cannot practically serve image \(fit 2\/5\)/m);
    expect(flat(text)).toContain('That is the modality itself; no other answer changes it.');
    expect(flat(text)).toContain('Nothing in the answers short of the use case itself would make Autoregressive eligible and first.');
  });

  it('keeps every line within the width and applies the style', () => {
    const text = renderWhyNotText(whyNot(clear, 'vae'), knowledge, plain, 60);
    for (const line of text.trimEnd().split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    const tag = (name: string) => (t: string) => `<${name}>${t}</${name}>`;
    const style: Style = { bold: tag('b'), dim: tag('d'), red: tag('r'), green: tag('g'), yellow: tag('y'), cyan: tag('c') };
    const styled = renderWhyNotText(whyNot(clear, 'vae'), knowledge, style, 80);
    expect(styled).toContain('<b>Why not VAE?</b>');
    expect(styled).toContain('<y> -18.8</y>');
    expect(styled).toContain('<g>  +9.4</g>');
  });

  it('for the winner, says so and stops', () => {
    expect(renderWhyNotText(whyNot(clear, 'diffusion'), knowledge, plain, 80)).toBe(
      'Why not Diffusion?\nDiffusion is the recommendation: it ranks first with 89.1 points.\n',
    );
  });
});

describe('renderWhyNotMarkdown', () => {
  it('is a section with a per-criterion table and the changes, flags in code spans', () => {
    const md = renderWhyNotMarkdown(whyNot(clear, 'vae'), knowledge, 3);
    expect(md.startsWith('### Why not VAE?\n\n')).toBe(true);
    expect(md).toContain('| criterion | weight | VAE | Diffusion | points (VAE − Diffusion) |');
    expect(md).toContain('| quality | 25% | 2/5 | 5/5 | -18.8 |');
    expect(md).toContain('#### What would have to change');
    expect(md).toContain('(now not set; `--priority quality=high,diversity=high,cost=critical`)');
  });

  it('lists knockouts under their own heading', () => {
    const md = renderWhyNotMarkdown(whyNot(clear, 'energy-based'), knowledge);
    expect(md).toMatch(/### Knockouts\n\n- cannot practically serve image \(fit 2\/5\)/);
  });
});

describe('whyNotDocument', () => {
  it('is the analysis plus display names, and survives JSON', () => {
    const doc = whyNotDocument(whyNot(clear, 'gan'), knowledge);
    expect(doc).toMatchObject({ family: 'gan', name: 'Generative adversarial networks', winner: 'diffusion', winnerName: 'Diffusion models', verdict: 'unreachable' });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
