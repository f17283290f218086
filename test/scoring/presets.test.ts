import { describe, expect, it } from 'vitest';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import type { FamilyId } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { rankFamilies } from '../../src/scoring/rank.js';

/**
 * The presets are read off their descriptions, not tuned to a family. A preset's winner is
 * pinned here only where the literature names the family for that use, with the source key;
 * the others are checked for sound advice, not for a particular answer.
 */
const PINNED: Record<string, { family: FamilyId; source: string }> = {
  'customer-support-chatbot': { family: 'transformer', source: 'INSTRUCTGPT' },
  'email-campaigns': { family: 'transformer', source: 'GPT3' },
  'code-assistant': { family: 'transformer', source: 'GPT3' },
  'seo-content': { family: 'transformer', source: 'GPT3' },
  'document-summarization': { family: 'transformer', source: 'GPT3' },
  'marketing-visuals': { family: 'diffusion', source: 'ADM' },
  'video-storyboards': { family: 'diffusion', source: 'SORA' },
  'speech-synthesis': { family: 'gan', source: 'HIFIGAN' },
  'synthetic-tabular-data': { family: 'diffusion', source: 'TABDDPM' },
  'sensor-anomaly-detection': { family: 'vae', source: 'DONUT' },
};

const rank = (id: string) => rankFamilies(k, completeProfile(k, mergeAnswers(k, [{ use_case: id }])));

describe('presets', () => {
  it.each(Object.entries(PINNED))('%s → %s, as the literature has it', (id, { family, source }) => {
    expect(k.sources[source], `${source} is a known source`).toBeDefined();
    const winner = rank(id).ranking[0]!;
    expect(winner.family).toBe(family);
    expect(winner.strengths.length).toBeGreaterThan(0);
    for (const s of winner.strengths.filter((s) => !s.includes('through'))) expect(s).toMatch(/\d\/5 (for [a-z0-9-]+ )?at \d+% weight \(\+\d+\.\d pts\)/);
  });

  it.each(Object.keys(k.use_cases))('%s recommends an eligible family, and not only an immature one', (id) => {
    const { ranking } = rank(id);
    expect(ranking.length).toBeGreaterThan(0);
    // Issue 14: fraud detection once left only the energy-based family (maturity 1/5).
    expect(ranking.some((r) => (k.families[r.family].ratings.maturity?.value ?? 0) >= 3), ranking.map((r) => r.family).join(', ')).toBe(true);
  });

  it('sets only answers its description supports: no preset sets a critical priority', () => {
    for (const preset of Object.values(k.use_cases)) expect(Object.values(preset.answers.priorities ?? {})).not.toContain('critical');
  });
});
