/** The governance questions and check's severity rule, through the CLI in-process (run(argv, io)). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';

const cli = (argv: string[], cwd = process.cwd()) => runInProcess(argv, { cwd });

const checklistJson = async (...flags: string[]) => {
  const result = await cli(['checklist', '--no-input', '--format', 'json', ...flags]);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { checklist: Array<{ id: string; jurisdiction: string; appliesFrom?: { date: string; source: string }; notes: string[] }> }).checklist;
};

describe('--jurisdiction and --model-role', () => {
  it('take several jurisdictions, comma-separated or repeated, with the same result', async () => {
    const base = ['--modality', 'video', '--task', 'generate', '--synthetic-media', '--customer-facing', '--system-role', 'provider'];
    const comma = await checklistJson(...base, '--jurisdiction', 'cn,us');
    const repeated = await checklistJson(...base, '--jurisdiction', 'cn', '--jurisdiction', 'us');
    expect(repeated).toEqual(comma);
    const ids = comma.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['cn-aigc-labelling', 'ca-ai-content-disclosure']));
    expect(ids).not.toContain('machine-readable-marking');
  });

  it('--jurisdiction cn --synthetic-media brings the labelling measures, with jurisdiction and date in the JSON', async () => {
    const entries = await checklistJson('--modality', 'image', '--task', 'generate', '--synthetic-media', '--jurisdiction', 'cn');
    expect(entries.find((e) => e.id === 'cn-aigc-labelling')).toMatchObject({ jurisdiction: 'cn', appliesFrom: { date: '2025-09-01' } });
  });

  it('the default keeps the EU items', async () => {
    const entries = await checklistJson('--modality', 'text', '--task', 'generate', '--system-role', 'provider');
    expect(entries.find((e) => e.id === 'machine-readable-marking')).toMatchObject({ jurisdiction: 'eu', appliesFrom: { date: '2026-08-02' } });
  });

  it('an unknown jurisdiction is a one-line error naming the allowed values (exit 2)', async () => {
    const result = await cli(['checklist', '--no-input', '--modality', 'text', '--task', 'generate', '--jurisdiction', 'eu,mars']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"mars" is not one of them.');
    expect(result.stderr).toMatch(/global, eu, us, uk, cn/);
  });

  it('--model-role fine-tune brings the general-purpose model items, with the note on substantial modification', async () => {
    const entries = await checklistJson('--modality', 'text', '--task', 'generate', '--model-role', 'fine-tune');
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['gpai-provider-documentation', 'gpai-copyright-policy', 'gpai-systemic-risk', 'tdm-opt-out', 'model-card']));
    expect(entries.find((e) => e.id === 'gpai-provider-documentation')?.notes.join(' ')).toContain('substantial');
    const use = (await checklistJson('--modality', 'text', '--task', 'generate')).map((e) => e.id);
    expect(use).not.toContain('gpai-provider-documentation');
  });

  it('the text checklist shows each item’s jurisdiction and the reason the high-risk duties are missing', async () => {
    const result = await cli(['checklist', '--no-input', '--modality', 'tabular', '--task', 'synthetic-data', '--sector', 'healthcare', '--as-of', '2026-12-04']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Jurisdiction: EU, upcoming: applies from 2027-12-02');
    expect(result.stdout).toContain('Jurisdiction: global (international standards).');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('The high-risk duties are not listed: the answers name no Annex III use');
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('Assumed: the decision it informs is none (defaults: not answered).');
    expect(result.stdout).not.toContain('[high-risk-risk-management]');
  });

  it('answers files take the jurisdiction as a list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-cli-'));
    try {
      writeFileSync(join(dir, 'answers.yaml'), 'modality: text\ntask: generate\nsensitive_data: true\njurisdiction: [uk]\n');
      const result = await cli(['checklist', '--no-input', '--format', 'json', '--answers', 'answers.yaml'], dir);
      const ids = (JSON.parse(result.stdout) as { checklist: Array<{ id: string }> }).checklist.map((e) => e.id);
      expect(ids).toContain('uk-data-protection');
      expect(ids).not.toContain('gdpr-dpia');
      writeFileSync(join(dir, 'bad.yaml'), 'modality: text\ntask: generate\njurisdiction: eu\n');
      const bad = await cli(['checklist', '--no-input', '--answers', 'bad.yaml'], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/bad\.yaml:3:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('check: severity of a missing recommended item', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gov-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function stackWithout(policy: string) {
    // A fresh init records every applicable item as planned; dropping the recommended ones leaves them missing.
    const file = `stack-${policy || 'default'}.yaml`;
    const init = await cli(['init', file, '--use-case', 'document-summarization', '--hosting', 'self-hosted', '--no-input'], dir);
    expect(init.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    let text = readFileSync(join(dir, file), 'utf8');
    text = text.replace(/^ +(energy-use|model-versioning|value-measurement): .*\n/gm, '');
    if (policy) text = text.replace(/^version: 1\n/m, `version: 1\npolicy:\n  recommended_missing: ${policy}\n`);
    writeFileSync(join(dir, file), text);
    return file;
  }

  it('is a warning by default: the check passes', async () => {
    const result = await cli(['check', await stackWithout(''), '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { ok: boolean; findings: Array<{ rule: string; level: string }> };
    expect(result.code).toBe(0);
    expect(report.ok).toBe(true);
    const missing = report.findings.filter((f) => f.rule === 'governance/missing-recommended');
    expect(missing).toHaveLength(3);
    for (const f of missing) expect(f.level).toBe('warning');
  });

  it('is an error with policy.recommended_missing: error: the check fails', async () => {
    const result = await cli(['check', await stackWithout('error'), '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { ok: boolean; findings: Array<{ rule: string; level: string }> };
    expect(result.code).toBe(1);
    expect(report.findings.filter((f) => f.rule === 'governance/missing' && f.level === 'error')).toHaveLength(3);
  });

  it('--format github groups the open items of a fresh init into one annotation', async () => {
    const init = await cli(['init', 'fresh.yaml', '--use-case', 'document-summarization', '--hosting', 'self-hosted', '--no-input'], dir);
    expect(init.code).toBe(0);
    const result = await cli(['check', 'fresh.yaml', '--format', 'github'], dir);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=fresh\.yaml,line=\d+,col=\d+,title=governance\/planned \(document-summarization\)%3A \d+ findings::/);
  });
});
