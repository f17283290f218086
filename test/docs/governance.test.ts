// docs/governance.md lists every legal item with its clauses, trigger, dates and source (the
// table is generated from the knowledge), and says what each --jurisdiction value includes,
// as --help does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { itemJurisdiction } from '../../src/governance/jurisdiction.js';
import { TABLE_END, TABLE_START, legalItemsTable } from '../../src/render/governance-table.js';
import { runInProcess } from '../helpers/run.js';

const page = readFileSync('docs/governance.md', 'utf8');

describe('docs/governance.md', () => {
  it('holds the table of legal items as the knowledge generates it (npx tsx scripts/governance-docs.ts)', () => {
    const table = page.slice(page.indexOf(TABLE_START), page.indexOf(TABLE_END) + TABLE_END.length);
    expect(table).toBe(legalItemsTable(builtinKnowledge.governance));
    for (const item of builtinKnowledge.governance.filter((i) => itemJurisdiction(i) !== 'global')) {
      expect(table, item.id).toContain(`| \`${item.id}\` | ${itemJurisdiction(item)} |`);
      if (item.applies_from) expect(table, item.id).toContain(`from ${item.applies_from.date}`);
    }
    expect(table).toMatch(/`colorado-high-risk-ai` .*\*\*repealed\*\*.*replaced by `colorado-consequential-decisions`/);
  });

  it('says what each --jurisdiction value includes, and --help says it from the same table', async () => {
    const question = builtinKnowledge.questions.find((q) => q.key === 'jurisdiction')!;
    const section = page.slice(page.indexOf('## Jurisdictions'), page.indexOf('## Facts that trigger'));
    const help = (await runInProcess(['checklist', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const choice of question.choices ?? []) {
      expect(section).toMatch(new RegExp(`^\\| \`${choice.value}\` \\| .+ \\|$`, 'm'));
      expect(help).toContain(`${choice.value} = ${choice.help}`);
    }
    expect(section).toContain('offered worldwide: **every** legal order');
  });
});
