import { describe, expect, it } from 'vitest';
import { ITEMS } from './fixtures.js';

const PATTERNS: Record<string, RegExp[]> = {
  'NIST AI 600-1': [/^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/, /^Risk \d+: .+$/],
  'EU AI Act': [/^(Art\. \d+(\(\d+\))?(\([a-z]\))?|Annex [IVX]+(\(\d+\))?)$/],
  'OWASP LLM Top 10': [/^LLM(0[1-9]|10):2025$/],
  'ISO/IEC 42001': [/^A\.\d+(\.\d+)?$/],
};

const EDITIONS: Record<string, string> = {
  'NIST AI 600-1': 'July 2024',
  'EU AI Act': 'Regulation (EU) 2024/1689',
  'OWASP LLM Top 10': '2025',
  'ISO/IEC 42001': '2023',
};

/** The NIST AI 600-1 risks, numbered and named as in the profile. */
const NIST_RISKS = [
  'CBRN Information or Capabilities',
  'Confabulation',
  'Dangerous, Violent, or Hateful Content',
  'Data Privacy',
  'Environmental Impacts',
  'Harmful Bias or Homogenization',
  'Human-AI Configuration',
  'Information Integrity',
  'Information Security',
  'Intellectual Property',
  'Obscene, Degrading, and/or Abusive Content',
  'Value Chain and Component Integration',
].map((name, i) => `Risk ${i + 1}: ${name}`);

/** Action ids confirmed in shared/research/governance-frameworks.md. */
const NIST_ACTIONS = [
  'GV-1.1-001',
  'GV-1.3-002',
  'GV-1.3-007',
  'GV-1.6-003',
  'GV-3.2-003',
  'GV-5.1-002',
  'GV-6.1-007',
  'GV-6.1-009',
  'MG-2.2-005',
  'MG-3.2-008',
  'MS-2.12-003',
];

/** EU AI Act articles the research notes describe. */
const EU_ARTICLES = new Set([5, 6, 9, 10, 11, 12, 13, 14, 15, 26, 50, 53]);

const ISO_CONTROLS = ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'];

const allRefs = ITEMS.flatMap((item) => item.references.map((ref) => ({ item: item.id, ...ref })));

describe('governance references', () => {
  it('every item has at least one reference, each with an edition', () => {
    for (const item of ITEMS) {
      expect(item.references.length, item.id).toBeGreaterThan(0);
      for (const ref of item.references) expect(ref.edition, item.id).toBeTruthy();
    }
  });

  it('every reference names one of the four frameworks with its edition', () => {
    for (const ref of allRefs) {
      expect(Object.keys(EDITIONS), ref.item).toContain(ref.framework);
      expect(ref.edition, `${ref.item}: ${ref.framework}`).toBe(EDITIONS[ref.framework]);
    }
  });

  it("every reference id matches its framework's id pattern", () => {
    for (const ref of allRefs) {
      const patterns = PATTERNS[ref.framework] ?? [];
      expect(
        patterns.some((p) => p.test(ref.id)),
        `${ref.item}: ${ref.framework} ${ref.id}`,
      ).toBe(true);
    }
  });

  it('NIST ids are known actions or correctly numbered risk names', () => {
    for (const ref of allRefs.filter((r) => r.framework === 'NIST AI 600-1')) {
      expect([...NIST_ACTIONS, ...NIST_RISKS], ref.item).toContain(ref.id);
    }
  });

  it('EU AI Act articles and ISO controls are ones the research notes support', () => {
    for (const ref of allRefs.filter((r) => r.framework === 'EU AI Act')) {
      const article = /^Art\. (\d+)/.exec(ref.id);
      if (article) expect(EU_ARTICLES.has(Number(article[1])), `${ref.item}: ${ref.id}`).toBe(true);
      else expect(ref.id, ref.item).toMatch(/^Annex III\([1-8]\)$/);
    }
    for (const ref of allRefs.filter((r) => r.framework === 'ISO/IEC 42001')) {
      expect(ISO_CONTROLS, ref.item).toContain(ref.id);
    }
  });

  it('no item cites the same clause twice', () => {
    for (const item of ITEMS) {
      const keys = item.references.map((r) => `${r.framework}|${r.id}`);
      expect(new Set(keys).size, item.id).toBe(keys.length);
    }
  });

  it('the knowledge base uses all four frameworks and all ten OWASP entries', () => {
    const frameworks = new Set(allRefs.map((r) => r.framework));
    expect([...frameworks].sort()).toEqual(Object.keys(EDITIONS).sort());
    const owasp = new Set(allRefs.filter((r) => r.framework === 'OWASP LLM Top 10').map((r) => r.id));
    for (const n of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']) expect(owasp).toContain(`LLM${n}:2025`);
  });
});
