import { describe, expect, it } from 'vitest';
import { inJurisdictions, itemJurisdiction } from '../../src/governance/jurisdiction.js';
import { JURISDICTIONS } from '../../src/knowledge/types.js';
import { ITEMS, checklistFor, entryFor, idsFor } from './fixtures.js';

/** The frameworks whose law belongs to each legal order; global items rest on international standards. */
const FRAMEWORKS_OF: Record<string, string[]> = {
  global: ['NIST AI 600-1', 'ISO/IEC 42001', 'OWASP LLM Top 10', 'Model Cards'],
  eu: ['EU AI Act', 'GDPR', 'DSM Directive'],
  us: ['Colorado AI Act', 'NYC Local Law 144', 'California law', 'Texas law', 'Illinois law', 'US federal law'],
  uk: ['UK GDPR', 'ICO guidance', 'UK Government standard'],
  cn: ['China AI rules', 'PIPL'],
};

/**
 * Regulation (EU) 2024/1689 Art. 113 as amended by the Digital Omnibus on AI (adopted 29 June 2026):
 * Chapters I-II from 2 Feb 2025, Chapter V from 2 Aug 2025, the high-risk duties of Chapter III and
 * their incident reporting (Art. 73) for Annex III systems from 2 Dec 2027, the rest from 2 Aug 2026.
 */
function euAiActDate(article: number, clause: string): string {
  // The prohibitions Regulation (EU) 2026/1744 added to Art. 5(1) apply from 2 Dec 2026.
  if (clause === 'Art. 5(1)(ba)' || clause === 'Art. 5(1)(bb)') return '2026-12-02';
  if (article <= 5) return '2025-02-02';
  if (article >= 51 && article <= 56) return '2025-08-02';
  // Chapter III (high-risk, Arts. 6-49) and its monitoring and incident reporting (Arts. 72, 73).
  if ((article >= 6 && article <= 49) || article === 72 || article === 73) return '2027-12-02';
  return '2026-08-02';
}

const byId = (id: string) => ITEMS.find((i) => i.id === id)!;

describe('jurisdictions of the items', () => {
  it('every item cites a framework of its own jurisdiction', () => {
    for (const item of ITEMS) {
      const own = FRAMEWORKS_OF[itemJurisdiction(item)]!;
      expect(item.references.some((r) => own.includes(r.framework)), item.id).toBe(true);
    }
  });

  it('items resting only on one legal order carry that jurisdiction, not global', () => {
    for (const item of ITEMS) {
      const orders = new Set(item.references.map((r) => Object.keys(FRAMEWORKS_OF).find((j) => FRAMEWORKS_OF[j]!.includes(r.framework))));
      if (orders.size === 1 && !orders.has('global')) expect(itemJurisdiction(item), item.id).toBe([...orders][0]);
    }
  });

  it('each legal order of the question has items', () => {
    for (const j of JURISDICTIONS) expect(ITEMS.some((i) => itemJurisdiction(i) === j), j).toBe(true);
  });
});

describe('dates from which staged law applies', () => {
  it('are calendar dates with a source', () => {
    for (const item of ITEMS.filter((i) => i.applies_from)) {
      expect(item.applies_from!.date, item.id).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(item.applies_from!.source.length, item.id).toBeGreaterThan(5);
    }
  });

  it('EU AI Act items give the date of Art. 113 for the articles they rest on', () => {
    for (const item of ITEMS.filter((i) => itemJurisdiction(i) === 'eu' && i.references[0]?.framework === 'EU AI Act')) {
      const articles = item.references
        .filter((r) => r.framework === 'EU AI Act')
        .map((r) => ({ clause: r.id, article: Number(/^Art\. (\d+)/.exec(r.id)?.[1]) }))
        .filter((a) => !Number.isNaN(a.article))
        // Art. 5 and Art. 6 are cited for screening; the item's own duty decides its date.
        .filter((a) => a.article !== 5 || item.references[0]?.id.startsWith('Art. 5'));
      const expected = articles.map((a) => euAiActDate(a.article, a.clause)).sort().at(-1);
      expect(item.applies_from?.date, item.id).toBe(expected);
      expect(item.applies_from?.source, item.id).toMatch(/^Regulation \(EU\) 2024\/1689, Art\. 113/);
    }
  });

  it('the dates the issue names', () => {
    expect(byId('ai-literacy').applies_from?.date).toBe('2025-02-02');
    expect(byId('gpai-provider-documentation').applies_from?.date).toBe('2025-08-02');
    expect(byId('machine-readable-marking').applies_from?.date).toBe('2026-08-02');
    expect(byId('high-risk-risk-management').applies_from?.date).toBe('2027-12-02');
    expect(byId('high-risk-risk-management').applies_from?.note).toContain('2028-08-02');
    expect(byId('high-risk-risk-management').applies_from?.source).toContain('Regulation (EU) 2026/1744');
    expect(byId('machine-readable-marking').applies_from?.note).toContain('2026-12-02');
    expect(byId('eu-intimate-imagery-prohibition').applies_from?.date).toBe('2026-12-02');
    expect(byId('colorado-high-risk-ai').until).toMatchObject({ date: '2026-06-30', replaced_by: 'colorado-consequential-decisions' });
    expect(byId('colorado-consequential-decisions').applies_from?.date).toBe('2027-01-01');
    expect(byId('uk-automated-decisions').applies_from?.date).toBe('2026-02-05');
    expect(byId('take-it-down-act').applies_from?.date).toBe('2026-05-19');
    expect(byId('cn-aigc-labelling').applies_from?.date).toBe('2025-09-01');
    expect(byId('ca-training-data-transparency').applies_from?.date).toBe('2026-01-01');
  });
});

describe('selection by jurisdiction', () => {
  const media = { modality: 'video', task: 'generate', customer_facing: true, synthetic_media: true, sensitive_data: true, system_role: 'provider' } as const;

  it('the default (EU) lists the EU items and no other legal order', () => {
    const entries = checklistFor(media);
    const orders = new Set(entries.map((e) => e.jurisdiction));
    expect([...orders].sort()).toEqual(['eu', 'global']);
  });

  it('China with synthetic media brings the labelling measures and drops the EU items', () => {
    const entries = checklistFor({ ...media, jurisdiction: ['cn'] });
    const labelling = entries.find((e) => e.id === 'cn-aigc-labelling');
    expect(labelling?.references.map((r) => r.id)).toEqual(
      expect.arrayContaining(['Measures for Labelling AI-Generated Synthetic Content', 'GB 45438-2025', 'Deep Synthesis Provisions']),
    );
    expect(labelling?.appliesFrom?.date).toBe('2025-09-01');
    expect(entries.some((e) => e.jurisdiction === 'eu')).toBe(false);
    // International standards stay on every checklist.
    expect(entries.map((e) => e.id)).toContain('model-inventory');
  });

  it('several jurisdictions add up', () => {
    const ids = idsFor({ ...media, jurisdiction: ['eu', 'us', 'uk'] });
    expect(ids).toEqual(expect.arrayContaining(['machine-readable-marking', 'ca-ai-content-disclosure', 'uk-data-protection', 'gdpr-dpia']));
    expect(ids).not.toContain('cn-aigc-labelling');
  });

  it('global (offered worldwide) keeps every legal order\'s items, as naming them all does', () => {
    const worldwide = checklistFor({ ...media, jurisdiction: ['global'] });
    expect(new Set(worldwide.map((e) => e.jurisdiction))).toEqual(new Set(['global', 'eu', 'us', 'uk', 'cn']));
    expect(worldwide.map((e) => e.id)).toEqual(checklistFor({ ...media, jurisdiction: ['eu', 'us', 'uk', 'cn'] }).map((e) => e.id));
  });

  it('a profile without the answer keeps every item; global items are never filtered out', () => {
    expect(inJurisdictions({ jurisdiction: 'cn' }, undefined)).toBe(true);
    expect(inJurisdictions({ jurisdiction: 'cn' }, ['eu'])).toBe(false);
    expect(inJurisdictions({ jurisdiction: 'cn' }, ['global'])).toBe(true);
    expect(inJurisdictions({}, ['cn'])).toBe(true);
  });

  it('US items: Colorado SB 26-189 for consequential decisions (never the repealed SB 24-205), NYC for hiring tools', () => {
    const us = { jurisdiction: ['us'] };
    expect(idsFor({ ...us, informs: 'credit-scoring' })).toContain('colorado-consequential-decisions');
    expect(idsFor({ ...us, informs: 'credit-scoring' })).not.toContain('colorado-high-risk-ai');
    expect(idsFor({ ...us, sector: 'finance' })).not.toContain('colorado-consequential-decisions');
    expect(entryFor('nyc-aedt-bias-audit', { ...us, informs: 'employment' })?.jurisdiction).toBe('us');
    expect(idsFor({ ...us, sector: 'employment' })).not.toContain('nyc-aedt-bias-audit');
    expect(idsFor({ informs: 'employment' })).not.toContain('nyc-aedt-bias-audit');
  });
});
