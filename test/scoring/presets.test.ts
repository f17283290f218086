import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { FamilyId } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { rankFamilies } from '../../src/scoring/rank.js';

/**
 * The lock: each preset's winner, as the seed guide names it for that use. A knowledge change
 * that moves one of these must change this table on purpose, in review.
 */
const WINNERS: Record<string, FamilyId> = {
  'customer-support-chatbot': 'transformer',
  'email-campaigns': 'transformer',
  'code-assistant': 'transformer',
  'seo-content': 'transformer',
  'document-summarization': 'transformer',
  'marketing-visuals': 'diffusion',
  'product-mockups': 'diffusion',
  'video-storyboards': 'diffusion',
  '3d-asset-generation': 'diffusion',
  'product-photo-upscaling': 'gan',
  'sensor-anomaly-detection': 'vae',
  'photo-restoration': 'vae',
  'fraud-detection': 'energy-based',
  'network-intrusion-detection': 'energy-based',
  'photo-color-grading': 'flow',
  'risk-modeling': 'flow',
  'speech-synthesis': 'gan',
  'synthetic-tabular-data': 'vae',
};

const rank = (id: string) => rankFamilies(k, completeProfile(k, mergeAnswers(k, [{ use_case: id }])));

describe('preset lock: every preset gives the seed guide’s family first', () => {
  it('every preset in the knowledge base is locked here, and every locked preset exists', () => {
    expect(Object.keys(k.use_cases).sort()).toEqual(Object.keys(WINNERS).sort());
  });

  it.each(Object.entries(WINNERS))('%s → %s', (id, family) => {
    const winner = rank(id).ranking[0]!;
    expect(winner.family).toBe(family);
    expect(winner.eligible).toBe(true);
    expect(k.use_cases[id]!.seed_families).toContain(winner.family);
    // The explanation shows why: at least one strength backed by a rating and its points.
    expect(winner.strengths.length).toBeGreaterThan(0);
    for (const s of winner.strengths) expect(s).toMatch(/\d\/5 at \d+% weight \(\+\d+\.\d pts\)/);
  });
});
