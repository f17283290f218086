// The checklist as of a day (--as-of / GENAI_ADVISOR_AS_OF): upcoming duties are marked with
// their date, a repealed law is never listed, a stale review says so in one line, every run
// says which laws it covers, and old answers files still work and show the defaults that decided.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

interface Item { id: string; status?: string; appliesFrom?: { date: string }; assumed: Array<{ key: string; value: unknown }> }
interface Doc { checklistScope: { today: string; reviewed?: string; reviewAgeDays?: number; covered: string[]; notCovered: string[] }; checklist: Item[] }

const CREDIT = ['--modality', 'tabular', '--task', 'density-estimation', '--informs', 'credit-scoring', '--system-role', 'provider'];

async function json(argv: string[], options: Parameters<typeof runInProcess>[1] = {}): Promise<Doc> {
  const result = await runInProcess(['checklist', '--no-input', '--format', 'json', ...argv], options);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Doc;
}

const item = (doc: Doc, id: string) => doc.checklist.find((i) => i.id === id);

describe('checklist --as-of', () => {
  it('marks a duty upcoming the day before its applies-from date and in force from it', async () => {
    const before = await json([...CREDIT, '--as-of', '2027-12-01']);
    const on = await json([...CREDIT, '--as-of', '2027-12-02']);
    for (const id of ['high-risk-risk-management', 'high-risk-conformity-registration', 'high-risk-quality-management']) {
      expect(item(before, id)).toMatchObject({ status: 'upcoming', appliesFrom: { date: '2027-12-02' } });
      expect(item(on, id)?.status).toBe('in-force');
    }
    const text = await runInProcess(['checklist', '--no-input', ...CREDIT, '--as-of', '2027-12-01']);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('Jurisdiction: EU, upcoming: applies from 2027-12-02');
  });

  it('takes the day from GENAI_ADVISOR_AS_OF too', async () => {
    const doc = await json(CREDIT, { env: { GENAI_ADVISOR_AS_OF: '2028-01-01' } });
    expect(doc.checklistScope.today).toBe('2028-01-01');
    expect(item(doc, 'high-risk-risk-management')?.status).toBe('in-force');
  });

  it('never lists the repealed Colorado SB 24-205, before or after its date; SB 26-189 is upcoming until 2027-01-01', async () => {
    const us = [...CREDIT, '--jurisdiction', 'us'];
    for (const day of ['2026-03-01', '2026-07-01', '2027-02-01']) {
      const doc = await json([...us, '--as-of', day]);
      expect(item(doc, 'colorado-high-risk-ai'), day).toBeUndefined();
    }
    expect(item(await json([...us, '--as-of', '2026-12-04']), 'colorado-consequential-decisions')?.status).toBe('upcoming');
    expect(item(await json([...us, '--as-of', '2027-01-01']), 'colorado-consequential-decisions')?.status).toBe('in-force');
  });

  it('says in one line when the law behind it was reviewed more than 180 days before the day', async () => {
    const fresh = await runInProcess(['checklist', '--no-input', ...CREDIT, '--as-of', '2027-06-02']);
    const stale = await runInProcess(['checklist', '--no-input', ...CREDIT, '--as-of', '2027-06-03']);
    expect(fresh.stdout).not.toContain('last reviewed');
    expect(stale.stdout.replace(/\s+/g, ' ')).toContain('The law behind this checklist was last reviewed on 2026-12-04, 181 days before 2027-06-03: check the primary texts for later changes.');
    expect((await json([...CREDIT, '--as-of', '2027-06-03'])).checklistScope).toMatchObject({ reviewed: '2026-12-04', reviewAgeDays: 181 });
  });
});

describe('checklist scope and defaults', () => {
  it('says which laws it covers and which it leaves out; global covers them all', async () => {
    const eu = await runInProcess(['checklist', '--no-input', ...CREDIT, '--as-of', '2026-12-04']);
    expect(eu.stdout.replace(/\s+/g, ' ')).toContain('Laws covered: EU (international standards always); not covered: US, UK, China: add them with --jurisdiction (global: offered worldwide).');
    const worldwide = await json([...CREDIT, '--sensitive-data', '--jurisdiction', 'global', '--as-of', '2026-12-04']);
    expect(worldwide.checklistScope).toMatchObject({ covered: ['eu', 'us', 'uk', 'cn'], notCovered: [] });
    expect(new Set(worldwide.checklist.map((i) => (i as Item & { jurisdiction: string }).jurisdiction))).toEqual(new Set(['global', 'eu', 'us', 'uk', 'cn']));
  });

  it('an old answers file (no new answers) still works, and the output names the defaults that decided an item', async () => {
    const cwd = tempDir('genai-advisor-old-answers-');
    writeFileSync(join(cwd, 'old.yaml'), 'modality: text\ntask: conversation\nsector: finance\ncustomer_facing: true\nhigh_stakes: true\njurisdiction: [global, eu]\n');
    const doc = await json(['--answers', 'old.yaml', '--as-of', '2026-12-04'], { cwd });
    expect(item(doc, 'high-risk-classification')?.assumed).toEqual([{ key: 'informs', value: 'none' }]);
    expect(item(doc, 'ai-disclosure')).toBeUndefined();
    const text = await runInProcess(['checklist', '--no-input', '--answers', 'old.yaml', '--as-of', '2026-12-04'], { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('Assumed: the decision it informs is none (defaults: not answered).');
    const markdown = await runInProcess(['checklist', '--no-input', '--answers', 'old.yaml', '--as-of', '2026-12-04', '--format', 'markdown'], { cwd });
    expect(markdown.stdout).toContain('Assumed: the decision it informs is none (defaults: not answered).');
  });
});
