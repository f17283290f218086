import { describe, expect, it } from 'vitest';
import { selectChecklist, selectChecklistOnce } from '../../src/governance/select.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { makeProfile } from '../helpers/profile.js';

const { governance, governance_areas: areas } = builtinKnowledge;

describe('selectChecklistOnce', () => {
  it('selects as selectChecklist does, once for profiles that differ in no fact a condition reads', () => {
    const first = selectChecklistOnce(governance, makeProfile(), 'transformer', areas);
    expect(first).toEqual(selectChecklist(governance, makeProfile(), 'transformer', areas));
    // Latency is read by ranking, not by any checklist condition.
    expect(selectChecklistOnce(governance, makeProfile({ latency: 'batch' }), 'transformer', areas)).toBe(first);
  });

  it('selects afresh when a fact, the family, the jurisdictions or the items change', () => {
    const first = selectChecklistOnce(governance, makeProfile(), 'transformer', areas);
    const cases = [
      [makeProfile({ customer_facing: true }), 'transformer', governance],
      [makeProfile({ sector: 'healthcare', high_stakes: true }), 'transformer', governance],
      [makeProfile(), 'gan', governance],
      [makeProfile({ jurisdiction: ['global'] }), 'transformer', governance],
      [makeProfile(), 'transformer', governance.filter((g) => g.id !== 'ai-literacy')],
    ] as const;
    for (const [profile, family, items] of cases) {
      const again = selectChecklistOnce(items, profile, family, areas);
      expect(again).toEqual(selectChecklist(items, profile, family, areas));
      expect(again).not.toEqual(first);
    }
  });
});
