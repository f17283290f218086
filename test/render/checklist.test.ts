import { describe, expect, it } from 'vitest';
import type { ChecklistEntry } from '../../src/governance/select.js';
import { checklistMarkdown, checklistText, formatReference } from '../../src/render/checklist.js';

const disclosure: ChecklistEntry = {
  id: 'ai-disclosure',
  area: 'transparency',
  areaLabel: 'Transparency',
  title: 'Tell people they are dealing with an AI system',
  why: 'People should know a machine is involved.',
  actions: ['Show a notice at the first interaction.', 'Offer a route to a human.'],
  evidence: ['Screenshot of the notice'],
  severity: 'required',
  escalated: false,
  appliesBecause: ['customer-facing'],
  jurisdiction: 'eu',
  appliesFrom: { date: '2026-08-02', source: 'Regulation (EU) 2024/1689, Art. 113' },
  assumed: [],
  notes: [],
  references: [
    { framework: 'EU AI Act', id: 'Art. 50(1)', edition: 'Regulation (EU) 2024/1689' },
    { framework: 'NIST AI 600-1', id: 'GV-5.1-002', edition: 'July 2024' },
  ],
};

const review: ChecklistEntry = {
  id: 'human-review-workflow',
  area: 'human-oversight',
  areaLabel: 'Human oversight',
  title: 'Put a qualified person between the model and high-stakes outcomes',
  why: 'A competent reviewer catches errors the model cannot see',
  actions: ['Add an approval step.'],
  evidence: ['Workflow description'],
  severity: 'required',
  escalated: true,
  appliesBecause: ['high stakes', 'required because human review is off'],
  jurisdiction: 'global',
  assumed: [],
  notes: ['A note that holds for this profile.'],
  references: [{ framework: 'NIST AI 600-1', id: 'MG-3.2-008', edition: 'July 2024' }],
};

const energy: ChecklistEntry = {
  id: 'energy-use',
  area: 'operations',
  areaLabel: 'Operations',
  title: 'Estimate and report energy use',
  why: 'Serving models uses energy.',
  actions: ['Estimate energy per 1,000 requests.'],
  evidence: ['Estimate'],
  severity: 'recommended',
  escalated: false,
  appliesBecause: ['applies to every generative-AI deployment'],
  jurisdiction: 'global',
  assumed: [],
  notes: [],
  references: [{ framework: 'NIST AI 600-1', id: 'MS-2.12-003', edition: 'July 2024' }],
};

const entries = [disclosure, review, energy];

describe('helpers', () => {
  it('formats references with their edition', () => {
    expect(formatReference(disclosure.references[0]!)).toBe('EU AI Act Art. 50(1) (Regulation (EU) 2024/1689)');
  });
});

describe('checklistText', () => {
  it('renders grouped items at width 80 (golden)', () => {
    expect(checklistText(entries, { color: (s) => s, width: 80 })).toBe(
      [
        'Governance checklist: 3 items (2 required, 1 recommended)',
        '',
        'Transparency',
        '  [ ] Tell people they are dealing with an AI system (required) [ai-disclosure]',
        '      People should know a machine is involved.',
        '      Applies because: customer-facing.',
        '      Jurisdiction: EU, applies from 2026-08-02 (Regulation (EU) 2024/1689, Art.',
        '      113).',
        '      References: EU AI Act Art. 50(1) (Regulation (EU) 2024/1689);',
        '      NIST AI 600-1 GV-5.1-002 (July 2024)',
        '',
        'Human oversight',
        '  [ ] Put a qualified person between the model and high-stakes outcomes',
        '      (required) [human-review-workflow]',
        '      A competent reviewer catches errors the model cannot see',
        '      Applies because: high stakes, required because human review is off.',
        '      Jurisdiction: global (international standards).',
        '      Note: A note that holds for this profile.',
        '      References: NIST AI 600-1 MG-3.2-008 (July 2024)',
        '',
        'Operations',
        '  [ ] Estimate and report energy use (recommended) [energy-use]',
        '      Serving models uses energy.',
        '      Applies because: applies to every generative-AI deployment.',
        '      Jurisdiction: global (international standards).',
        '      References: NIST AI 600-1 MS-2.12-003 (July 2024)',
        '',
      ].join('\n'),
    );
  });

  it('wraps to a narrow width without exceeding it', () => {
    const text = checklistText([disclosure], { color: (s) => s, width: 40 });
    expect(text).toBe(
      [
        'Governance checklist: 1 item (1',
        'required, 0 recommended)',
        '',
        'Transparency',
        '  [ ] Tell people they are dealing with',
        '      an AI system (required)',
        '      [ai-disclosure]',
        '      People should know a machine is',
        '      involved.',
        '      Applies because: customer-facing.',
        '      Jurisdiction: EU, applies from',
        '      2026-08-02 (Regulation (EU)',
        '      2024/1689, Art. 113).',
        '      References: EU AI Act Art. 50(1)',
        '      (Regulation (EU) 2024/1689); NIST',
        '      AI 600-1 GV-5.1-002 (July 2024)',
        '',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('colours through the callback only, keeping the plain layout', () => {
    const tag = (s: string, style: string) => `<${style}>${s}</${style}>`;
    const text = checklistText([energy], { color: tag, width: 80 });
    expect(text).toBe(
      [
        '<bold>Governance checklist:</bold> 1 item (0 required, 1 recommended)',
        '',
        '<bold>Operations</bold>',
        '  <dim>[ ]</dim> <bold>Estimate and report energy use</bold> <yellow>(recommended)</yellow> <dim>[energy-use]</dim>',
        '      Serving models uses energy.',
        '      <cyan>Applies because:</cyan> applies to every generative-AI deployment.',
        '      <cyan>Jurisdiction:</cyan> global (international standards).',
        '      <cyan>References:</cyan> <dim>NIST AI 600-1 MS-2.12-003 (July 2024)</dim>',
        '',
      ].join('\n'),
    );
    const plain = text.replace(/<\/?[a-z]+>/g, '');
    expect(plain).toBe(checklistText([energy], { width: 80 }));
    expect(checklistText([disclosure], { color: tag })).toContain('<red>(required)</red>');
  });

  it('can list actions', () => {
    const text = checklistText([energy], { width: 80, actions: true });
    expect(text).toContain('      - Estimate energy per 1,000 requests.\n      References:');
  });

  it('says so when nothing applies', () => {
    expect(checklistText([], { width: 80 })).toBe('Governance checklist: no items apply to this profile.\n');
  });
});

describe('checklistMarkdown', () => {
  it('renders a pasteable section with boxes and action bullets (golden)', () => {
    expect(checklistMarkdown(entries)).toBe(
      [
        '## Governance checklist',
        '',
        '3 items (2 required, 1 recommended).',
        '',
        '### Transparency',
        '',
        '- [ ] **Tell people they are dealing with an AI system** (required) — People should know a machine is involved. Applies because: customer-facing. Jurisdiction: EU, applies from 2026-08-02 (Regulation (EU) 2024/1689, Art. 113). References: EU AI Act Art. 50(1) (Regulation (EU) 2024/1689); NIST AI 600-1 GV-5.1-002 (July 2024).',
        '  - Show a notice at the first interaction.',
        '  - Offer a route to a human.',
        '',
        '### Human oversight',
        '',
        '- [ ] **Put a qualified person between the model and high-stakes outcomes** (required) — A competent reviewer catches errors the model cannot see. Applies because: high stakes, required because human review is off. Jurisdiction: global (international standards). Note: A note that holds for this profile. References: NIST AI 600-1 MG-3.2-008 (July 2024).',
        '  - Add an approval step.',
        '',
        '### Operations',
        '',
        '- [ ] **Estimate and report energy use** (recommended) — Serving models uses energy. Applies because: applies to every generative-AI deployment. Jurisdiction: global (international standards). References: NIST AI 600-1 MS-2.12-003 (July 2024).',
        '  - Estimate energy per 1,000 requests.',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown syntax in knowledge text', () => {
    const md = checklistMarkdown([{ ...energy, title: 'Use *care* with <tags> and [links]', actions: ['Run `rm`'] }]);
    expect(md).toContain('**Use \\*care\\* with \\<tags\\> and \\[links\\]**');
    expect(md).toContain('  - Run \\`rm\\`');
  });

  it('says so when nothing applies', () => {
    expect(checklistMarkdown([])).toBe('## Governance checklist\n\nNo governance items apply to this profile.\n');
  });
});
