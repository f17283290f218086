import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { POLICY_DEFAULTS } from '../../src/check/schema.js';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';

const doc = readFileSync('docs/ci.md', 'utf8');

describe('docs/ci.md', () => {
  it('lists every rule with its level and what it requires, as the code defines them', () => {
    const table = doc.slice(doc.indexOf('### Rules'), doc.indexOf('### Formats'));
    const rows = [...table.matchAll(/^\| `([^`]+)` \| (\w+) \| (.+) \|$/gm)].map(([, id, level, summary]) => ({ id, level, summary }));
    expect(rows).toEqual(RULES.map((r) => ({ id: r.id, level: r.level, summary: r.summary })));
  });

  it('names every format and the policy defaults', () => {
    for (const format of CHECK_FORMATS) expect(doc).toContain(`\`${format}\``);
    for (const [key, value] of Object.entries(POLICY_DEFAULTS)) {
      expect(doc).toMatch(new RegExp(`^  ${key}: ${Array.isArray(value) ? `\\[${value.join(', ')}\\]` : String(value)}(\\s|$)`, 'm'));
    }
  });
});
