import { describe, expect, it } from 'vitest';
import { ALWAYS_APPLIES, selectChecklist as selectWith } from '../../src/governance/select.js';
import { TODAY } from '../helpers/today.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { GovernanceItem } from '../../src/knowledge/types.js';
import { ITEMS, makeProfile } from './fixtures.js';

/** Selection as of the tests' fixed day; `areas` as the knowledge lists them unless given. */
function selectChecklist(items: GovernanceItem[], profile: ReturnType<typeof makeProfile>, family: string | undefined, areas: Parameters<typeof selectWith>[3] = []) {
  return selectWith(items, profile, family, areas, { today: TODAY });
}

function item(id: string, area: string, extra: Partial<GovernanceItem> = {}): GovernanceItem {
  return {
    id,
    area,
    title: `Title of ${id}`,
    why: `Why ${id}.`,
    actions: [`Do ${id}`],
    evidence: [`Proof of ${id}`],
    severity: 'recommended',
    references: [{ framework: 'ISO/IEC 42001', id: 'A.6', edition: '2023' }],
    ...extra,
  };
}

describe('selectChecklist as of a day', () => {
  const staged = item('staged', 'regulatory', { jurisdiction: 'eu', applies_from: { date: '2027-12-02', source: 'src' } });
  const repealed = item('old', 'regulatory', {
    jurisdiction: 'us',
    applies_from: { date: '2024-01-01', source: 'src' },
    until: { date: '2026-06-30', source: 'repealing act', replaced_by: 'staged' },
  });
  const neverApplied = item('never', 'regulatory', { jurisdiction: 'us', applies_from: { date: '2026-06-30', source: 'src' }, until: { date: '2026-06-30', source: 'repealed first' } });
  const on = (today: string, items: GovernanceItem[]) => selectWith(items, makeProfile({ jurisdiction: ['global'] }), undefined, [], { today });

  it('an item is upcoming before its applies-from date and in force from it', () => {
    expect(on('2027-12-01', [staged])[0]?.status).toBe('upcoming');
    expect(on('2027-12-02', [staged])[0]?.status).toBe('in-force');
    expect(on('2028-01-01', [staged])[0]?.status).toBe('in-force');
  });

  it('a repealed item is listed before its until date, never from it', () => {
    expect(on('2026-06-29', [repealed]).map((e) => e.status)).toEqual(['in-force']);
    expect(on('2026-06-30', [repealed])).toEqual([]);
    expect(on('2030-01-01', [repealed])).toEqual([]);
  });

  it('an item repealed before it took effect is never listed, not even as upcoming', () => {
    for (const today of ['2025-01-01', '2026-06-29', '2026-06-30', '2027-01-01']) expect(on(today, [neverApplied]), today).toEqual([]);
  });

  it('items without a date carry no status', () => {
    expect(on('2026-12-04', [item('plain', 'value')])[0]?.status).toBeUndefined();
  });

  it('names the defaults an item was decided on, and only those', () => {
    const gated = item('gated', 'regulatory', { when: { all: [{ system_role: 'deployer' }, { informs: 'credit-scoring' }] } });
    const profile = makeProfile({ informs: 'credit-scoring' });
    const [entry] = selectWith([gated], profile, undefined, [], { today: TODAY, defaulted: ['system_role', 'minors'] });
    expect(entry?.assumed).toEqual([{ key: 'system_role', value: 'deployer' }]);
    expect(selectWith([gated], profile, undefined, [], { today: TODAY })[0]?.assumed).toEqual([]);
  });
});

describe('selectChecklist', () => {
  it('items without a condition apply always, with the generic reason', () => {
    const [entry] = selectChecklist([item('x', 'value')], makeProfile(), undefined);
    expect(entry?.appliesBecause).toEqual([ALWAYS_APPLIES]);
    expect(entry?.escalated).toBe(false);
  });

  it('skips items whose condition does not hold and explains the ones that do', () => {
    const items = [
      item('a', 'transparency', { when: { customer_facing: true } }),
      item('b', 'transparency', { when: { customer_facing: false } }),
    ];
    const entries = selectChecklist(items, makeProfile({ customer_facing: true }), undefined);
    expect(entries.map((e) => e.id)).toEqual(['a']);
    expect(entries[0]?.appliesBecause).toEqual(['customer-facing']);
  });

  it('uses the recommended family as the `family` fact', () => {
    const items = [item('gan-only', 'fairness', { when: { family: 'gan' } })];
    expect(selectChecklist(items, makeProfile(), 'gan')[0]?.appliesBecause).toEqual(['recommended family is gan']);
    expect(selectChecklist(items, makeProfile(), 'diffusion')).toEqual([]);
    expect(selectChecklist(items, makeProfile(), undefined)).toEqual([]);
  });

  it('escalates a recommended item to required when escalate_when holds', () => {
    const items = [item('review', 'human-oversight', { when: { high_stakes: true }, escalate_when: { human_review: false } })];
    const off = selectChecklist(items, makeProfile({ high_stakes: true, human_review: false }), undefined)[0];
    expect(off).toMatchObject({ severity: 'required', escalated: true });
    expect(off?.appliesBecause).toEqual(['high stakes', 'required because human review is off']);

    const on = selectChecklist(items, makeProfile({ high_stakes: true, human_review: true }), undefined)[0];
    expect(on).toMatchObject({ severity: 'recommended', escalated: false });
    expect(on?.appliesBecause).toEqual(['high stakes']);
  });

  it('never marks an already required item as escalated', () => {
    const items = [item('r', 'security', { severity: 'required', escalate_when: { high_stakes: false } })];
    expect(selectChecklist(items, makeProfile(), undefined)[0]).toMatchObject({ severity: 'required', escalated: false });
  });

  it('orders by area, then required before recommended, then id', () => {
    const items = [
      item('z-value', 'value'),
      item('b-sec', 'security'),
      item('a-sec', 'security'),
      item('c-sec', 'security', { severity: 'required' }),
      item('t', 'transparency'),
      item('custom', 'my-own-area'),
      item('p', 'privacy', { severity: 'required' }),
    ];
    const ids = selectChecklist(items, makeProfile(), undefined, builtinKnowledge.governance_areas).map((e) => e.id);
    expect(ids).toEqual(['t', 'c-sec', 'a-sec', 'b-sec', 'p', 'z-value', 'custom']);
  });

  it('labels an area as knowledge/frameworks.yaml names it, and an unlisted one from its id', () => {
    const areas = builtinKnowledge.governance_areas;
    expect(selectChecklist([item('h', 'human-oversight')], makeProfile(), undefined, areas)[0]!.areaLabel).toBe('Human oversight');
    expect(selectChecklist([item('s', 'supply_chain')], makeProfile(), undefined, areas)[0]!.areaLabel).toBe('Supply chain');
  });

  it('returns entries with every contract field and copies instead of sharing', () => {
    const items = [item('a', 'value')];
    const before = structuredClone(items);
    const [entry] = selectChecklist(items, makeProfile(), undefined);
    expect(Object.keys(entry ?? {}).sort()).toEqual(
      ['actions', 'appliesBecause', 'area', 'areaLabel', 'assumed', 'escalated', 'evidence', 'id', 'jurisdiction', 'notes', 'references', 'severity', 'title', 'why'].sort(),
    );
    entry?.actions.push('mutated');
    entry?.references.push({ framework: 'x', id: 'y', edition: 'z' });
    expect(items).toEqual(before);
  });

  it('carries the jurisdiction (global by default), the date and the notes whose condition holds', () => {
    const items = [
      item('eu-item', 'regulatory', {
        jurisdiction: 'eu',
        applies_from: { date: '2026-08-02', source: 'Regulation (EU) 2024/1689, Art. 113' },
        notes: [{ when: { high_stakes: false }, text: 'Low stakes.' }, { when: { high_stakes: true }, text: 'High stakes.' }, { text: 'Always.' }],
      }),
      item('plain', 'value'),
    ];
    const [eu, plain] = selectChecklist(items, makeProfile(), undefined);
    expect(eu).toMatchObject({ jurisdiction: 'eu', appliesFrom: { date: '2026-08-02' }, notes: ['Low stakes.', 'Always.'] });
    expect(plain).toMatchObject({ jurisdiction: 'global', notes: [] });
    expect(plain).not.toHaveProperty('appliesFrom');
    expect(selectChecklist(items, makeProfile({ jurisdiction: ['us'] }), undefined).map((e) => e.id)).toEqual(['plain']);
  });

  it('is deterministic', () => {
    const p = makeProfile({ customer_facing: true, sensitive_data: true, high_stakes: true, sector: 'finance' });
    expect(selectChecklist(ITEMS, p, 'transformer')).toEqual(selectChecklist(ITEMS, p, 'transformer'));
  });
});
