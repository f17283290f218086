// The build's start-up merge on a small program shaped like the CLI: an entry that waits for
// its lazily imported modules, modules shared between the start path and those, and an error
// class that must stay one class across all of them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeStartupChunks, staticClosure, staticPackages } from '../../scripts/startup-chunks.js';
import { tempDir } from '../helpers/temp.js';

const SOURCES: Record<string, string> = {
  'errors.ts': 'export class UsageError extends Error { override name = "UsageError"; }\nexport let loads = 0;\nexport function count() { loads++; }',
  'shared.ts': 'import { count } from "./errors.js";\ncount();\nexport const label = (s: string) => `[${s}]`;',
  'lazy-a.ts': 'import { UsageError } from "./errors.js";\nimport { label } from "./shared.js";\nexport function failA(): never { throw new UsageError(label("a")); }',
  'lazy-b.ts': 'import { UsageError } from "./errors.js";\nexport function failB(): never { throw new UsageError("b"); }',
  'main.ts': [
    'import { UsageError, loads } from "./errors.js";',
    'import { label } from "./shared.js";',
    'const results: string[] = [label("start")];',
    'async function main() {',
    '  for (const load of [() => import("./lazy-a.js").then((m) => m.failA()), () => import("./lazy-b.js").then((m) => m.failB())]) {',
    '    try { await load(); } catch (error) { results.push(`${error instanceof UsageError}:${(error as Error).message}`); }',
    '  }',
    '  results.push(`loads=${loads}`);',
    '  console.log(results.join(" "));',
    '}',
    'void main();',
  ].join('\n'),
};

let dir: string;
let out: string;

beforeAll(async () => {
  dir = tempDir('startup-chunks-');
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

/** Files reachable from the CommonJS bundle through static imports and requires, as the runtime sees them. */
function loadedAtStart(): string[] {
  const code = readFileSync(join(out, 'cli.cjs'), 'utf8');
  const relativeRequires = [...code.matchAll(/\brequire\("(\.[^"]+)"\)/g)].map((m) => m[1]);
  return ['cli.cjs', ...relativeRequires.map((spec) => relative(out, join(out, spec!)))].sort();
}

describe('mergeStartupChunks', () => {
  it('puts the entry and everything it imports statically in one CommonJS file', () => {
    expect(loadedAtStart()).toEqual(['cli.cjs']);
    expect(readdirSync(join(out, 'chunks')).filter((f) => f.startsWith('chunk-'))).toEqual([]);
    // The lazy chunks remain, and load what they share from the bundle.
    const lazy = readdirSync(join(out, 'chunks'));
    expect(lazy.length).toBeGreaterThanOrEqual(2);
    for (const file of lazy) expect(readFileSync(join(out, 'chunks', file), 'utf8')).not.toMatch(/from\s*"\.\/chunk-/);
  });

  it('keeps one instance of every module: instanceof holds across lazy chunks, top-level code runs once', () => {
    for (const file of ['cli.cjs', 'cli.js']) {
      const run = spawnSync(process.execPath, [join(out, file)], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toBe('[start] true:[a] true:b loads=1');
    }
  });
});
