import { describe, expect, it } from 'vitest';
import { ITEMS } from './fixtures.js';

const ARTICLE = /^Art\. \d+(\(\d+\))?(\([a-z]\))?$/;
/** Points added by Regulation (EU) 2026/1744 have two letters (Art. 5(1)(ba)). */
const EU_ARTICLE = /^Art\. \d+(\(\d+\))?(\([a-z]{1,2}\))?$/;
/** Articles the Data (Use and Access) Act 2025 inserted carry a letter (Art. 22A). */
const UK_ARTICLE = /^Art\. \d+[A-D]?(\(\d+\))?(\([a-z]\))?$/;
const PATTERNS: Record<string, RegExp[]> = {
  'NIST AI 600-1': [/^(GV|MP|MS|MG)-\d+\.\d+-\d{3}$/, /^(GOVERN|MAP|MEASURE|MANAGE) \d+\.\d+$/, /^Risk \d+: .+$/],
  'EU AI Act': [EU_ARTICLE, /^Annex [IVX]+(\(\d+\))?(\([a-z]\))?$/],
  'OWASP LLM Top 10': [/^LLM(0[1-9]|10):2025$/],
  'ISO/IEC 42001': [/^A\.\d+(\.\d+)?$/],
  GDPR: [ARTICLE],
  'UK GDPR': [UK_ARTICLE],
  'DSM Directive': [ARTICLE],
  'ICO guidance': [/^(Guidance on AI and data protection|Age Appropriate Design Code)$/],
  'UK Government standard': [/^Algorithmic Transparency Recording Standard$/],
  'Colorado AI Act': [/^(SB 24-205|SB 26-189)$/],
  'Texas law': [/^HB 149$/],
  'Illinois law': [/^HB 3773$/],
  'US federal law': [/^(TAKE IT DOWN Act|COPPA Rule)$/],
  PIPL: [/^Art\. 55$/],
  'NYC Local Law 144': [/^Local Law 144 of 2021$/],
  'California law': [/^(AB 2013|SB 942|AB 853|SB 53)$/],
  'China AI rules': [
    /^(Deep Synthesis Provisions|Interim Measures for Generative AI Services|Measures for Labelling AI-Generated Synthetic Content|GB 45438-2025)$/,
  ],
  'Model Cards': [/^Mitchell et al\. 2019$/],
};

/** The edition of each framework; where instruments of one framework differ, per clause id. */
const EDITIONS: Record<string, string | Record<string, string>> = {
  'NIST AI 600-1': 'July 2024',
  'EU AI Act': { '': 'Regulation (EU) 2024/1689', 'Art. 5(1)(ba)': 'Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744', 'Art. 5(1)(bb)': 'Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744' },
  'OWASP LLM Top 10': '2025',
  'ISO/IEC 42001': '2023',
  GDPR: 'Regulation (EU) 2016/679',
  'UK GDPR': {
    '': 'UK GDPR and Data Protection Act 2018',
    'Art. 22A': 'UK GDPR as amended by the Data (Use and Access) Act 2025',
    'Art. 22B': 'UK GDPR as amended by the Data (Use and Access) Act 2025',
    'Art. 22C': 'UK GDPR as amended by the Data (Use and Access) Act 2025',
    'Art. 22D': 'UK GDPR as amended by the Data (Use and Access) Act 2025',
  },
  'DSM Directive': 'Directive (EU) 2019/790',
  'ICO guidance': { 'Guidance on AI and data protection': 'ICO, updated 2023', 'Age Appropriate Design Code': 'ICO, 2020' },
  'UK Government standard': 'UK Government',
  'Colorado AI Act': { 'SB 24-205': 'Colorado, 2024', 'SB 26-189': 'Colorado, 2026' },
  'Texas law': '89th Legislature (2025), effective 1 Jan 2026',
  'Illinois law': 'amends the Illinois Human Rights Act, effective 1 Jan 2026',
  'US federal law': { 'TAKE IT DOWN Act': 'Pub. L. 119-12 (2025)', 'COPPA Rule': '16 CFR Part 312, as amended 2025' },
  PIPL: 'in force 1 Nov 2021',
  'NYC Local Law 144': 'NYC Admin. Code, enforced from July 2023',
  'California law': { 'AB 2013': 'Statutes of 2024', 'SB 942': 'Statutes of 2024, as amended in 2025', 'AB 853': 'Statutes of 2025', 'SB 53': 'Statutes of 2025, ch. 138' },
  'China AI rules': {
    'Deep Synthesis Provisions': 'CAC and others, in force 10 Jan 2023',
    'Interim Measures for Generative AI Services': 'CAC and others, in force 15 Aug 2023',
    'Measures for Labelling AI-Generated Synthetic Content': 'CAC and others, in force 1 Sep 2025',
    'GB 45438-2025': 'national standard, in force 1 Sep 2025',
  },
  'Model Cards': 'FAT* 2019, arXiv:1810.03993',
};

function editionOf(framework: string, id: string): string | undefined {
  const edition = EDITIONS[framework];
  return typeof edition === 'string' ? edition : (edition?.[id] ?? edition?.['']);
}

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
  'GV-1.4-001',
  'GV-1.6-003',
  'GV-3.2-003',
  'GV-5.1-002',
  'GV-6.1-007',
  'GV-6.1-009',
  'MG-2.2-005',
  'MG-3.2-008',
  'MS-2.12-003',
];

/** AI RMF subcategories the profile groups its actions under, cited where no single action fits. */
const NIST_SUBCATEGORIES = ['GOVERN 4.3', 'MANAGE 4.1', 'MANAGE 4.3', 'MEASURE 2.7'];

/** EU AI Act articles the research notes describe. */
const EU_ARTICLES = new Set([4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 26, 27, 43, 47, 48, 49, 50, 51, 53, 55, 72, 73]);
/** Art. 50 has paragraphs (1) to (5) only; Art. 53(1) has points (a) to (d). */
const EU_ANNEXES = /^Annex (I|XI|XII|III\([1-8]\)(\([a-z]\))?)$/;

const GDPR_ARTICLES = new Set([6, 9, 13, 14, 15, 17, 21, 22, 35]);

const ISO_CONTROLS = ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'];

const allRefs = ITEMS.flatMap((item) => item.references.map((ref) => ({ item: item.id, ...ref })));

describe('governance references', () => {
  it('every item has at least one reference, each with an edition', () => {
    for (const item of ITEMS) {
      expect(item.references.length, item.id).toBeGreaterThan(0);
      for (const ref of item.references) expect(ref.edition, item.id).toBeTruthy();
    }
  });

  it('every reference names a known framework with its edition', () => {
    for (const ref of allRefs) {
      expect(Object.keys(EDITIONS), ref.item).toContain(ref.framework);
      expect(ref.edition, `${ref.item}: ${ref.framework} ${ref.id}`).toBe(editionOf(ref.framework, ref.id));
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
      expect([...NIST_ACTIONS, ...NIST_SUBCATEGORIES, ...NIST_RISKS], ref.item).toContain(ref.id);
    }
  });

  it('EU AI Act articles and ISO controls are ones the research notes support', () => {
    for (const ref of allRefs.filter((r) => r.framework === 'EU AI Act')) {
      const article = /^Art\. (\d+)/.exec(ref.id);
      if (article) expect(EU_ARTICLES.has(Number(article[1])), `${ref.item}: ${ref.id}`).toBe(true);
      else expect(ref.id, ref.item).toMatch(EU_ANNEXES);
      if (ref.id.startsWith('Art. 50(')) expect(ref.id, ref.item).toMatch(/^Art\. 50\([1-5]\)$/);
      if (ref.id.startsWith('Art. 53(1)')) expect(ref.id, ref.item).toMatch(/^Art\. 53\(1\)\([a-d]\)$/);
    }
    for (const ref of allRefs.filter((r) => r.framework === 'GDPR' || r.framework === 'UK GDPR')) {
      expect(GDPR_ARTICLES.has(Number(/^Art\. (\d+)/.exec(ref.id)?.[1])), `${ref.item}: ${ref.id}`).toBe(true);
    }
    expect(allRefs.filter((r) => r.framework === 'DSM Directive').map((r) => r.id)).toEqual(['Art. 4(3)']);
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

  it('the knowledge base uses every framework and all ten OWASP entries', () => {
    const frameworks = new Set(allRefs.map((r) => r.framework));
    expect([...frameworks].sort()).toEqual(Object.keys(EDITIONS).sort());
    const owasp = new Set(allRefs.filter((r) => r.framework === 'OWASP LLM Top 10').map((r) => r.id));
    for (const n of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']) expect(owasp).toContain(`LLM${n}:2025`);
  });
});
