import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderCheckGithub } from '../../src/render/check-github.js';
import { goldenResult } from '../check/golden-fixture.js';

describe('check --format github', () => {
  it('matches the golden file', async () => {
    await expect(renderCheckGithub(goldenResult())).toMatchFileSnapshot('golden/check.github.txt');
  });

  it('groups findings of one rule on one use case into one annotation, at its first finding', () => {
    const result = goldenResult();
    const lines = renderCheckGithub(result).trimEnd().split('\n');
    // The first of the two use cases with the id "chatbot".
    const missing = result.findings.filter((f) => f.rule === 'governance/missing' && f.index === 0);
    expect(missing.length).toBeGreaterThan(1);
    const grouped = lines.filter((l) => l.includes(`line=${missing[0]!.line},col=${missing[0]!.col},title=governance/missing (chatbot)`));
    expect(grouped).toHaveLength(1);
    expect(grouped[0]).toMatch(new RegExp(`^::error file=config/genai-stack.yaml,line=${missing[0]!.line},col=${missing[0]!.col},title=governance/missing (chatbot)%3A ${missing.length} findings::`.replace(/[()]/g, '\\$&')));
    for (const f of missing) expect(grouped[0]).toContain(`- ${escapeData(f.message)}`);
    expect(lines).toContain(
      '::error file=config/genai-stack.yaml,line=11,col=15,title=family-fit/rank (chatbot)::gan is not among the eligible families; policy.max_rank allows the top 2: transformer (76.6)',
    );
    expect(lines.at(-1)).toMatch(/^4 use cases checked/);
  });

  it('never writes more than 10 annotations per level, and summarises the rest in the last one', () => {
    const base = goldenResult();
    const template = base.findings[0]!;
    // 30 use cases with two rules each: 60 groups of errors, 30 of warnings.
    const findings = Array.from({ length: 30 }, (_, i) => [
      { ...template, rule: 'vendor/hosting' as const, level: 'error' as const, useCase: `uc-${i}`, index: i, line: 10 + i },
      { ...template, rule: 'vendor/license' as const, level: 'error' as const, useCase: `uc-${i}`, index: i, line: 10 + i },
      { ...template, rule: 'knowledge/drift' as const, level: 'warning' as const, useCase: `uc-${i}`, index: i, line: 10 + i },
    ]).flat();
    const lines = renderCheckGithub({ ...base, findings }).trimEnd().split('\n');
    const errors = lines.filter((l) => l.startsWith('::error '));
    const warnings = lines.filter((l) => l.startsWith('::warning '));
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    expect(errors[9]).toMatch(/^::error file=config\/genai-stack.yaml,title=51 more error groups::51 more errors not annotated/);
    expect(errors[9]).toContain('vendor/license (uc-29)');
    expect(warnings[9]).toMatch(/title=21 more warning groups::21 more warnings not annotated/);
    expect(lines.at(-1)).toBe(lines.filter((l) => !l.startsWith('::')).at(-1));
  });

  it('a group of findings on several lines names each line', () => {
    const base = goldenResult();
    const template = base.findings[0]!;
    const findings = [1, 2].map((n) => ({ ...template, rule: 'governance/evidence' as const, message: `problem ${n}`, line: 20 + n }));
    const [line] = renderCheckGithub({ ...base, findings }).split('\n');
    expect(line).toMatch(/line=21,.*title=governance\/evidence \(chatbot\)%3A 2 findings::- problem 1 \(line 21\)%0A- problem 2 \(line 22\)$/);
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
    expect(lines.filter((l) => !l.startsWith('::error ') && !l.startsWith('::warning ') && !l.startsWith('::notice '))).toHaveLength(1);
  });
});
