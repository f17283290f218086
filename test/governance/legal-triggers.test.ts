/**
 * Every legal item (an item of a legal order, not an international standard) triggers on the
 * facts its article names, and not on a nearby profile that lacks one of them. Adding a legal
 * item means adding its row here.
 */
import { describe, expect, it } from 'vitest';
import { itemJurisdiction } from '../../src/governance/jurisdiction.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { selectChecklist } from '../../src/governance/select.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { Profile } from '../../src/knowledge/types.js';
import { TODAY } from '../helpers/today.js';
import { ITEMS, idsFor } from './fixtures.js';

type Facts = Partial<Profile>;
const everywhere: Facts = { jurisdiction: ['global'] };
const chat: Facts = { modality: 'text', task: 'conversation' };
const imageGen: Facts = { modality: 'image', task: 'generate' };

/** id → the facts that must trigger it (none for a repealed law), and nearby profiles that must not. */
const TRIGGERS: Record<string, { yes?: Facts; no: Facts[] }> = {
  'ai-disclosure': { yes: { ...chat, interacts_with_people: true }, no: [{ ...imageGen, customer_facing: true, publishes_content: true }] },
  'published-text-disclosure': { yes: { modality: 'text', task: 'generate', publishes_content: true }, no: [{ modality: 'text', task: 'generate', customer_facing: true }, { ...imageGen, publishes_content: true }] },
  'deepfake-disclosure': { yes: { modality: 'video', task: 'generate', synthetic_media: true }, no: [{ modality: 'video', task: 'generate', publishes_content: true }] },
  'machine-readable-marking': { yes: { ...imageGen, system_role: 'provider' }, no: [{ ...imageGen, system_role: 'deployer', customer_facing: true }, { modality: 'tabular', task: 'synthetic-data', system_role: 'provider' }] },
  'emotion-biometric-notice': { yes: { modality: 'video', task: 'anomaly-detection', emotion_or_biometric: true }, no: [{ modality: 'video', task: 'anomaly-detection', sensitive_data: true }] },
  'eu-intimate-imagery-prohibition': { yes: imageGen, no: [{ modality: 'image', task: 'anomaly-detection' }, { modality: 'image', task: 'edit' }, { modality: 'text', task: 'generate' }] },
  'ai-literacy': { yes: {}, no: [{ jurisdiction: ['us'] }] },
  'high-risk-classification': { yes: { informs: 'employment' }, no: [{ sector: 'general', high_stakes: true }] },
  'high-risk-risk-management': { yes: { informs: 'employment', system_role: 'provider' }, no: [{ informs: 'employment', system_role: 'deployer' }, { sector: 'employment', high_stakes: true, system_role: 'provider' }] },
  'high-risk-data-governance': { yes: { informs: 'education', system_role: 'provider' }, no: [{ informs: 'education' }] },
  'high-risk-record-keeping': { yes: { informs: 'justice', system_role: 'provider' }, no: [{ informs: 'justice' }] },
  'high-risk-accuracy-robustness': { yes: { informs: 'migration', system_role: 'provider' }, no: [{ informs: 'migration' }] },
  'high-risk-quality-management': { yes: { informs: 'credit-scoring', system_role: 'provider' }, no: [{ informs: 'credit-scoring' }, { informs: 'none', system_role: 'provider' }] },
  'high-risk-conformity-registration': { yes: { informs: 'employment', system_role: 'provider' }, no: [{ informs: 'employment' }] },
  'high-risk-post-market-monitoring': { yes: { informs: 'law-enforcement', system_role: 'provider' }, no: [{ informs: 'law-enforcement' }] },
  'high-risk-exemption-registration': { yes: { informs: 'education', system_role: 'provider' }, no: [{ informs: 'education' }] },
  'high-risk-human-oversight': { yes: { informs: 'biometric-identification' }, no: [{ sector: 'public-sector', high_stakes: true }] },
  'high-risk-deployer-duties': { yes: { informs: 'essential-services' }, no: [{ informs: 'essential-services', system_role: 'provider' }] },
  'serious-incident-reporting': { yes: { informs: 'critical-infrastructure' }, no: [{ sector: 'critical-infrastructure', high_stakes: true }] },
  'fundamental-rights-impact-assessment': {
    yes: { informs: 'credit-scoring' },
    no: [
      { modality: 'tabular', task: 'anomaly-detection', sector: 'finance', high_stakes: true, informs: 'none' },
      { informs: 'critical-infrastructure', public_role: 'public-body' },
      { informs: 'employment' },
    ],
  },
  'gdpr-dpia': { yes: { sensitive_data: true }, no: [{ sensitive_data: false }] },
  'gdpr-lawful-basis': { yes: { sensitive_data: true }, no: [{ sensitive_data: false }] },
  'gdpr-data-subject-rights': { yes: { sensitive_data: true }, no: [{ sensitive_data: false }] },
  'gdpr-automated-decisions': { yes: { informs: 'credit-scoring' }, no: [{ sector: 'finance' }] },
  'gpai-provider-documentation': { yes: { model_role: 'fine-tune' }, no: [{ model_role: 'use' }] },
  'gpai-copyright-policy': { yes: { model_role: 'train' }, no: [{ model_role: 'use' }] },
  'gpai-systemic-risk': { yes: { model_role: 'release' }, no: [{ model_role: 'use' }] },
  'tdm-opt-out': { yes: { model_role: 'train' }, no: [{ model_role: 'release' }] },
  'uk-data-protection': { yes: { sensitive_data: true }, no: [{ high_stakes: true }] },
  'uk-automated-decisions': { yes: { informs: 'employment' }, no: [{ sector: 'employment' }] },
  'uk-childrens-code': { yes: { minors: true }, no: [{ minors: false, customer_facing: true }] },
  'uk-atrs': { yes: { public_role: 'public-body' }, no: [{ public_role: 'public-service' }, { sector: 'public-sector' }] },
  'colorado-high-risk-ai': { no: [{ informs: 'credit-scoring', high_stakes: true }, { informs: 'employment' }, { sector: 'finance', high_stakes: true }] },
  'colorado-consequential-decisions': { yes: { informs: 'insurance-pricing' }, no: [{ sector: 'finance', high_stakes: true }, { informs: 'critical-infrastructure' }] },
  'nyc-aedt-bias-audit': { yes: { informs: 'employment' }, no: [{ sector: 'employment', high_stakes: true }] },
  'illinois-ai-employment': { yes: { informs: 'employment' }, no: [{ sector: 'employment' }] },
  'texas-traiga': { yes: { ...chat, interacts_with_people: true, sector: 'healthcare' }, no: [{ ...chat, interacts_with_people: true }, { sector: 'healthcare', customer_facing: true }] },
  'ca-frontier-ai-framework': { yes: { model_role: 'train' }, no: [{ model_role: 'fine-tune' }] },
  'ca-training-data-transparency': { yes: { model_role: 'fine-tune', customer_facing: true }, no: [{ model_role: 'use', customer_facing: true }] },
  'ca-ai-content-disclosure': { yes: { ...imageGen, system_role: 'provider' }, no: [{ ...imageGen, customer_facing: true }, { modality: 'text', task: 'generate', system_role: 'provider' }] },
  'take-it-down-act': { yes: { modality: 'image', task: 'generate', synthetic_media: true, customer_facing: true }, no: [{ ...imageGen, customer_facing: true }, { modality: 'video', task: 'generate', synthetic_media: true, publishes_content: true }, { modality: 'audio', task: 'generate', synthetic_media: true, customer_facing: true }] },
  'coppa-parental-consent': { yes: { minors: true }, no: [{ customer_facing: true }] },
  'cn-aigc-labelling': { yes: { modality: 'video', task: 'generate', synthetic_media: true }, no: [{ modality: 'video', task: 'generate' }] },
  'cn-generative-ai-services': { yes: { ...chat, customer_facing: true }, no: [chat, { ...imageGen, publishes_content: true }] },
  'cn-pipl-impact-assessment': { yes: { sensitive_data: true }, no: [{ sensitive_data: false }] },
};

const LEGAL = ITEMS.filter((i) => itemJurisdiction(i) !== 'global');

describe('legal items trigger on the facts their article names', () => {
  it('every legal item has a row, and has an applies-from date (ATRS, a policy standard, excepted)', () => {
    expect(LEGAL.map((i) => i.id).sort()).toEqual(Object.keys(TRIGGERS).sort());
    for (const item of LEGAL.filter((i) => i.id !== 'uk-atrs')) expect(item.applies_from, item.id).toBeDefined();
  });

  for (const [id, { yes, no }] of Object.entries(TRIGGERS)) {
    it(`${id}: ${yes ? 'triggers on its facts, not on a nearby profile' : 'repealed: never listed, whatever the facts'}`, () => {
      if (yes) expect(idsFor({ ...everywhere, ...yes }), JSON.stringify(yes)).toContain(id);
      for (const near of no) expect(idsFor({ ...everywhere, ...near }), JSON.stringify(near)).not.toContain(id);
    });
  }
});

/** What each legal item's article needs of a preset's facts: no preset gets an item whose article does not apply. */
const NEEDS: Record<string, (p: Profile) => boolean> = {
  'ai-disclosure': (p) => p.interacts_with_people,
  'emotion-biometric-notice': (p) => p.emotion_or_biometric,
  'fundamental-rights-impact-assessment': (p) => p.informs !== 'none' && (p.public_role !== 'none' || ['credit-scoring', 'insurance-pricing'].includes(p.informs)),
  'machine-readable-marking': (p) => p.system_role === 'provider',
  'published-text-disclosure': (p) => p.publishes_content,
  'deepfake-disclosure': (p) => p.synthetic_media,
};

describe('presets get only the items whose article applies to their facts', () => {
  for (const id of Object.keys(builtinKnowledge.use_cases)) {
    it(id, () => {
      const profile = completeProfile(builtinKnowledge, mergeAnswers(builtinKnowledge, [{ use_case: id, jurisdiction: ['global'] }]));
      const listed = selectChecklist(builtinKnowledge.governance, profile, undefined, builtinKnowledge.governance_areas, { today: TODAY }).map((e) => e.id);
      for (const [item, needs] of Object.entries(NEEDS)) if (listed.includes(item)) expect(needs(profile), item).toBe(true);
      for (const item of listed.filter((i) => i.startsWith('high-risk-') && i !== 'high-risk-classification')) expect(profile.informs, item).not.toBe('none');
    });
  }

  it('marketing visuals get no Art. 50(1) disclosure; fraud detection no Art. 27 assessment', () => {
    const idsOf = (useCase: string) => {
      const profile = completeProfile(builtinKnowledge, mergeAnswers(builtinKnowledge, [{ use_case: useCase, jurisdiction: ['global'] }]));
      return selectChecklist(builtinKnowledge.governance, profile, undefined, builtinKnowledge.governance_areas, { today: TODAY }).map((e) => e.id);
    };
    expect(idsOf('marketing-visuals')).not.toContain('ai-disclosure');
    expect(idsOf('fraud-detection')).not.toContain('fundamental-rights-impact-assessment');
    expect(idsOf('customer-support-chatbot')).toContain('ai-disclosure');
  });
});
