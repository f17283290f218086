import { describe, expect, it } from 'vitest';
import { renderCheckText, totalsLine } from '../../src/render/check-text.js';
import { plain, type Style } from '../../src/render/style.js';
import { goldenResult } from '../check/golden-fixture.js';
import { expectFits } from './width.js';

const tagged: Style = {
  bold: (t) => `<b>${t}</b>`,
  dim: (t) => `<dim>${t}</dim>`,
  red: (t) => `<red>${t}</red>`,
  green: (t) => `<green>${t}</green>`,
  yellow: (t) => `<yellow>${t}</yellow>`,
  cyan: (t) => `<cyan>${t}</cyan>`,
};

describe('check --format text', () => {
  it('matches the golden file: findings grouped per use case, then the totals', async () => {
    await expect(renderCheckText(goldenResult())).toMatchFileSnapshot('golden/check.txt');
  });

  it('with --strict, a use case with only warnings fails, and the totals say why', () => {
    // Wide enough for the totals to stay on one line.
    const relaxed = renderCheckText(goldenResult(), plain, 200);
    const strict = renderCheckText(goldenResult({ strict: true }), plain, 200);
    expect(relaxed).toMatch(/^! summaries \(transformer, line 17\)$/m);
    expect(strict).toMatch(/^✗ summaries \(transformer, line 17\)$/m);
    expect(relaxed).toMatch(/^✗ 4 use cases checked: 2 passed, 2 failed; \d+ errors, \d+ warnings$/m);
    expect(strict).toMatch(/^✗ 4 use cases checked: 1 passed, 3 failed; \d+ errors, \d+ warnings \(--strict: warnings fail\)$/m);
    // Nothing else changes.
    const differ = strict.split('\n').filter((line, i) => line !== relaxed.split('\n')[i]);
    expect(differ).toHaveLength(2);
  });

  it('prints one line per finding, with file:line:col, and nothing from the file that could drive the terminal', () => {
    const result = goldenResult();
    const text = renderCheckText(result);
    const findingLines = text.split('\n').filter((l) => l.startsWith('  config/genai-stack.yaml:'));
    expect(findingLines).toHaveLength(result.findings.length);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it.each([60, 80, 120, 200])('fits %i columns: each location whole, the message beside it when there is room, else under it', (width) => {
    const result = goldenResult();
    const text = renderCheckText(result, plain, width);
    expectFits(text, width);
    const lines = text.split('\n');
    for (const f of result.findings) {
      const at = `  ${f.file}:${f.line}:${f.col}`;
      // The location, then its level and rule: on its line, or (narrowest) on the next.
      const i = lines.findIndex((l, n) => (l.startsWith(`${at} `) && l.includes(` ${f.rule}`)) || (l === at && lines[n + 1]!.includes(` ${f.rule}`)));
      expect(i, `${f.rule} at ${f.line}:${f.col}`).toBeGreaterThanOrEqual(0);
      const beside = lines[i]!.includes(f.rule) && !lines[i]!.trimEnd().endsWith(f.rule);
      expect(beside, `${width} columns: ${lines[i]}`).toBe(width >= 120);
    }
    expect(text.replace(/\s+/g, ' ')).toContain(result.findings.map((f) => f.message.replace(/\s+/g, ' '))[1]!);
  });

  it('colours levels and marks through the style', () => {
    const text = renderCheckText(goldenResult(), tagged);
    expect(text).toContain('<red>✗</red> <b>chatbot</b>');
    expect(text).toContain('<yellow>!</yellow> <b>summaries</b>');
    expect(text).toContain('<red>error  </red>');
    expect(text).toContain('<yellow>warning</yellow>');
  });

  it('prints only the totals for a clean stack', () => {
    const result = goldenResult();
    const clean = { ...result, findings: [], ok: true, useCases: result.useCases.map((u) => ({ ...u, errors: 0, warnings: 0 })), summary: { useCases: 4, passed: 4, failed: 0, errors: 0, warnings: 0 } };
    expect(renderCheckText(clean)).toBe('✓ 4 use cases checked: 4 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(totalsLine({ ...clean, summary: { useCases: 1, passed: 1, failed: 0, errors: 1, warnings: 1 } })).toBe('1 use case checked: 1 passed, 0 failed; 1 error, 1 warning');
  });
});
