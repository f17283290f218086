import { describe, expect, it } from 'vitest';
import { selectChecklist, selectChecklistOnce } from '../../src/governance/select.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { makeProfile } from '../helpers/profile.js';
import { TODAY } from '../helpers/today.js';

const asOf = { today: TODAY };

const { governance, governance_areas: areas } = builtinKnowledge;

describe('selectChecklistOnce', () => {
  it('selects as selectChecklist does, once for profiles that differ in no fact a condition reads', () => {
    const first = selectChecklistOnce(governance, makeProfile(), 'transformer', areas, asOf);
    expect(first).toEqual(selectChecklist(governance, makeProfile(), 'transformer', areas, asOf));
    // Latency is read by ranking, not by any checklist condition.
    expect(selectChecklistOnce(governance, makeProfile({ latency: 'batch' }), 'transformer', areas, asOf)).toBe(first);
  });

  it('selects afresh when a fact, the family, the jurisdictions or the items change', () => {
    const first = selectChecklistOnce(governance, makeProfile(), 'transformer', areas, asOf);
    const cases = [
      [makeProfile({ customer_facing: true }), 'transformer', governance],
      [makeProfile({ sector: 'healthcare', high_stakes: true }), 'transformer', governance],
      [makeProfile(), 'gan', governance],
      [makeProfile({ jurisdiction: ['us'] }), 'transformer', governance],
      [makeProfile(), 'transformer', governance.filter((g) => g.id !== 'ai-literacy')],
    ] as const;
    for (const [profile, family, items] of cases) {
      const again = selectChecklistOnce(items, profile, family, areas, asOf);
      expect(again).toEqual(selectChecklist(items, profile, family, areas, asOf));
      expect(again).not.toEqual(first);
    }
  });

  it('selects afresh on another day: a law that is upcoming today is in force later', () => {
    const profile = makeProfile({ informs: 'employment', system_role: 'provider' });
    const now = selectChecklistOnce(governance, profile, 'transformer', areas, asOf);
    const later = selectChecklistOnce(governance, profile, 'transformer', areas, { today: '2028-12-01' });
    expect(later).toEqual(selectChecklist(governance, profile, 'transformer', areas, { today: '2028-12-01' }));
    expect(now.some((e) => e.status === 'upcoming')).toBe(true);
    expect(later.some((e) => e.status === 'upcoming')).toBe(false);
  });
});
