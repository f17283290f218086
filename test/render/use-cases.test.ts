import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { plain } from '../../src/render/style.js';
import { describeAnswers, renderUseCasesTable } from '../../src/render/use-cases.js';
import { expectFits } from './width.js';

describe('the use-cases table', () => {
  it.each([60, 80, 100, 200])('shows every preset and all it sets, cut nowhere, at %i columns', (width) => {
    const table = renderUseCasesTable(builtinKnowledge, plain, width);
    expect(table).not.toContain('…');
    expectFits(table, width);
    // Wrapped, but every id and every word of what each preset sets is there whole.
    const words = new Set(table.split(/[\s│┌┐└┘├┤┬┴┼─]+/));
    for (const preset of Object.values(builtinKnowledge.use_cases)) {
      expect(words).toContain(preset.id);
      for (const word of describeAnswers(preset.answers).split(' ')) expect(words).toContain(word);
    }
  });

  it('is a table where its columns fit, and one card per preset where they do not', () => {
    expect(renderUseCasesTable(builtinKnowledge, plain, 80)).toMatch(/^│ Preset \(--use-case\) +│ What it is +│ What it sets +│$/m);
    const cards = renderUseCasesTable(builtinKnowledge, plain, 60);
    expect(cards).not.toContain('│');
    for (const preset of Object.values(builtinKnowledge.use_cases)) expect(cards).toContain(`\n${preset.id} — ${preset.title}\n`);
  });
});
