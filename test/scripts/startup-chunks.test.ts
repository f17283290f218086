// The build's start-up merge on a small program shaped like the CLI: an entry with top-level
// await, modules shared between the start path and lazily imported ones, and an error class
// that must stay one class across all of them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeStartupChunks, staticClosure, staticPackages } from '../../scripts/startup-chunks.js';

const SOURCES: Record<string, string> = {
  'errors.ts': 'export class UsageError extends Error { override name = "UsageError"; }\nexport let loads = 0;\nexport function count() { loads++; }',
  'shared.ts': 'import { count } from "./errors.js";\ncount();\nexport const label = (s: string) => `[${s}]`;',
  'lazy-a.ts': 'import { UsageError } from "./errors.js";\nimport { label } from "./shared.js";\nexport function failA(): never { throw new UsageError(label("a")); }',
  'lazy-b.ts': 'import { UsageError } from "./errors.js";\nexport function failB(): never { throw new UsageError("b"); }',
  'main.ts': [
    'import { UsageError, loads } from "./errors.js";',
    'import { label } from "./shared.js";',
    'const results: string[] = [label("start")];',
    'for (const load of [() => import("./lazy-a.js").then((m) => m.failA()), () => import("./lazy-b.js").then((m) => m.failB())]) {',
    '  try { await load(); } catch (error) { results.push(`${error instanceof UsageError}:${(error as Error).message}`); }',
    '}',
    'results.push(`loads=${loads}`);',
    'console.log(results.join(" "));',
  ].join('\n'),
};

let dir: string;
let out: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'startup-chunks-'));
  mkdirSync(join(dir, 'src'));
  for (const [file, text] of Object.entries(SOURCES)) writeFileSync(join(dir, 'src', file), text);
  out = join(dir, 'dist');
  const result = await build({
    absWorkingDir: dir,
    entryPoints: { cli: 'src/main.ts' },
    outdir: 'dist',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
  });
  const entry = Object.keys(result.metafile.outputs).find((f) => f.endsWith('cli.js'))!;
  expect(staticClosure(result.metafile, entry).length).toBeGreaterThan(2);
  expect(staticPackages(result.metafile, entry)).toEqual(new Set());
  await mergeStartupChunks(result.metafile, entry, dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files reachable from dist/cli.js through static imports, as the runtime sees them. */
function loadedAtStart(): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:\{[^}]*\}\s*from\s*)?"(\.[^"]+)"/g)) visit(join(file, '..', m[1]!));
  };
  visit(join(out, 'cli.js'));
  return seen.map((f) => relative(out, f)).sort();
}

describe('mergeStartupChunks', () => {
  it('leaves the entry and one start-up chunk on the start path', () => {
    expect(loadedAtStart()).toEqual(['chunks/startup.js', 'cli.js']);
    expect(readdirSync(join(out, 'chunks')).filter((f) => f.startsWith('chunk-'))).toEqual([]);
  });

  it('keeps one instance of every module: instanceof holds across lazy chunks, top-level code runs once', () => {
    const run = spawnSync(process.execPath, [join(out, 'cli.js')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('[start] true:[a] true:b loads=1');
  });
});
