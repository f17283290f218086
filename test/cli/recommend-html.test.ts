/**
 * `recommend --format html` through the CLI, in-process: the page's chart, ruled-out list,
 * robustness and checklist hold the numbers and ids of the JSON of the same run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNITS_PER_POINT } from '../../src/render/html/chart.js';
import { attr, byTag, findAll, parsePage, SVG_NS, textOf, type Element } from '../helpers/html.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

interface Contribution { criterion: string; weight: number; rating: number; points: number }
interface Family { family: string; name: string; score: number; contributions: Contribution[]; knockouts: Array<{ reason: string }> }
interface Document {
  knowledge: { version: string; sha256: string };
  ranking: Array<Family & { rank: number; examples?: Array<{ id: string; name: string }> }>;
  ruledOut: Family[];
  robustness: { margin: number; runnerUp: string | null; winnerShare: number; flips: Array<{ criterion: string; weight: number; from: number }> };
  checklist: Array<{ id: string; title: string; references: Array<{ framework: string; id: string }> }>;
}

async function both(args: string[], cwd?: string): Promise<{ json: Document; page: ReturnType<typeof parsePage>; text: string }> {
  const json = await runInProcess([...args, '--format', 'json'], { cwd });
  const html = await runInProcess([...args, '--format', 'html'], { cwd });
  expect(json.code, json.stderr).toBe(0);
  expect(html.code, html.stderr).toBe(0);
  const page = parsePage(html.stdout);
  return { json: JSON.parse(json.stdout) as Document, page, text: textOf(page.document) };
}

const num = (e: Element, name: string) => Number(attr(e, name));
const PROFILES: Array<[string, string[]]> = [
  ['marketing visuals (four eligible, some ruled out)', ['--use-case', 'marketing-visuals', '--no-input']],
  ['fraud detection (anomaly, renamed criteria)', ['--modality', 'tabular', '--task', 'anomaly-detection', '--priority', 'modality-fit=high,speed=medium', '--sensitive-data', '--sector', 'finance', '--no-input']],
  ['a chatbot (one eligible family)', ['--use-case', 'customer-support-chatbot', '--no-input']],
];

describe.each(PROFILES)('recommend --format html: %s', (_name, args) => {
  let json: Document;
  let page: ReturnType<typeof parsePage>;
  let text: string;
  beforeAll(async () => {
    ({ json, page, text } = await both(args));
  });

  it('parses without an error, and its chart is SVG', () => {
    expect(page.errors).toEqual([]);
    const [svg] = findAll(page.document, (e) => e.tagName === 'svg' && attr(e, 'role') === 'img');
    expect(svg?.namespaceURI).toBe(SVG_NS);
  });

  it('has a bar per ranked family, in rank order, labelled with the JSON score', () => {
    const bars = findAll(page.document, (e) => attr(e, 'class') === 'bar');
    expect(bars.map((b) => attr(b, 'data-family'))).toEqual(json.ranking.map((r) => r.family));
    bars.forEach((bar, i) => {
      const family = json.ranking[i]!;
      expect(num(bar, 'data-score')).toBe(family.score);
      const [total] = findAll(bar, (e) => e.tagName === 'text' && attr(e, 'class') === 'total');
      expect(textOf(total!)).toBe(family.score.toFixed(1));
    });
  });

  it("splits each bar into the JSON's contributions: points sum to the score, widths in proportion, end to end", () => {
    for (const [i, bar] of findAll(page.document, (e) => attr(e, 'class') === 'bar').entries()) {
      const family = json.ranking[i]!;
      const rects = findAll(bar, byTag('rect'));
      const weighted = family.contributions.filter((c) => c.points > 0);
      expect(rects.map((r) => attr(r, 'data-criterion')).sort()).toEqual(weighted.map((c) => c.criterion).sort());
      let x = num(rects[0]!, 'x');
      let sum = 0;
      for (const rect of rects) {
        const c = weighted.find((w) => w.criterion === attr(rect, 'data-criterion'))!;
        expect(num(rect, 'data-points')).toBe(c.points);
        expect(num(rect, 'width')).toBeCloseTo(c.points * UNITS_PER_POINT, 1);
        expect(num(rect, 'x')).toBeCloseTo(x, 1);
        x += num(rect, 'width');
        sum += c.points;
        const [title] = findAll(rect, byTag('title'));
        expect(textOf(title!)).toContain(`${c.points.toFixed(1)} points (rated ${c.rating}/5, ${Math.round(c.weight * 100)}% of the weight)`);
      }
      // Contributions are rounded to 0.01 and the score to 0.1.
      expect(Math.abs(sum - family.score)).toBeLessThanOrEqual(0.05 + rects.length * 0.005);
      expect((x - num(rects[0]!, 'x')) / UNITS_PER_POINT).toBeCloseTo(sum, 1);
    }
  });

  it('names every weighted criterion in the legend, and the data table repeats the numbers', () => {
    const legend = findAll(page.document, (e) => attr(e, 'class') === 'legend')[0]!;
    expect(findAll(legend, byTag('li'))).toHaveLength(json.ranking[0]!.contributions.filter((c) => c.weight > 0).length);
    const table = textOf(findAll(page.document, (e) => attr(e, 'class') === 'numbers')[0]!);
    for (const r of json.ranking) for (const c of r.contributions.filter((x) => x.weight > 0)) expect(table).toContain(`${c.points.toFixed(1)} (${c.rating}/5)`);
  });

  it('names the example models of every ranked family', () => {
    const [list] = findAll(page.document, (e) => attr(e, 'class') === 'examples');
    for (const r of json.ranking.filter((x) => x.examples !== undefined)) {
      const [item] = findAll(list!, (e) => attr(e, 'data-family') === r.family);
      for (const m of r.examples!) expect(textOf(item!)).toContain(`${m.name} (${m.id},`);
    }
  });

  it('lists every ruled-out family with its reasons', () => {
    for (const r of json.ruledOut) {
      const [item] = findAll(page.document, (e) => e.tagName === 'li' && attr(e, 'data-family') === r.family);
      expect(item, r.family).toBeDefined();
      expect(textOf(item!)).toContain(r.name);
      for (const k of r.knockouts) expect(textOf(item!)).toContain(k.reason);
    }
  });

  it('gives the lead, and the weights at which the winner would change', () => {
    const facts = findAll(page.document, (e) => attr(e, 'class') === 'facts')[0];
    if (json.robustness.runnerUp === null) expect(facts).toBeUndefined();
    else expect(textOf(facts!)).toContain(`${json.robustness.margin.toFixed(1)} points`);
    for (const f of json.robustness.flips) {
      const [row] = findAll(page.document, (e) => e.tagName === 'tr' && attr(e, 'data-criterion') === f.criterion);
      // Shown as shares of the weight, as the chart's legend shows them.
      expect(textOf(row!)).toContain(`${Math.round(f.weight * 100)}%`);
      expect(textOf(row!)).toContain(`${Math.round(f.from * 100)}%`);
    }
  });

  it('holds every checklist item with its clause references, and the knowledge version', () => {
    for (const item of json.checklist) {
      const [card] = findAll(page.document, (e) => attr(e, 'data-item') === item.id);
      expect(card, item.id).toBeDefined();
      expect(textOf(card!)).toContain(item.id);
      for (const ref of item.references) expect(textOf(card!)).toContain(`${ref.framework} ${ref.id}`);
    }
    expect(text).toContain(`knowledge base ${json.knowledge.version}`);
    expect(text).toContain(json.knowledge.sha256);
  });

  it('runs no script and fetches nothing', () => {
    expect(findAll(page.document, byTag('script'))).toEqual([]);
    for (const e of findAll(page.document)) {
      for (const a of e.attrs) {
        expect(a.name.startsWith('on'), `${e.tagName} ${a.name}`).toBe(false);
        expect(['src', 'href', 'xlink:href', 'srcset', 'action', 'poster', 'data'].includes(a.name), `${e.tagName} ${a.name}`).toBe(false);
        expect(a.value, `${e.tagName} ${a.name}`).not.toMatch(/^\s*(https?:|\/\/|javascript:)/i);
      }
    }
  });
});

describe('recommend --format html --output', () => {
  it('writes the same page atomically to the file', async () => {
    const dir = tempDir('genai-advisor-html-');
    const args = ['--use-case', 'marketing-visuals', '--no-input', '--format', 'html'];
    const printed = await runInProcess(args);
    const written = await runInProcess([...args, '--output', 'report.html'], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('Wrote report.html\n');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(printed.stdout);
  });

  it('lists html among the formats in --help', async () => {
    const { stdout } = await runInProcess(['recommend', '--help']);
    expect(stdout).toMatch(/--format <format>[\s\S]*\bhtml\b/);
  });
});

describe('hostile overlay text', () => {
  it('is escaped: a <script> in a use-case title, a family name or a criterion label stays text', async () => {
    const dir = tempDir('genai-advisor-html-evil-');
    writeFileSync(
      join(dir, 'overlay.yaml'),
      [
        'use_cases:',
        '  evil-case:',
        '    title: "<script>alert(1)</script> case"',
        '    description: "<img src=x onerror=alert(2)>"',
        '    rationale: r',
        '    answers: { modality: image, task: generate }',
        'criteria:',
        '  quality: { label: "</title><script>alert(3)</script>", description: d, default_level: medium }',
        'families:',
        '  diffusion: { name: "Diff\\" onload=\\"alert(4)", short_name: "<svg onload=alert(5)>" }',
      ].join('\n'),
    );
    const result = await runInProcess(['--knowledge', 'overlay.yaml', '--use-case', 'evil-case', '--priority', 'quality=high', '--no-input', '--format', 'html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const { document, errors } = parsePage(result.stdout);
    expect(errors).toEqual([]);
    expect(findAll(document, byTag('script'))).toEqual([]);
    expect(findAll(document, byTag('img'))).toEqual([]);
    expect(findAll(document, (e) => e.attrs.some((a) => a.name.startsWith('on')))).toEqual([]);
    const text = textOf(document);
    expect(text).toContain('<script>alert(1)</script> case');
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(text).toContain('</title><script>alert(3)</script>');
    expect(text).toContain('<svg onload=alert(5)>');
    expect(textOf(findAll(document, byTag('title'))[0]!)).toBe('<script>alert(1)</script> case: use Diff" onload="alert(4)');
  });
});
