/**
 * The knowledge every golden file is rendered with: a frozen, trimmed copy of the base
 * (test/fixtures/golden-knowledge.yaml), with a fixed version and sha256. A golden pins the
 * shape of a format; editing knowledge/ must not rewrite it, so none is made from the
 * built-in base. Goldens are refreshed with `npx vitest run -u` (toMatchFileSnapshot), the
 * one update mechanism; review the diff before committing it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Answers, Knowledge } from '../../src/knowledge/types.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { TODAY } from './today.js';

export const goldenKnowledge = parse(readFileSync(new URL('../fixtures/golden-knowledge.yaml', import.meta.url), 'utf8')) as Knowledge;

/** The recommendation the golden files of `recommend` show: image generation, where some families are knocked out. */
export const GOLDEN_ANSWERS: Answers = { modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'high', diversity: 'high' }, customer_facing: true };

export function goldenRecommendation(answers: Answers = GOLDEN_ANSWERS) {
  return recommend(goldenKnowledge, completeProfile(goldenKnowledge, mergeAnswers(goldenKnowledge, [answers])), { today: TODAY });
}
