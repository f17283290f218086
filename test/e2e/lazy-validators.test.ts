// Each schema's validator is a module of its own (build/validators/<name>.cjs), loaded only by
// the command that validates that kind of file (issue 28): the built CLI is run with a loader
// hook that lists the bundle's files it loads, and the validators are told apart by the
// titles of their schemas, which ajv's verbose code embeds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnBounded } from '../helpers/spawn.js';

const dir = mkdtempSync(join(tmpdir(), 'genai-advisor-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const impl = join(dir, 'list-loads.mjs');
writeFileSync(impl, "export async function load(url, context, next) { if (url.includes('/dist/')) process.stderr.write(`LOADED ${url}\\n`); return next(url, context); }\n");
const hook = join(dir, 'hook.mjs');
writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(impl).href)});\n`);

const TITLES = { stack: 'genai-advisor stack file', overlay: 'genai-advisor knowledge overlay', builtin: 'genai-advisor built-in knowledge file' };

async function validatorsLoadedBy(args: string[]): Promise<string[]> {
  const result = await spawnBounded(process.execPath, ['--import', hook, BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  const files = [...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => new URL(m[1]!));
  expect(files.length).toBeGreaterThan(0);
  const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  return Object.entries(TITLES).filter(([, title]) => code.includes(title)).map(([name]) => name);
}

describe.concurrent('validators load lazily, one module per schema', { timeout: SPAWN_TIMEOUT }, () => {
  it('recommend loads none', async () => {
    expect(await validatorsLoadedBy(['recommend', '--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate'])).toEqual([]);
  });

  it('check loads the stack validator only', async () => {
    expect(await validatorsLoadedBy(['check', 'examples/genai-stack.yaml'])).toEqual(['stack']);
  });

  it('check --knowledge adds the overlay validator; the built-in one is never bundled', async () => {
    expect(await validatorsLoadedBy(['check', 'examples/genai-stack.yaml', '--knowledge', 'test/knowledge/fixtures/good-overlay.yaml'])).toEqual(['stack', 'overlay']);
  });
});
