import { describe, expect, it } from 'vitest';
import { ITEMS } from './fixtures.js';

/**
 * Id-stability lock. Checklist ids are public (stack files refer to them), so once released
 * they are never renamed or removed. Adding an item means adding its id here, in sorted order.
 */
const LOCKED_IDS = [
  'abuse-content-safeguards',
  'ai-disclosure',
  'ai-literacy',
  'bias-evaluation',
  'ca-ai-content-disclosure',
  'ca-frontier-ai-framework',
  'ca-training-data-transparency',
  'cn-aigc-labelling',
  'cn-generative-ai-services',
  'cn-pipl-impact-assessment',
  'colorado-consequential-decisions',
  'colorado-high-risk-ai',
  'confabulation-controls',
  'content-provenance',
  'coppa-parental-consent',
  'data-access-control',
  'data-retention',
  'deepfake-disclosure',
  'emotion-biometric-notice',
  'energy-use',
  'eu-intimate-imagery-prohibition',
  'excessive-agency',
  'fundamental-rights-impact-assessment',
  'gdpr-automated-decisions',
  'gdpr-data-subject-rights',
  'gdpr-dpia',
  'gdpr-lawful-basis',
  'gpai-copyright-policy',
  'gpai-provider-documentation',
  'gpai-systemic-risk',
  'halt-plan',
  'harmful-content-filtering',
  'high-risk-accuracy-robustness',
  'high-risk-classification',
  'high-risk-conformity-registration',
  'high-risk-data-governance',
  'high-risk-deployer-duties',
  'high-risk-exemption-registration',
  'high-risk-human-oversight',
  'high-risk-post-market-monitoring',
  'high-risk-quality-management',
  'high-risk-record-keeping',
  'high-risk-risk-management',
  'human-review-workflow',
  'illinois-ai-employment',
  'improper-output-handling',
  'incident-management',
  'ip-copyright',
  'legal-requirements-review',
  'machine-readable-marking',
  'misinformation-safeguards',
  'model-card',
  'model-inventory',
  'model-versioning',
  'nyc-aedt-bias-audit',
  'output-diversity-check',
  'pii-minimisation',
  'production-monitoring',
  'prompt-injection',
  'published-text-disclosure',
  'red-teaming',
  'serious-incident-reporting',
  'synthetic-data-privacy',
  'system-prompt-leakage',
  'take-it-down-act',
  'tdm-opt-out',
  'texas-traiga',
  'third-party-due-diligence',
  'uk-atrs',
  'uk-automated-decisions',
  'uk-childrens-code',
  'uk-data-protection',
  'unbounded-consumption',
  'value-measurement',
  'vendor-data-terms',
  'voice-likeness-consent',
];

describe('governance item ids', () => {
  const ids = ITEMS.map((i) => i.id);

  it('the lock itself is sorted and has no duplicates', () => {
    expect([...LOCKED_IDS].sort()).toEqual(LOCKED_IDS);
    expect(new Set(LOCKED_IDS).size).toBe(LOCKED_IDS.length);
  });

  it('are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are kebab-case', () => {
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('no locked id was removed or renamed', () => {
    const missing = LOCKED_IDS.filter((id) => !ids.includes(id));
    expect(missing, 'released ids must never disappear').toEqual([]);
  });

  it('every id is in the lock (add new ids to LOCKED_IDS)', () => {
    const unlocked = ids.filter((id) => !LOCKED_IDS.includes(id));
    expect(unlocked).toEqual([]);
  });

  it('the contract example ids exist', () => {
    expect(ids).toContain('ai-disclosure');
    expect(ids).toContain('pii-minimisation');
  });
});
