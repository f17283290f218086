import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/check/rules.js';
import { allDone, check, eligibleRanking, knowledge, rulesOf, stackText, useCase } from './helpers.js';

const VISUALS = { use_case: 'marketing-visuals' } as const;

describe('a well-formed stack whose choices fit and whose items are done', () => {
  it('has no findings and passes', () => {
    const result = check(stackText([useCase(), useCase({ id: 'visuals', profile: VISUALS })]));
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toEqual({ useCases: 2, passed: 2, failed: 0, errors: 0, warnings: 0, notes: 0 });
  });
});

describe('family rules', () => {
  it('family/ineligible: a family the profile knocks out (a GAN for text)', () => {
    const result = check(stackText([useCase({ choice: { family: 'gan' } })]));
    const finding = result.findings.find((f) => f.rule === 'family/ineligible');
    expect(finding?.message).toMatch(/^gan is not eligible for this profile: cannot practically generate text/);
    expect(finding?.level).toBe('error');
    expect(result.ok).toBe(false);
    expect(rulesOf(check(stackText([useCase({ choice: { family: 'transformer' } })])))).not.toContain('family/ineligible');
  });

  it('family-fit/rank: the chosen family must be among the top max_rank eligible', () => {
    const third = eligibleRanking(VISUALS)[2]!.family;
    const text = (maxRank: number) => stackText([useCase({ profile: VISUALS, choice: { family: third } })], { max_rank: maxRank, max_gap: 100, min_score: 0 });
    const failing = check(text(2));
    expect(rulesOf(failing)).toEqual(['family-fit/rank']);
    expect(failing.findings[0]!.message).toContain(`${third} ranks 3rd of`);
    expect(rulesOf(check(text(3)))).toEqual([]);
  });

  it('family-fit/rank: an ineligible family is never within the top N', () => {
    const result = check(stackText([useCase({ choice: { family: 'gan' } })], { max_rank: 7 }));
    expect(rulesOf(result)).toEqual(expect.arrayContaining(['family/ineligible', 'family-fit/rank']));
  });

  it('family-fit/score: the chosen family must score at least min_score', () => {
    const best = eligibleRanking({ use_case: 'document-summarization' })[0]!;
    const failing = check(stackText([useCase()], { min_score: Math.ceil(best.score) + 1 }));
    expect(rulesOf(failing)).toEqual(['family-fit/score']);
    expect(failing.findings[0]!.message).toBe(`${best.family} scores ${best.score}, below policy.min_score ${Math.ceil(best.score) + 1}`);
    expect(rulesOf(check(stackText([useCase()], { min_score: Math.floor(best.score) })))).toEqual([]);
  });

  it('family-fit/gap: the chosen family must be within max_gap points of the best', () => {
    const [best, second] = eligibleRanking(VISUALS);
    const gap = Math.round((best!.score - second!.score) * 10) / 10;
    const text = (maxGap: number) => stackText([useCase({ profile: VISUALS, choice: { family: second!.family } })], { max_gap: maxGap });
    const failing = check(text(Math.floor(gap) - 1));
    expect(rulesOf(failing)).toEqual(['family-fit/gap']);
    expect(failing.findings[0]!.message).toContain(`${gap} points behind ${best!.family}`);
    expect(rulesOf(check(text(Math.ceil(gap))))).toEqual([]);
  });
});

describe('governance rules', () => {
  const done = allDone({ use_case: 'document-summarization' }, 'transformer');
  const without = (id: string) => Object.fromEntries(Object.keys(done).filter((k) => k !== id).map((k) => [k, done[k]]));
  // model-inventory is required for every use case; energy-use is recommended for every use case.
  const required = 'model-inventory';
  const recommended = 'energy-use';

  it('governance/missing: every applicable required item needs a status', () => {
    const failing = check(stackText([useCase({ governance: without(required) })]));
    expect(rulesOf(failing)).toEqual(['governance/missing']);
    expect(failing.findings[0]!.message).toMatch(new RegExp(`^"${required}" has no status: .*\\(required\\)$`));
    expect(failing.findings[0]!.level).toBe('error');
    expect(failing.ok).toBe(false);
  });

  it('governance/missing-recommended: a recommended item without a status is a warning', () => {
    const result = check(stackText([useCase({ governance: without(recommended) })]));
    expect(rulesOf(result)).toEqual(['governance/missing-recommended']);
    expect(result.findings[0]).toMatchObject({ level: 'warning', message: expect.stringMatching(new RegExp(`^"${recommended}" has no status: .*\\(recommended\\)$`)) });
    expect(result.ok).toBe(true);
    expect(check(stackText([useCase({ governance: without(recommended) })]), { strict: true }).ok).toBe(false);
  });

  it('policy.recommended_missing: error makes a missing recommended item an error (governance/missing)', () => {
    const result = check(stackText([useCase({ governance: without(recommended) })], { recommended_missing: 'error' }));
    expect(result.findings.map((f) => [f.rule, f.level])).toEqual([['governance/missing', 'error']]);
    expect(result.ok).toBe(false);
    const lenient = check(stackText([useCase({ governance: without(recommended) })], { recommended_missing: 'warning' }));
    expect(lenient.findings.map((f) => [f.rule, f.level])).toEqual([['governance/missing-recommended', 'warning']]);
  });

  it('policy.recommended_missing accepts only warning or error', () => {
    expect(() => check(stackText([useCase()], { recommended_missing: 'ignore' }))).toThrow(/recommended_missing/);
  });

  it('the stack profile\'s jurisdictions decide which items need a status', () => {
    const profile = { use_case: 'document-summarization', sensitive_data: true };
    const eu = allDone(profile, 'transformer');
    expect(Object.keys(eu)).toContain('gdpr-dpia');
    // The default (global and EU) wants the GDPR items; a US-only profile does not, and wants none of the EU items.
    const us = { ...profile, jurisdiction: ['us'] };
    const usDone = allDone(us, 'transformer');
    expect(Object.keys(usDone)).not.toContain('gdpr-dpia');
    expect(rulesOf(check(stackText([useCase({ profile: us, governance: usDone })])))).toEqual([]);
    const missing = check(stackText([useCase({ profile: { ...profile, jurisdiction: ['eu', 'uk'] }, governance: eu })]));
    expect(missing.findings.map((f) => f.message)).toEqual([expect.stringMatching(/^"uk-data-protection" has no status/)]);
  });

  it('governance/missing: not reported when policy.require_checklist is false', () => {
    expect(rulesOf(check(stackText([useCase({ governance: {} })], { require_checklist: false })))).toEqual([]);
  });

  it('governance/evidence: done without evidence, planned without due or overdue, not-applicable without reason', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ status: 'done' }, /is done but names no evidence/],
      [{ status: 'done', evidence: '  ' }, /is done but names no evidence/],
      [{ status: 'done', evidence: [] }, /is done but names no evidence/],
      [{ status: 'planned' }, /is planned without a due date/],
      [{ status: 'planned', due: '2026-05-31' }, /was due 2026-05-31 and is still planned \(overdue\)/],
      [{ status: 'not-applicable' }, /is not-applicable without a reason/],
    ];
    for (const [status, message] of cases) {
      const result = check(stackText([useCase({ governance: { ...without(required), [required]: status } })]));
      expect(rulesOf(result), JSON.stringify(status)).toEqual(['governance/evidence']);
      expect(result.findings[0]!.message).toMatch(message);
      expect(result.ok).toBe(false);
    }
    for (const status of [{ status: 'done', evidence: ['SEC-1'] }, { status: 'not-applicable', reason: 'no users' }]) {
      expect(rulesOf(check(stackText([useCase({ governance: { ...without(required), [required]: status } })])))).toEqual([]);
    }
  });

  it('governance/planned: an open plan is a warning, due today included; --strict makes it fail', () => {
    const text = stackText([useCase({ governance: { ...without(required), [required]: { status: 'planned', due: '2026-06-01' } } })]);
    const result = check(text);
    expect(rulesOf(result)).toEqual(['governance/planned']);
    expect(result.findings[0]!.level).toBe('warning');
    expect(result.ok).toBe(true);
    expect(result.summary.passed).toBe(1);
    const strict = check(text, { strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.summary.failed).toBe(1);
  });

  it('governance/unknown-item: a key that names no checklist item, with a did-you-mean', () => {
    const result = check(stackText([useCase({ governance: { ...done, 'ai-disclosur': { status: 'done', evidence: 'x' } } })]));
    expect(rulesOf(result)).toEqual(['governance/unknown-item']);
    expect(result.findings[0]!.message).toBe('"ai-disclosur" is not a checklist item. Did you mean "ai-disclosure"?');
    // A known item that does not apply to this profile is not an error.
    expect(rulesOf(check(stackText([useCase({ governance: { ...done, 'ai-disclosure': { status: 'done', evidence: 'x' } } })])))).toEqual([]);
  });

  it('governance/obsolete-item: a repealed law\'s item is a warning naming its replacement, not an unknown id', () => {
    const text = stackText([useCase({ governance: { ...done, 'colorado-high-risk-ai': { status: 'done', evidence: 'docs/colorado.md' } } })]);
    for (const today of ['2026-06-01', '2026-12-04', '2027-06-01']) {
      const result = check(text, { today });
      expect(rulesOf(result), today).toEqual(['governance/obsolete-item']);
      expect(result.findings[0]).toMatchObject({ level: 'warning' });
      expect(result.findings[0]!.message).toMatch(/^"colorado-high-risk-ai" no longer applies \(from 2026-06-30: SB 26-189 .*\): record its duty under "colorado-consequential-decisions" instead$/);
      expect(result.ok).toBe(true);
    }
  });
});

describe('vendor rules', () => {
  it('vendor/hosting: a hosting the policy does not allow, or none where the policy restricts it', () => {
    const policy = { allowed_hosting: ['self-hosted'] };
    const api = check(stackText([useCase({ choice: { hosting: 'api' } })], policy));
    expect(rulesOf(api)).toEqual(['vendor/hosting']);
    expect(api.findings[0]!.message).toBe('hosting "api" is not allowed by policy.allowed_hosting (self-hosted)');
    const undeclared = useCase();
    delete (undeclared.choice as Record<string, unknown>).hosting;
    expect(rulesOf(check(stackText([undeclared], policy)))).toEqual(['vendor/hosting']);
    expect(rulesOf(check(stackText([undeclared])))).toEqual([]);
    expect(rulesOf(check(stackText([useCase({ choice: { hosting: 'self-hosted' } })], policy)))).toEqual([]);
  });

  it('vendor/license: a licence not in a non-empty allow-list (compared case-insensitively)', () => {
    const policy = { allowed_licenses: ['mit', 'Apache-2.0'] };
    const gpl = check(stackText([useCase({ choice: { license: 'GPL-3.0' } })], policy));
    expect(rulesOf(gpl)).toEqual(['vendor/license']);
    expect(gpl.findings[0]!.message).toBe('license "GPL-3.0" is not in policy.allowed_licenses (mit, Apache-2.0)');
    const undeclared = useCase();
    delete (undeclared.choice as Record<string, unknown>).license;
    expect(rulesOf(check(stackText([undeclared], policy)))).toEqual(['vendor/license']);
    expect(rulesOf(check(stackText([useCase({ choice: { license: 'apache-2.0' } })], policy)))).toEqual([]);
    expect(rulesOf(check(stackText([useCase({ choice: { license: 'GPL-3.0' } })])))).toEqual([]);
  });
});

describe('stack and knowledge rules', () => {
  it('stack/duplicate-id: once per shared id, at its first repeat, naming every line', () => {
    const result = check(stackText([useCase({ id: 'a' }), useCase({ id: 'b' }), useCase({ id: 'a' }), useCase({ id: 'a' }), useCase({ id: 'b' })]));
    const duplicates = result.findings.filter((f) => f.rule === 'stack/duplicate-id');
    expect(duplicates.map((f) => [f.useCase, f.index])).toEqual([['a', 2], ['b', 4]]);
    expect(duplicates[0]!.message).toMatch(/^id "a" is used by 3 use cases \(lines \d+, \d+, \d+\); ids must be unique$/);
    expect(duplicates[1]!.message).toMatch(/^id "b" is used by 2 use cases \(lines \d+, \d+\); ids must be unique$/);
    expect(new Set(duplicates.map((f) => f.fingerprint)).size).toBe(2);
    expect(result.ok).toBe(false);
    expect(rulesOf(check(stackText([useCase({ id: 'a' }), useCase({ id: 'b' })])))).toEqual([]);
  });

  it('knowledge/drift: recorded knowledge differs and now ranks another family first', () => {
    const winner = eligibleRanking({ use_case: 'document-summarization' })[0]!.family;
    const other = winner === 'autoregressive' ? 'transformer' : 'autoregressive';
    const decided = (sha: string, family: string) => stackText([useCase({ decided_with: { knowledge_sha256: sha, knowledge_version: '0.9.0', family } })]);
    const drift = check(decided('a'.repeat(64), other));
    expect(rulesOf(drift)).toEqual(['knowledge/drift']);
    expect(drift.findings[0]!.level).toBe('warning');
    expect(drift.findings[0]!.message).toBe(
      `decided with knowledge 0.9.0 (sha256 aaaaaaaaaaaa), when ${other} ranked first; the current knowledge ${knowledge.version} (sha256 ${knowledge.sha256.slice(0, 12)}) ranks ${winner} first`,
    );
    // Same knowledge, or other knowledge that still ranks the recorded family first: no drift.
    expect(rulesOf(check(decided(knowledge.sha256, other)))).toEqual([]);
    expect(rulesOf(check(decided('a'.repeat(64), winner)))).toEqual([]);
    // Without a recorded family, the choice is what was decided.
    const noFamily = stackText([useCase({ decided_with: { knowledge_sha256: 'b'.repeat(64) } })]);
    expect(rulesOf(check(noFamily))).toEqual([]);
  });

  it('every rule has a test above (the vendor/model-* rules: in vendor.test.ts)', () => {
    expect(RULE_IDS.length).toBe(20);
  });
});

describe('the verdict', () => {
  const mixed = [
    useCase({ id: 'ok' }),
    useCase({ id: 'gan', choice: { family: 'gan', hosting: 'api' } }),
    useCase({ id: 'planned', governance: { ...allDone({ use_case: 'document-summarization' }, 'transformer'), 'energy-use': { status: 'planned', due: '2027-01-01' } } }),
    useCase({ id: 'gan' }),
    useCase({ id: 'visuals', profile: VISUALS, governance: {} }),
  ];
  const signature = (useCases: Array<Record<string, unknown>>, strict: boolean) => {
    const result = check(stackText(useCases, { allowed_hosting: ['self-hosted', 'on-device'] }), { strict });
    // Line numbers move with the order; everything else must not.
    const counts = result.findings.map((f) => `${f.rule} ${f.useCase} ${f.message.replace(/lines [\d, ]+/, 'lines')}`).sort();
    return { ok: result.ok, summary: result.summary, counts };
  };

  it('does not depend on the order of the use cases', () => {
    const reference = signature(mixed, false);
    const strictReference = signature(mixed, true);
    expect(reference.ok).toBe(false);
    fc.assert(
      fc.property(fc.shuffledSubarray(mixed, { minLength: mixed.length, maxLength: mixed.length }), (order) => {
        const shuffled = signature(order, false);
        expect(shuffled.ok).toBe(reference.ok);
        expect(shuffled.summary).toEqual(reference.summary);
        expect(shuffled.counts).toEqual(reference.counts);
        expect(signature(order, true).ok).toBe(strictReference.ok);
      }),
      { numRuns: 40 },
    );
  });

  it('lists findings in file order with the use cases they belong to', () => {
    const result = check(stackText(mixed));
    const lines = result.findings.map((f) => f.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    for (const f of result.findings) expect(result.useCases[f.index]!.id).toBe(f.useCase);
  });
});
