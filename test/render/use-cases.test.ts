import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { plain } from '../../src/render/style.js';
import { describeAnswers, renderUseCasesTable } from '../../src/render/use-cases.js';

describe('the use-cases table', () => {
  it.each([60, 80, 100])('shows every preset and all it sets, cut nowhere, at %i columns', (width) => {
    const table = renderUseCasesTable(builtinKnowledge, plain, width);
    expect(table).not.toContain('…');
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.max(width, 80));
    // Wrapped, but every id and every word of what each preset sets is there whole.
    const words = new Set(table.split(/[\s│┌┐└┘├┤┬┴┼─]+/));
    for (const preset of Object.values(builtinKnowledge.use_cases)) {
      expect(words).toContain(preset.id);
      for (const word of describeAnswers(preset.answers).split(' ')) expect(words).toContain(word);
    }
  });
});
