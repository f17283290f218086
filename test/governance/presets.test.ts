/**
 * The checklist of every preset, offered worldwide, as of the tests' day: a golden of the
 * built-in knowledge (not the frozen render fixture), so that a change to the law or to a
 * trigger shows, preset by preset, in review. Refresh with `npx vitest run -u` and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { selectChecklist } from '../../src/governance/select.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { completeProfile, mergeAnswers } from '../../src/profile/resolve.js';
import { TODAY } from '../helpers/today.js';

describe('preset checklists', () => {
  it('match their golden file', async () => {
    const lines: string[] = [`# Every preset's checklist with --jurisdiction global, as of ${TODAY}`];
    for (const id of Object.keys(k.use_cases)) {
      const resolution = mergeAnswers(k, [{ use_case: id, jurisdiction: ['global'] }]);
      const entries = selectChecklist(k.governance, completeProfile(k, resolution), undefined, k.governance_areas, { today: TODAY, defaulted: resolution.unanswered.map((q) => q.key) });
      lines.push('', `## ${id}`);
      for (const e of entries) {
        const assumed = e.assumed.length > 0 ? ` assumed ${e.assumed.map((a) => `${a.key}=${String(a.value)}`).join(',')}` : '';
        lines.push(`${e.id} ${e.jurisdiction} ${e.severity}${e.status ? ` ${e.status}` : ''}${assumed}`);
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('golden/preset-checklists.txt');
  });
});
