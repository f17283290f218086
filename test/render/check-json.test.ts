import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/check/rules.js';
import { renderCheckJson } from '../../src/render/check-json.js';
import { goldenResult, TOOL } from '../check/golden-fixture.js';

describe('check --format json', () => {
  it('matches the golden file', async () => {
    await expect(renderCheckJson(goldenResult(), TOOL)).toMatchFileSnapshot('golden/check.json');
  });

  it('is schemaVersion 1 with consistent counts, and the same bytes for the same input', () => {
    const text = renderCheckJson(goldenResult(), TOOL);
    expect(renderCheckJson(goldenResult(), TOOL)).toBe(text);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'knowledge', 'file', 'ok', 'strict', 'today', 'policy', 'summary', 'useCases', 'findings']);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.ok).toBe(false);
    const errors = doc.findings.filter((f: { level: string }) => f.level === 'error').length;
    expect(doc.summary).toEqual({ useCases: 4, passed: 2, failed: 2, errors, warnings: doc.findings.length - errors });
    for (const f of doc.findings) {
      expect(RULE_IDS).toContain(f.rule);
      expect(doc.useCases[f.index].id).toBe(f.useCase);
      expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(f.line).toBeGreaterThan(0);
      expect(f.col).toBeGreaterThan(0);
    }
  });
});
