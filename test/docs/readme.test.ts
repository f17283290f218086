import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { choiceValues, flagLabel } from '../../src/profile/table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

// The README's flag table is prose for people; this keeps it from drifting from the one
// question table the CLI is built from.
describe("README's flag table", () => {
  for (const question of builtinKnowledge.questions) {
    it(`documents ${flagLabel(question)} with its answers key and every value`, () => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${flagLabel(question)}`));
      expect(row, `no README row for ${flagLabel(question)}`).toBeDefined();
      expect(row).toContain(`\`${question.key}\``);
      for (const value of choiceValues(question)) expect(row).toContain(`\`${value}\``);
    });
  }

  it('documents every criterion that --priority accepts', () => {
    for (const criterion of Object.keys(builtinKnowledge.criteria)) expect(readme).toContain(`\`${criterion}\``);
  });

  it('has no unfilled placeholder', () => {
    expect(readme).not.toMatch(/\b(RECOMMEND_TABLE|RECOMMEND_JSON|COMPARE_TABLE|CHECKLIST_MD|USE_CASES_MD|GITHUB_WORKFLOW|TODO|TBD)\b/);
  });
});
