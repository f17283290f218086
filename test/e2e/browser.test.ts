/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by playwright-core,
 * one launch for every preset. Each report renders with no console error and fetches
 * nothing, its charts have size, axe-core finds no serious or critical accessibility
 * violation, and it prints to PDF. Skipped, with a message, where Chromium is not installed
 * (`.ci/run` installs it with apt-get).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { TODAY } from '../helpers/today.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('test/e2e/browser.test.ts skipped: Chromium is not installed (apt-get install chromium)');

const PRESETS = ['code-assistant', 'marketing-visuals', 'fraud-detection'];
const AXE = createRequire(import.meta.url)('axe-core').source as string;

describe.runIf(hasChromium)('the HTML report in headless Chromium', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'genai-advisor-chromium-'));
  beforeAll(async () => {
    // A fresh profile folder of its own (Playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it.each(PRESETS)('%s: renders cleanly, offline, accessibly, and prints', async (preset) => {
    const run = await runInProcess(['--use-case', preset, '--no-input', '--format', 'html', '--as-of', TODAY]);
    expect(run.code, run.stderr).toBe(0);
    const file = join(profile, `${preset}.html`);
    writeFileSync(file, run.stdout);
    const url = pathToFileURL(file).href;

    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    await page.goto(url, { waitUntil: 'load' });

    // What a reader needs out of context: the use case, the date, the versions.
    const meta = await page.locator('header .meta').innerText();
    expect(meta).toContain(TODAY);
    expect(meta).toMatch(/Use case: .+ · made on .+ · genai-advisor \d+\.\d+\.\d+ · knowledge base \S+/);

    // The charts (legend swatches are small on purpose): each laid out at a readable size.
    const charts = await page.locator('svg[role="img"]').all();
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(50);
      expect(box?.height).toBeGreaterThan(50);
    }

    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string }> }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
