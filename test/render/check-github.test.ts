import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderCheckGithub } from '../../src/render/check-github.js';
import { expectGolden } from '../helpers/golden.js';
import { golden, goldenResult } from '../check/golden-fixture.js';

describe('check --format github', () => {
  it('matches the golden file', () => {
    expectGolden(renderCheckGithub(goldenResult()), golden('check.github.txt'));
  });

  it('writes one annotation per finding on its file, line and column, then the totals', () => {
    const result = goldenResult();
    const lines = renderCheckGithub(result).trimEnd().split('\n');
    expect(lines).toHaveLength(result.findings.length + 1);
    lines.slice(0, -1).forEach((line, i) => {
      const f = result.findings[i]!;
      expect(line.startsWith(`::${f.level} file=config/genai-stack.yaml,line=${f.line},col=${f.col},title=${escapeProperty(`${f.rule} (${f.useCase})`)}::`)).toBe(true);
    });
    expect(lines).toContain(
      '::error file=config/genai-stack.yaml,line=11,col=15,title=family-fit/rank (chatbot)::gan is not among the eligible families; policy.max_rank allows the top 2: transformer (76.5), autoregressive (58.8)',
    );
    expect(lines.at(-1)).toMatch(/^4 use cases checked/);
  });

  it('makes warnings errors with --strict', () => {
    expect(renderCheckGithub(goldenResult({ strict: true }))).not.toContain('::warning');
  });

  it('escapes messages and properties so that no text can start a command of its own', () => {
    // CR and the other control characters are shown as escapes before the %-encoding.
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done\\r%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(escapeData('\u001b[31mred\u0007')).toBe('\\u001b[31mred\\u0007');
    // The licence in the fixture tries "\r\n::error::x": it stays inside its own annotation's message.
    const lines = renderCheckGithub(goldenResult()).trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('::error::x'))).toEqual([expect.stringMatching(/^::error file=[^:]+,title=vendor\/license \(chatbot\)::license "GPL-3\.0 <script>&'\|%25,:\\r\\n::error::x"/)]);
    expect(lines.filter((l) => !l.startsWith('::error ') && !l.startsWith('::warning '))).toHaveLength(1);
  });
});
