// Builds the package: compiles and validates the knowledge base, bundles the CLI (one ESM entry
// with lazily loaded chunks) and the library, emits the library's type declarations and writes
// the JSON Schemas. Everything goes to a fresh folder first and replaces dist/ at the end, so a
// test running the CLI meanwhile never sees half a build.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DiagnosticsError } from '../src/errors.js';
import type { Knowledge } from '../src/knowledge/types.js';
import { knowledgeAsJson, lazyModules, memoStringWidth } from './bundle-plugins.js';
import { compileBuiltin } from './compile-knowledge.js';
import { mergeStartupChunks, staticPackages } from './startup-chunks.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = `${root}.dist-${process.pid}`;

// GENAI_ADVISOR_READABLE_BUILD=1 keeps names and layout, for CPU profiles (docs/performance.md).
const MINIFY = process.env.GENAI_ADVISOR_READABLE_BUILD !== '1';

/** Packages the common paths (`--version`, recommend, compare, check) must not load at start. */
const LAZY_PACKAGES = ['yaml', 'ajv', '@inquirer/'];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

try {
  compileBuiltin();
} catch (error) {
  if (!(error instanceof DiagnosticsError)) throw error;
  fail(`${error.message}\nknowledge base is invalid: fix the places above.`);
}

rmSync(staging, { recursive: true, force: true });
// commander and other CommonJS dependencies call require(); give the ESM bundle one.
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' } as const;
const cli = await build({
  ...common,
  entryPoints: { cli: `${root}src/cli/main.ts` },
  outdir: staging,
  splitting: true,
  minify: MINIFY,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [knowledgeAsJson, memoStringWidth, lazyModules],
  banner: { js: REQUIRE_BANNER },
});
// Only chunks that mention `require` keep the banner; it costs a createRequire() per file loaded.
for (const file of Object.keys(cli.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(file, 'utf8');
  const body = code.slice(REQUIRE_BANNER.length + 1);
  if (code.startsWith(REQUIRE_BANNER) && !/\brequire\b/.test(body)) writeFileSync(file, body);
}
const entry = Object.keys(cli.metafile.outputs).find((file) => file.endsWith('/cli.js'))!;
const leaked = [...staticPackages(cli.metafile, entry)].filter((p) => LAZY_PACKAGES.some((lazy) => p === lazy || p.startsWith(lazy)));
if (leaked.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`the CLI loads ${leaked.join(', ')} at start: import ${leaked.length > 1 ? 'them' : 'it'} with \`await import()\` where needed (see docs/performance.md)`);
}
await mergeStartupChunks(cli.metafile, entry, process.cwd(), `${REQUIRE_BANNER}\n`);

// The library leaves its dependencies to the user's node_modules, so they are shared, not copied.
await build({
  ...common,
  entryPoints: { index: `${root}src/index.ts` },
  outdir: staging,
  packages: 'external',
  plugins: [knowledgeAsJson],
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`, '--outDir', `${staging}/types`], { encoding: 'utf8' });
if (types.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`${types.stdout}${types.stderr}type declarations failed: fix the errors above.`);
}

// Imported only now: the schemas are derived from the knowledge base compiled above.
const { writeSchemas } = await import('./schemas.js');
writeSchemas(`${root}schemas`, JSON.parse(readFileSync(`${root}build/knowledge.json`, 'utf8')) as Knowledge);

// Two renames leave dist/ missing for microseconds rather than for a whole rmSync; another
// build may swap at the same moment (builds run concurrently in development): retry.
const previous: string[] = [];
for (let attempt = 1; ; attempt++) {
  try {
    if (existsSync(`${root}dist`)) {
      previous.push(`${root}.dist-old-${process.pid}-${attempt}`);
      renameSync(`${root}dist`, previous.at(-1)!);
    }
    renameSync(staging, `${root}dist`);
    break;
  } catch (error) {
    if (attempt >= 5) throw error;
  }
}
for (const dir of previous) rmSync(dir, { recursive: true, force: true });

// The V8 code cache the bin compiles the bundle with: made by one recommendation, so that it
// holds the bytecode of what a command runs, not only of the top level. Made in place, by the
// bin itself, so that it fits the exact text the bin compiles; until it exists (and under any
// other Node version, whose V8 rejects it) the bin compiles the bundle as usual.
const warm = spawnSync(process.execPath, [`${root}bin/genai-advisor.js`, 'recommend', '--no-input', '--format', 'json', '--use-case', 'customer-support-chatbot'], {
  env: { ...process.env, GENAI_ADVISOR_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
  encoding: 'utf8',
});
if (warm.status !== 0) fail(`${warm.stderr}the built CLI does not run (exit ${warm.status}): see above`);
