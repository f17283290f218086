import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/knowledge/types.js';
import { ALWAYS_APPLIES } from '../../src/governance/select.js';
import { ACCEPTANCE, OWASP_CHAT_ITEMS, checklistFor, entryFor, idsFor } from './fixtures.js';

const ANNEX_III_USES = ['employment', 'credit-scoring', 'insurance-pricing', 'education', 'essential-services', 'law-enforcement', 'migration', 'justice', 'biometric-identification', 'critical-infrastructure'];
/** The provider's duties for a high-risk system (Art. 9-17, 43, 47-49, 72); the classification review is apart. */
const PROVIDER_DUTIES = [
  'high-risk-risk-management',
  'high-risk-data-governance',
  'high-risk-record-keeping',
  'high-risk-accuracy-robustness',
  'high-risk-quality-management',
  'high-risk-conformity-registration',
  'high-risk-post-market-monitoring',
];
/** Duties of both roles (Art. 14 and 73), and the deployer's own (Art. 26). */
const SHARED_DUTIES = ['high-risk-human-oversight', 'serious-incident-reporting'];
const HIGH_RISK_DUTIES = [...PROVIDER_DUTIES, ...SHARED_DUTIES, 'high-risk-deployer-duties', 'high-risk-exemption-registration'];
const HIGH_RISK_ITEMS = ['high-risk-classification', ...SHARED_DUTIES];
const SYNTHETIC_MEDIA_ITEMS = ['machine-readable-marking', 'deepfake-disclosure', 'content-provenance', 'abuse-content-safeguards'];
const SENSITIVE_ITEMS = ['pii-minimisation', 'data-retention', 'data-access-control', 'vendor-data-terms'];
const ALWAYS_ITEMS = [
  'production-monitoring',
  'model-versioning',
  'bias-evaluation',
  'model-inventory',
  'third-party-due-diligence',
  'value-measurement',
  'energy-use',
  'legal-requirements-review',
  'ai-literacy',
  'incident-management',
];

function refIds(id: string, p: Partial<Profile>): string[] {
  return (entryFor(id, p)?.references ?? []).map((r) => `${r.framework} ${r.id}`);
}

describe('trigger: direct interaction (Art. 50(1))', () => {
  it('adds the AI disclosure (Art. 50(1), GV-5.1-002) as required', () => {
    const e = entryFor('ai-disclosure', { modality: 'text', task: 'conversation', interacts_with_people: true });
    expect(e).toMatchObject({ severity: 'required', appliesBecause: ['people interact with it directly'] });
    expect(refIds('ai-disclosure', { interacts_with_people: true })).toEqual(
      expect.arrayContaining(['EU AI Act Art. 50(1)', 'NIST AI 600-1 GV-5.1-002']),
    );
  });

  it('no disclosure item for an internal tool, nor for a generator whose output is only published', () => {
    expect(idsFor({ customer_facing: false })).not.toContain('ai-disclosure');
    expect(idsFor({ modality: 'image', task: 'generate', customer_facing: true, publishes_content: true })).not.toContain('ai-disclosure');
  });
});

describe('trigger: customer-facing conversational text', () => {
  const chatty: Array<Partial<Profile>> = [
    { modality: 'text', task: 'conversation' },
    { modality: 'text', task: 'generate' },
    { modality: 'code', task: 'generate' },
    { modality: 'multimodal', task: 'edit' },
    { modality: 'audio', task: 'conversation' },
  ];
  for (const p of chatty) {
    it(`adds the four OWASP chat items and unbounded consumption for ${p.modality}/${p.task}`, () => {
      const ids = idsFor({ ...p, customer_facing: true });
      expect(ids).toEqual(expect.arrayContaining([...OWASP_CHAT_ITEMS, 'unbounded-consumption']));
    });
  }

  it('each OWASP item cites its 2025 entry', () => {
    const p = { modality: 'text', task: 'conversation', customer_facing: true };
    expect(refIds('prompt-injection', p)).toContain('OWASP LLM Top 10 LLM01:2025');
    expect(refIds('improper-output-handling', p)).toContain('OWASP LLM Top 10 LLM05:2025');
    expect(refIds('system-prompt-leakage', p)).toContain('OWASP LLM Top 10 LLM07:2025');
    expect(refIds('misinformation-safeguards', p)).toContain('OWASP LLM Top 10 LLM09:2025');
    expect(refIds('unbounded-consumption', p)).toContain('OWASP LLM Top 10 LLM10:2025');
  });

  it('not for internal text, nor for customer-facing image generation', () => {
    for (const p of [
      { modality: 'text', task: 'conversation', customer_facing: false },
      { modality: 'image', task: 'generate', customer_facing: true },
    ]) {
      const ids = idsFor(p);
      for (const id of [...OWASP_CHAT_ITEMS, 'unbounded-consumption']) expect(ids).not.toContain(id);
    }
  });

  it('explains why it applies', () => {
    expect(entryFor('prompt-injection', { modality: 'text', task: 'conversation', customer_facing: true })?.appliesBecause).toEqual([
      'customer-facing',
      'modality is text',
      'task is conversation',
    ]);
  });
});

describe('trigger: synthetic media', () => {
  const p = { modality: 'video', task: 'generate', synthetic_media: true, system_role: 'provider' };

  it('adds marking, deepfake disclosure, provenance and abuse safeguards', () => {
    expect(idsFor(p)).toEqual(expect.arrayContaining(SYNTHETIC_MEDIA_ITEMS));
    expect(refIds('machine-readable-marking', p)).toContain('EU AI Act Art. 50(2)');
    expect(refIds('deepfake-disclosure', p)).toContain('EU AI Act Art. 50(4)');
    expect(refIds('abuse-content-safeguards', p)).toEqual(
      expect.arrayContaining(['NIST AI 600-1 MG-2.2-005', 'NIST AI 600-1 Risk 11: Obscene, Degrading, and/or Abusive Content']),
    );
    expect(entryFor('content-provenance', p)?.actions.join(' ')).toContain('C2PA');
  });

  it('content provenance becomes required when the media is customer-facing', () => {
    expect(entryFor('content-provenance', p)).toMatchObject({ severity: 'recommended', escalated: false });
    expect(entryFor('content-provenance', { ...p, customer_facing: true })).toMatchObject({
      severity: 'required',
      escalated: true,
    });
  });

  it('none of them for an internal job without synthetic media', () => {
    const ids = idsFor({ modality: 'image', task: 'generate', synthetic_media: false });
    for (const id of SYNTHETIC_MEDIA_ITEMS) expect(ids).not.toContain(id);
  });

  it("a provider's image generator gets marking and abuse safeguards even without realistic people; a deployer owes no marking", () => {
    expect(idsFor({ modality: 'image', task: 'generate', customer_facing: true, system_role: 'provider' })).toEqual(
      expect.arrayContaining(['machine-readable-marking', 'abuse-content-safeguards', 'eu-intimate-imagery-prohibition']),
    );
    expect(idsFor({ modality: 'image', task: 'generate', customer_facing: true, system_role: 'deployer' })).not.toContain('machine-readable-marking');
  });
});

describe('trigger: sensitive data', () => {
  it('adds minimisation, retention, access control and vendor data terms as separate required items', () => {
    const entries = checklistFor({ sensitive_data: true }).filter((e) => SENSITIVE_ITEMS.includes(e.id));
    expect(entries.map((e) => e.id).sort()).toEqual([...SENSITIVE_ITEMS].sort());
    for (const e of entries) expect(e).toMatchObject({ area: 'privacy', severity: 'required', appliesBecause: ['sensitive data'] });
    const refs = entries.flatMap((e) => e.references.map((r) => `${r.framework} ${r.id}`));
    expect(refs).toEqual(
      expect.arrayContaining(['NIST AI 600-1 Risk 4: Data Privacy', 'OWASP LLM Top 10 LLM02:2025', 'ISO/IEC 42001 A.7']),
    );
  });

  it('none without sensitive data', () => {
    const ids = idsFor({ sensitive_data: false });
    for (const id of SENSITIVE_ITEMS) expect(ids).not.toContain(id);
  });
});

describe('trigger: Annex III use (not the sector)', () => {
  for (const informs of ANNEX_III_USES) {
    it(`${informs}: a provider gets the provider duties, a deployer the deployer duties`, () => {
      const provider = idsFor({ informs, system_role: 'provider' });
      expect(provider).toEqual(expect.arrayContaining([...HIGH_RISK_ITEMS, ...PROVIDER_DUTIES, 'high-risk-exemption-registration']));
      expect(provider).not.toContain('high-risk-deployer-duties');
      const deployer = idsFor({ informs, system_role: 'deployer' });
      expect(deployer).toEqual(expect.arrayContaining([...HIGH_RISK_ITEMS, 'high-risk-deployer-duties']));
      for (const id of PROVIDER_DUTIES) expect(deployer).not.toContain(id);
      expect(entryFor('high-risk-classification', { informs })?.severity).toBe('required');
    });
  }

  it('a sector alone never lists a high-risk duty: the review says why, as a recommendation', () => {
    for (const sector of ['employment', 'education', 'finance', 'public-sector', 'critical-infrastructure', 'healthcare', 'legal']) {
      const entries = checklistFor({ sector, high_stakes: true, system_role: 'provider' });
      for (const id of HIGH_RISK_DUTIES) expect(entries.map((e) => e.id), sector).not.toContain(id);
      const review = entries.find((e) => e.id === 'high-risk-classification');
      expect(review?.severity).toBe('recommended');
      expect(review?.notes.join(' ')).toMatch(/not listed: the answers name no Annex III use/);
    }
  });

  it('the obligations cite Art. 9 to 17, 26, 43, 47 to 49, 72 and 73 between them', () => {
    const refs = [...checklistFor({ informs: 'employment', system_role: 'provider' }), ...checklistFor({ informs: 'employment' })]
      .filter((e) => e.id.startsWith('high-risk') || e.id === 'serious-incident-reporting')
      .flatMap((e) => e.references.filter((r) => r.framework === 'EU AI Act').map((r) => r.id));
    for (const art of ['Art. 6', 'Art. 6(3)', 'Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 16', 'Art. 17', 'Art. 26', 'Art. 43', 'Art. 47', 'Art. 48', 'Art. 49(1)', 'Art. 49(2)', 'Art. 72', 'Art. 73']) expect(refs).toContain(art);
  });

  it('general and media get none of it, even with high stakes', () => {
    for (const sector of ['general', 'media']) {
      const ids = idsFor({ sector, high_stakes: true });
      for (const id of HIGH_RISK_ITEMS) expect(ids).not.toContain(id);
    }
  });

  it('healthcare: the review names Art. 6(1) and Annex I (medical devices) and their later date', () => {
    const review = entryFor('high-risk-classification', { sector: 'healthcare' });
    expect(review?.references.map((r) => r.id)).toEqual(expect.arrayContaining(['Art. 6(1)', 'Annex I']));
    expect(review?.notes.join(' ')).toContain('medical device');
    expect(review?.notes.join(' ')).toContain('2028-08-02');
  });

  it('a fundamental-rights impact assessment (Art. 27) on its real triggers only', () => {
    for (const p of [
      { informs: 'credit-scoring' },
      { informs: 'insurance-pricing' },
      { informs: 'employment', public_role: 'public-body' },
      { informs: 'education', public_role: 'public-service' },
    ]) expect(idsFor(p), JSON.stringify(p)).toContain('fundamental-rights-impact-assessment');
    for (const p of [
      { informs: 'none', sector: 'finance', high_stakes: true },
      { informs: 'employment' },
      { informs: 'critical-infrastructure', public_role: 'public-body' },
      { informs: 'credit-scoring', system_role: 'provider' },
    ]) expect(idsFor(p), JSON.stringify(p)).not.toContain('fundamental-rights-impact-assessment');
    expect(refIds('fundamental-rights-impact-assessment', { informs: 'credit-scoring' })).toEqual(
      expect.arrayContaining(['EU AI Act Art. 27', 'EU AI Act Annex III(5)(b)', 'EU AI Act Annex III(5)(c)']),
    );
  });
});

describe('trigger: high stakes', () => {
  it('adds human oversight and a halt plan (GV-1.3-007)', () => {
    const ids = idsFor({ high_stakes: true, human_review: true });
    expect(ids).toEqual(expect.arrayContaining(['human-review-workflow', 'halt-plan']));
    expect(refIds('halt-plan', { high_stakes: true })).toContain('NIST AI 600-1 GV-1.3-007');
    expect(entryFor('halt-plan', { high_stakes: true })?.severity).toBe('required');
  });

  it('human oversight is raised to required when human review is off', () => {
    expect(entryFor('human-review-workflow', { high_stakes: true, human_review: true })).toMatchObject({
      severity: 'recommended',
      escalated: false,
    });
    expect(entryFor('human-review-workflow', { high_stakes: true, human_review: false })).toMatchObject({
      severity: 'required',
      escalated: true,
      appliesBecause: ['high stakes', 'required because human review is off'],
    });
  });

  it('none of it when stakes are low', () => {
    const ids = idsFor({ high_stakes: false });
    expect(ids).not.toContain('human-review-workflow');
    expect(ids).not.toContain('halt-plan');
  });

  it('also raises bias evaluation to required', () => {
    expect(entryFor('bias-evaluation', { high_stakes: true })?.severity).toBe('required');
    expect(entryFor('bias-evaluation', {})?.severity).toBe('recommended');
  });
});

describe('trigger: text generation', () => {
  for (const p of [
    { modality: 'text', task: 'generate' },
    { modality: 'code', task: 'edit' },
    { modality: 'audio', task: 'conversation' },
    { modality: 'text', task: 'synthetic-data' },
  ]) {
    it(`adds confabulation controls for ${p.modality}/${p.task}`, () => {
      const e = entryFor('confabulation-controls', p);
      expect(e?.references.map((r) => r.id)).toContain('Risk 2: Confabulation');
    });
  }

  it('not for image generation or text anomaly detection', () => {
    expect(idsFor({ modality: 'image', task: 'generate' })).not.toContain('confabulation-controls');
    expect(idsFor({ modality: 'text', task: 'anomaly-detection' })).not.toContain('confabulation-controls');
  });

  it('required once customer-facing or high stakes', () => {
    expect(entryFor('confabulation-controls', { modality: 'text' })?.severity).toBe('recommended');
    expect(entryFor('confabulation-controls', { modality: 'text', customer_facing: true })?.severity).toBe('required');
    expect(entryFor('confabulation-controls', { modality: 'text', high_stakes: true })?.severity).toBe('required');
  });
});

describe('always-on items', () => {
  it('apply even to the most minimal profile, with the generic reason', () => {
    const entries = checklistFor({ modality: 'tabular', task: 'anomaly-detection', latency: 'batch' });
    for (const id of ALWAYS_ITEMS) {
      expect(entries.find((e) => e.id === id)?.appliesBecause, id).toEqual([ALWAYS_APPLIES]);
    }
    expect(entries.map((e) => e.id).sort()).toEqual([...ALWAYS_ITEMS].sort());
  });

  it('carry the expected anchors', () => {
    expect(refIds('model-inventory', {})).toEqual(expect.arrayContaining(['NIST AI 600-1 GV-6.1-007', 'NIST AI 600-1 GV-1.6-003']));
    expect(refIds('third-party-due-diligence', {})).toEqual(
      expect.arrayContaining(['NIST AI 600-1 GV-6.1-009', 'OWASP LLM Top 10 LLM03:2025']),
    );
    expect(refIds('energy-use', {})).toContain('NIST AI 600-1 MS-2.12-003');
  });
});

describe('other conditional items', () => {
  it('IP and copyright for generation of text, code, image, audio or video', () => {
    for (const modality of ['text', 'code', 'image', 'audio', 'video']) expect(idsFor({ modality, task: 'generate' })).toContain('ip-copyright');
    expect(idsFor({ modality: 'image', task: 'anomaly-detection' })).not.toContain('ip-copyright');
    expect(idsFor({ modality: 'tabular', task: 'generate' })).not.toContain('ip-copyright');
  });

  it('excessive agency for assistants, required when high stakes go unreviewed', () => {
    expect(entryFor('excessive-agency', { task: 'conversation' })?.severity).toBe('recommended');
    expect(entryFor('excessive-agency', { task: 'conversation', high_stakes: true })?.severity).toBe('required');
    expect(entryFor('excessive-agency', { task: 'conversation', high_stakes: true, human_review: true })?.severity).toBe(
      'recommended',
    );
    expect(idsFor({ task: 'generate' })).not.toContain('excessive-agency');
  });

  it('output diversity check for a GAN recommendation or synthetic data', () => {
    expect(entryFor('output-diversity-check', { modality: 'image' }, 'gan')?.appliesBecause).toEqual(['recommended family is gan']);
    expect(idsFor({ modality: 'image' }, 'diffusion')).not.toContain('output-diversity-check');
    expect(idsFor({ modality: 'tabular', task: 'synthetic-data' })).toContain('output-diversity-check');
  });

  it('synthetic data privacy, required when the source data is sensitive', () => {
    expect(entryFor('synthetic-data-privacy', { modality: 'tabular', task: 'synthetic-data' })?.severity).toBe('recommended');
    expect(
      entryFor('synthetic-data-privacy', { modality: 'tabular', task: 'synthetic-data', sensitive_data: true })?.severity,
    ).toBe('required');
  });

  it('published text disclosure for published text, required for media without human review', () => {
    const published = { modality: 'text', task: 'generate', publishes_content: true };
    expect(entryFor('published-text-disclosure', { ...published, sector: 'media' })?.severity).toBe('required');
    expect(entryFor('published-text-disclosure', { ...published, sector: 'media', human_review: true })?.severity).toBe('recommended');
    expect(entryFor('published-text-disclosure', published)?.severity).toBe('recommended');
    expect(idsFor({ modality: 'text', task: 'generate', sector: 'media', customer_facing: true })).not.toContain('published-text-disclosure');
  });
});

describe('acceptance (issue 4)', () => {
  const chatbot = checklistFor(ACCEPTANCE.chatbot);
  const internal = checklistFor(ACCEPTANCE.internalBatchImage);
  const healthcare = checklistFor(ACCEPTANCE.healthcare);

  it('a customer-facing chatbot gets the disclosure and the OWASP chat items, all required', () => {
    for (const id of ['ai-disclosure', ...OWASP_CHAT_ITEMS]) {
      expect(chatbot.find((e) => e.id === id)?.severity, id).toBe('required');
    }
  });

  it('an internal batch image job gets none of the prompt-injection family of items', () => {
    const ids = internal.map((e) => e.id);
    for (const id of ['prompt-injection', 'improper-output-handling', 'system-prompt-leakage', 'misinformation-safeguards', 'unbounded-consumption', 'ai-disclosure']) {
      expect(ids).not.toContain(id);
    }
  });

  it('a customer-facing, sensitive, high-stakes healthcare profile gets the most items', () => {
    expect(healthcare.length).toBeGreaterThan(chatbot.length);
    expect(healthcare.length).toBeGreaterThan(internal.length);
    expect(healthcare.filter((e) => e.severity === 'required').length).toBeGreaterThan(
      chatbot.filter((e) => e.severity === 'required').length,
    );
    // Dropping any one of its risk factors gives a shorter list.
    for (const weaker of [
      { informs: 'none' },
      { interacts_with_people: false },
      { customer_facing: false },
      { sensitive_data: false },
    ]) {
      expect(checklistFor({ ...ACCEPTANCE.healthcare, ...weaker }).length, JSON.stringify(weaker)).toBeLessThan(
        healthcare.length,
      );
    }
    expect(healthcare.map((e) => e.id)).toEqual(
      expect.arrayContaining(['ai-disclosure', ...OWASP_CHAT_ITEMS, ...SENSITIVE_ITEMS, ...HIGH_RISK_ITEMS, 'halt-plan', 'human-review-workflow']),
    );
  });

  it('every item in every acceptance checklist carries a reference with an edition', () => {
    for (const entry of [...chatbot, ...internal, ...healthcare]) {
      expect(entry.references.length, entry.id).toBeGreaterThan(0);
      for (const ref of entry.references) expect(ref.edition, entry.id).not.toBe('');
    }
  });

  it('the item counts are stable', () => {
    expect({ chatbot: chatbot.length, internal: internal.length, healthcare: healthcare.length }).toMatchInlineSnapshot(`
      {
        "chatbot": 20,
        "healthcare": 34,
        "internal": 12,
      }
    `);
  });
});

describe('reference fixes (issue 17)', () => {
  const chat = { modality: 'text', task: 'conversation', customer_facing: true, interacts_with_people: true } as const;

  it('the first-interaction timing rule is Art. 50(5)', () => {
    expect(refIds('ai-disclosure', chat)).toEqual(expect.arrayContaining(['EU AI Act Art. 50(1)', 'EU AI Act Art. 50(5)']));
  });

  it('production monitoring cites MANAGE 4.1 instead of MG-2.2-005', () => {
    expect(refIds('production-monitoring', {})).toContain('NIST AI 600-1 MANAGE 4.1');
    expect(refIds('production-monitoring', {})).not.toContain('NIST AI 600-1 MG-2.2-005');
  });

  it('IP cites Art. 53(1)(c) and (d), not a bare Art. 53', () => {
    const refs = refIds('ip-copyright', { modality: 'text', task: 'generate' });
    expect(refs).toEqual(expect.arrayContaining(['EU AI Act Art. 53(1)(c)', 'EU AI Act Art. 53(1)(d)']));
    expect(refs).not.toContain('EU AI Act Art. 53');
  });

  it('harmful content cites CBRN (risk 1); abuse content cites GV-1.4-001', () => {
    expect(refIds('harmful-content-filtering', chat)).toContain('NIST AI 600-1 Risk 1: CBRN Information or Capabilities');
    expect(refIds('abuse-content-safeguards', { synthetic_media: true })).toContain('NIST AI 600-1 GV-1.4-001');
  });

  it('incident management cites GOVERN 4.3, MANAGE 4.3 and ISO/IEC 42001 A.3, required once customer-facing', () => {
    expect(refIds('incident-management', {})).toEqual(
      expect.arrayContaining(['NIST AI 600-1 GOVERN 4.3', 'NIST AI 600-1 MANAGE 4.3', 'ISO/IEC 42001 A.3']),
    );
    expect(entryFor('incident-management', {})?.severity).toBe('recommended');
    expect(entryFor('incident-management', { customer_facing: true })?.severity).toBe('required');
  });
});

describe('acceptance (issue 17)', () => {
  it("a provider's text generation lists machine-readable marking (Art. 50(2) covers text)", () => {
    for (const task of ['generate', 'edit', 'conversation']) {
      expect(idsFor({ modality: 'text', task, system_role: 'provider' }), task).toContain('machine-readable-marking');
    }
    expect(idsFor({ modality: 'text', task: 'generate', system_role: 'deployer', customer_facing: true })).not.toContain('machine-readable-marking');
    expect(idsFor({ modality: 'tabular', task: 'synthetic-data', system_role: 'provider' })).not.toContain('machine-readable-marking');
  });

  it('healthcare synthetic test data with no Annex III use lists no Art. 9-15 duty, and says why', () => {
    const entries = checklistFor({ modality: 'tabular', task: 'synthetic-data', sector: 'healthcare' });
    const ids = entries.map((e) => e.id);
    for (const id of HIGH_RISK_DUTIES) expect(ids).not.toContain(id);
    expect(entries.find((e) => e.id === 'high-risk-classification')?.notes.join(' ')).toContain('are not listed');
  });

  it('sensitive data brings the GDPR items', () => {
    const ids = idsFor({ sensitive_data: true });
    expect(ids).toEqual(expect.arrayContaining(['gdpr-dpia', 'gdpr-lawful-basis', 'gdpr-data-subject-rights']));
    expect(refIds('gdpr-dpia', { sensitive_data: true })).toContain('GDPR Art. 35');
    expect(refIds('gdpr-lawful-basis', { sensitive_data: true })).toEqual(expect.arrayContaining(['GDPR Art. 6', 'GDPR Art. 9']));
    for (const id of ['gdpr-dpia', 'gdpr-lawful-basis', 'gdpr-data-subject-rights']) expect(idsFor({ sensitive_data: false })).not.toContain(id);
  });

  it('automated decisions (Art. 22) with high stakes, required without human review', () => {
    expect(entryFor('gdpr-automated-decisions', { high_stakes: true })?.severity).toBe('required');
    expect(entryFor('gdpr-automated-decisions', { high_stakes: true, human_review: true })?.severity).toBe('recommended');
    expect(idsFor({})).not.toContain('gdpr-automated-decisions');
  });

  it('data-subject rights reach training data when the team trains a model', () => {
    expect(entryFor('gdpr-data-subject-rights', { sensitive_data: true })?.notes).toEqual([]);
    expect(entryFor('gdpr-data-subject-rights', { sensitive_data: true, model_role: 'fine-tune' })?.notes.join(' ')).toContain('training set');
  });

  it('a fine-tuning answer brings the general-purpose model items; using a model does not', () => {
    const gpai = ['gpai-provider-documentation', 'gpai-copyright-policy', 'gpai-systemic-risk', 'tdm-opt-out', 'model-card'];
    expect(idsFor({ model_role: 'fine-tune' })).toEqual(expect.arrayContaining(gpai));
    for (const id of gpai) expect(idsFor({ model_role: 'use' })).not.toContain(id);
    expect(refIds('gpai-provider-documentation', { model_role: 'fine-tune' })).toEqual(
      expect.arrayContaining(['EU AI Act Art. 53(1)(a)', 'EU AI Act Art. 53(1)(b)', 'EU AI Act Annex XI', 'EU AI Act Annex XII']),
    );
    expect(refIds('gpai-systemic-risk', { model_role: 'train' })).toContain('EU AI Act Art. 55');
    expect(refIds('tdm-opt-out', { model_role: 'train' })).toContain('DSM Directive Art. 4(3)');
    // Releasing someone's model is not training on scraped content.
    expect(idsFor({ model_role: 'release' })).not.toContain('tdm-opt-out');
    expect(entryFor('model-card', { model_role: 'release' })?.severity).toBe('required');
  });

  it('red teaming for customer-facing generative systems; voice and likeness consent for synthetic media', () => {
    expect(idsFor({ modality: 'image', task: 'generate', customer_facing: true })).toContain('red-teaming');
    expect(idsFor({ modality: 'image', task: 'generate' })).not.toContain('red-teaming');
    expect(idsFor({ modality: 'audio', task: 'generate', synthetic_media: true })).toContain('voice-likeness-consent');
    expect(idsFor({ modality: 'audio', task: 'generate' })).not.toContain('voice-likeness-consent');
  });

  it('Art. 50(3) only for emotion recognition or biometric categorisation', () => {
    expect(refIds('emotion-biometric-notice', { modality: 'video', task: 'anomaly-detection', emotion_or_biometric: true })).toContain('EU AI Act Art. 50(3)');
    expect(idsFor({ modality: 'video', task: 'anomaly-detection', sensitive_data: true })).not.toContain('emotion-biometric-notice');
  });
});
