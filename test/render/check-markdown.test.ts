import { describe, expect, it } from 'vitest';
import { cell, renderCheckMarkdown } from '../../src/render/check-markdown.js';
import { goldenResult } from '../check/golden-fixture.js';

describe('check --format markdown', () => {
  it('matches the golden file', async () => {
    await expect(renderCheckMarkdown(goldenResult())).toMatchFileSnapshot('golden/check.md');
  });

  it('has one table row per finding, each with its file:line:col', () => {
    const result = goldenResult();
    const rows = renderCheckMarkdown(result).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Use case'));
    expect(rows).toHaveLength(result.findings.length);
    // Every row has exactly five cells: nothing in the text breaks the table.
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    expect(rows.find((r) => r.includes('`family-fit/rank`'))).toContain('config/genai-stack.yaml:11:15');
  });

  it('escapes Markdown and HTML in cells', () => {
    expect(cell('a|b <script> *x* [l](u) `c`\nd')).toBe('a\\|b &lt;script&gt; \\*x\\* \\[l\\](u) \\`c\\` d');
  });

  it('says so when everything passes', () => {
    const result = goldenResult();
    const clean = { ...result, findings: [], ok: true, useCases: result.useCases.map((u) => ({ ...u, errors: 0, warnings: 0 })), summary: { useCases: 4, passed: 4, failed: 0, errors: 0, warnings: 0 } };
    const text = renderCheckMarkdown(clean);
    expect(text).toContain('## genai-advisor check: ✅ passed');
    expect(text).toContain('4 use cases without findings.');
    expect(text).not.toContain('| Use case');
  });
});
