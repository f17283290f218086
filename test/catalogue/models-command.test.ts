import { describe, expect, it } from 'vitest';
import { filterModels } from '../../src/catalogue/filter.js';
import { builtinKnowledge as k } from '../../src/knowledge/builtin.js';
import { renderModelsTable } from '../../src/render/models-text.js';
import { plain } from '../../src/render/style.js';
import { cli } from './helpers.js';

describe('genai-advisor models', () => {
  it('lists real open-weight diffusion image models with their licences', async () => {
    const { code, stdout, stderr } = await cli(['models', '--family', 'diffusion', '--modality', 'image', '--open-weights']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('stable-diffusion-xl');
    expect(stdout).toContain('CreativeML OpenRAIL++-M');
    expect(stdout).toContain('flux-1-schnell');
    expect(stdout).toContain('Apache-2.0');
    expect(stdout).not.toContain('dall-e-3');
  });

  it('gives JSON and YAML with the filters and the catalogue date', async () => {
    const json = JSON.parse((await cli(['models', '--task', 'synthetic-data', '--license', 'permissive', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, asOf: '2026-12-04', today: '2026-12-04', filters: { task: 'synthetic-data', license: 'permissive' } });
    expect(json.count).toBe(json.models.length);
    expect(json.models.every((m: { licenseCategory: string; tasks: string[] }) => m.licenseCategory === 'permissive' && m.tasks.includes('synthetic-data'))).toBe(true);
    const yaml = (await cli(['models', '--hosting', 'on-device', '--format', 'yaml'])).stdout;
    expect(yaml).toMatch(/^schemaVersion: 1$/m);
    expect(yaml).toContain('id: llama-3-2');
  });

  it('gives a Markdown table linking each model to its source, retired models marked', async () => {
    const { stdout } = await cli(['models', '--family', 'transformer', '--format', 'markdown']);
    expect(stdout).toContain('[GPT-4o](https://openai.com/index/hello-gpt-4o/)');
    expect(stdout).toContain('| `gpt-5` | deprecated: shuts down 2026-12-11 |');
    expect(stdout).not.toContain('claude-3-5-sonnet');
    const all = (await cli(['models', '--family', 'transformer', '--format', 'markdown', '--all'])).stdout;
    expect(all).toContain('| `claude-3-5-sonnet` | retired, replacement claude-sonnet-4-5 |');
  });

  it('accepts a licence name in any case', async () => {
    const { code, stdout } = await cli(['models', '--license', 'llama 3.1 community license', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).models.map((m: { id: string }) => m.id)).toEqual(['llama-3-1']);
  });

  it.each([
    [['--family', 'difusion'], 'unknown family "difusion". Did you mean "diffusion"?'],
    [['--modality', 'imag'], 'Did you mean "image"?'],
    [['--task', 'generat'], 'Did you mean "generate"?'],
    [['--hosting', 'on-devise'], 'Did you mean "on-device"?'],
    [['--license', 'permisive'], 'Did you mean "permissive"?'],
    [['--license', 'apache'], 'Did you mean "Apache-2.0"?'],
  ])('refuses an unknown value with a did-you-mean: %s', async (args, hint) => {
    const { code, stdout, stderr } = await cli(['models', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(hint);
  });

  it('says so when nothing matches', async () => {
    const { code, stdout } = await cli(['models', '--modality', '3d', '--license', 'proprietary']);
    expect(code).toBe(0);
    expect(stdout).toContain('No model in the catalogue matches these filters.');
  });
});

describe('the models table', () => {
  const all = filterModels(k.models, { statuses: ['active', 'deprecated', 'retired'] });
  const clean = (word: string) => word.replace(/^[(,]+|[),]+$/g, '');
  /** The words of the columns every layout shows: each must appear whole. */
  const essential = all.flatMap((m) => [m.id, m.families[0]!, m.license_category, ...m.license.split(' '), ...m.hosting, ...m.modalities].map(clean));

  it.each([60, 80, 100, 120, 160, 200])('fits %i columns and cuts no word', (width) => {
    const text = renderModelsTable(k, all, {}, '2026-12-04', plain, width);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    const shown = new Set(lines.flatMap((l) => l.split(/[\s│┌┐└┘├┤┬┴┼─·]+/)).map(clean).filter(Boolean));
    expect(essential.filter((w) => !shown.has(w)), `at ${width}`).toEqual([]);
  });

  it('draws a table when the essential columns fit, and one block per model when they do not', () => {
    expect(renderModelsTable(k, all, {}, '2026-12-04', plain, 120)).toContain('┌');
    expect(renderModelsTable(k, all, {}, '2026-12-04', plain, 60)).not.toContain('┌');
  });

  it('does not repeat a licence that is named by its category', () => {
    const narrow = renderModelsTable(k, all, {}, '2026-12-04', plain, 60);
    expect(narrow).toContain('proprietary');
    expect(narrow).not.toContain('proprietary (proprietary)');
  });
});
