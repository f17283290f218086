/**
 * One reader, one verdict: the same stack file written in block style, in flow style, with
 * anchors and aliases, or with comments gets the same result (issue 12: the hand-written reader
 * and the YAML library used to disagree on the same file).
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DiagnosticsError } from '../../src/errors.js';
import { check, useCase } from './helpers.js';

const useCases = [useCase({ id: 'summaries' }), useCase({ id: 'bot', profile: { use_case: 'customer-support-chatbot' }, choice: { family: 'gan' } })];
const stack = { version: 1, policy: { max_rank: 2 }, use_cases: useCases };

/** What a result says, without positions (lines move between the spellings). */
const verdict = (text: string) => {
  const result = check(text);
  return { ok: result.ok, summary: result.summary, findings: result.findings.map((f) => `${f.useCase} ${f.rule} ${f.message}`).sort() };
};

describe('a stack file gets the same verdict however it is written', () => {
  const block = stringify(stack);
  const expected = verdict(block);

  it('fails for the one bad choice, so the comparison is not vacuous', () => {
    expect(expected.ok).toBe(false);
    expect(expected.findings.some((f) => f.startsWith('bot family/ineligible'))).toBe(true);
  });

  it('in flow style', () => {
    expect(verdict(`${JSON.stringify(stack)}\n`)).toEqual(expected);
    expect(verdict(stringify(stack, { collectionStyle: 'flow' }))).toEqual(expected);
  });

  it('with comments everywhere', () => {
    const commented = block
      .split('\n')
      .map((line, i) => (line.trim() === '' ? line : `${line}${line.endsWith(':') ? '' : ` # note ${i}`}`))
      .join('\n');
    expect(verdict(`# the team's decisions\n${commented}`)).toEqual(expected);
  });

  it('with an anchor shared by two use cases', () => {
    // Both use cases answer as the summaries preset: written twice, or once and aliased.
    const same = { version: 1, use_cases: [useCase({ id: 'summaries' }), useCase({ id: 'summaries-gan', choice: { family: 'gan' } })] };
    const twice = stringify(same);
    const profile = '    profile:\n      use_case: document-summarization\n';
    expect(twice.split(profile)).toHaveLength(3);
    const [head, first, rest] = twice.split(profile) as [string, string, string];
    const aliased = `${head}    profile: &summaries\n      use_case: document-summarization\n${first}    profile: *summaries\n${rest}`;
    expect(aliased).toContain('*summaries');
    expect(verdict(aliased)).toEqual(verdict(twice));
    expect(verdict(twice).ok).toBe(false);
  });

  it('an over-long key or deep nesting is refused with the parser\u2019s one located error', () => {
    const refused = (text: string) => {
      try {
        check(text);
      } catch (error) {
        if (error instanceof DiagnosticsError) return error.diagnostics.map((d) => d.message);
      }
      throw new Error('expected the file to be refused');
    };
    expect(refused(`version: 1\n${'k'.repeat(2_000)}: 1\nuse_cases: []\n`)).toEqual([expect.stringMatching(/^unknown key "k{200}…" \(2,000 characters\) in the file\./)]);
    expect(refused(`version: 1\nuse_cases: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual(['nesting is too deep (limit 64 levels)']);
  });
});
