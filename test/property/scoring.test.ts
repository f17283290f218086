/**
 * The contract's ranking invariants for random valid profiles over random valid knowledge
 * (the built-in base with a random overlay of ratings and a new criterion), in the library
 * and — a bounded number of times — in the JSON the CLI prints (in-process). Fixed seeds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { applyOverlays } from '../../src/knowledge/compile.js';
import { LEVELS, type Answers, type Knowledge, familyIds } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { recommend } from '../../src/recommend.js';
import { recommendDocument, renderJson } from '../../src/render/recommend-json.js';
import { ProfileError } from '../../src/scoring/errors.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { expectInvariants } from '../scoring/invariants.js';
import { answerFor } from '../helpers/arbitraries.js';
import { TODAY } from '../helpers/today.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };
const criteria = Object.keys(k.criteria);
// Modality fit is rated per modality, not as a criterion of its own.
const rated = criteria.filter((c) => c !== k.modality_fit.criterion);
const modalities = k.questions.find((q) => q.key === 'modality')!.choices!.map((c) => c.value);
const tasks = k.questions.find((q) => q.key === 'task')!.choices!.map((c) => c.value);
const rating = fc.integer({ min: 1, max: 5 });

/** A valid answers file: any subset of the questions, always with what is required (or a preset). */
const answersArbitrary = (criteriaIds: string[]): fc.Arbitrary<Answers> =>
  fc.record(Object.fromEntries(k.questions.map((q) => [q.key, answerFor(q, criteriaIds, Object.keys(k.use_cases), 4)])), { requiredKeys: ['modality', 'task'] }) as fc.Arbitrary<Answers>;

/** A valid overlay: re-rated families, modalities and task fits, and a new criterion some families are rated on. */
const overlayArbitrary = fc.record({
  criteria: fc.record({ 'team-slo': fc.record({ label: fc.constant('Team SLO'), description: fc.constant('Meets the team SLO'), default_level: fc.constantFrom(...LEVELS) }) }),
  families: fc.dictionary(
    fc.constantFrom(...FAMILY_IDS),
    fc.record({ ratings: fc.dictionary(fc.constantFrom(...rated, 'team-slo'), rating, { maxKeys: 4 }), modalities: fc.dictionary(fc.constantFrom(...modalities), rating, { maxKeys: 3 }), tasks: fc.dictionary(fc.constantFrom(...tasks), rating, { maxKeys: 2 }) }, { requiredKeys: [] }),
    { maxKeys: 4 },
  ),
});

/** Rankings for a profile; undefined for the one profile that cannot be ranked (every weight zero). */
function document(knowledge: Knowledge, answers: Answers): string | undefined {
  const profile = completeProfile(knowledge, mergeAnswers(knowledge, [answers]));
  try {
    return renderJson(recommendDocument(recommend(knowledge, profile, { today: TODAY }), TOOL));
  } catch (error) {
    if (error instanceof ProfileError) return undefined;
    throw error;
  }
}

describe('random valid profiles over random valid knowledge', () => {
  it('keep the ranking invariants, and the same input gives the same bytes', () => {
    let ranked = 0;
    fc.assert(
      fc.property(overlayArbitrary, answersArbitrary([...criteria, 'team-slo']), (overlay, answers) => {
        const knowledge = applyOverlays(k, [{ file: 'overlay.yaml', text: stringify(overlay) }]);
        const json = document(knowledge, answers);
        if (json === undefined) return;
        ranked++;
        const doc = JSON.parse(json);
        expectInvariants(doc, { weightTolerance: 5e-5 });
        expect(doc.ranking.every((r: { knockouts: unknown[] }) => r.knockouts.length === 0)).toBe(true);
        // Deterministic: a fresh merge of the same files and the same answers, byte for byte.
        expect(document(applyOverlays(k, [{ file: 'overlay.yaml', text: stringify(overlay) }]), structuredClone(answers))).toBe(json);
      }),
      { numRuns: 30, seed: 13 },
    );
    expect(ranked).toBeGreaterThan(24);
  });
});

describe('through the CLI', () => {
  it('the JSON keeps the invariants and is byte-identical on a second run', async () => {
    const dir = tempDir('genai-advisor-scoring-');
    const cli = (args: string[]) => runInProcess(args, { cwd: dir });
    await fc.assert(
      fc.asyncProperty(overlayArbitrary, answersArbitrary([...criteria, 'team-slo']), async (overlay, answers) => {
        writeFileSync(join(dir, 'overlay.yaml'), stringify(overlay));
        writeFileSync(join(dir, 'answers.yaml'), stringify(answers));
        const args = ['--answers', 'answers.yaml', '--knowledge', 'overlay.yaml', '--no-input', '--format', 'json'];
        const first = await cli(args);
        if (first.code === 2 && /every criterion|no criterion|weighs nothing/i.test(first.stderr)) return;
        expect(first.code, first.stderr).toBe(0);
        expect(first.stderr).toBe('');
        expectInvariants(JSON.parse(first.stdout), { weightTolerance: 5e-5 });
        expect((await cli(args)).stdout).toBe(first.stdout);
      }),
      { numRuns: 15, seed: 13 },
    );
  });
});
