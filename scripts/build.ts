// Builds the package: compiles and validates the knowledge base, bundles the CLI and the
// library (two ESM entries sharing lazily loaded chunks, nothing external), emits the library's
// type declarations and writes the JSON Schemas. Everything goes to a fresh folder first and replaces dist/ at the end, so a
// test running the CLI meanwhile never sees half a build.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DiagnosticsError } from '../src/errors.js';
import type { Knowledge } from '../src/knowledge/types.js';
import { knowledgeAsJson, memoStringWidth } from './bundle-plugins.js';
import { writeFamilyIdType, writeValidators } from './validators.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const staging = `${root}.dist-${process.pid}`;

// GENAI_ADVISOR_READABLE_BUILD=1 keeps names and layout, for CPU profiles (docs/performance.md).
const MINIFY = process.env.GENAI_ADVISOR_READABLE_BUILD !== '1';

/** Every `from 'pkg'` / `import('pkg')` of a package other than node: in the .d.ts files under dir. */
function externalTypeImports(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.d.ts')) continue;
    const text = readFileSync(`${dir}/${entry}`, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)) {
      const specifier = match[1]!;
      if (!specifier.startsWith('.') && !specifier.startsWith('node:')) found.push(`${entry}: imports types from "${specifier}"`);
    }
  }
  return found;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// The validators first: compiling the knowledge is validated with them.
writeValidators(root);
writeFamilyIdType(root);
try {
  // Imported only now: it loads the validators just written.
  (await import('./compile-knowledge.js')).compileBuiltin();
} catch (error) {
  if (!(error instanceof DiagnosticsError)) throw error;
  fail(`${error.message}\nknowledge base is invalid: fix the places above.`);
}

rmSync(staging, { recursive: true, force: true });
// commander and other CommonJS dependencies call require(); give the ESM bundle one.
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
const common = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' } as const;
// Two entries, the CLI and the library, in one build: they share their chunks, and nothing is
// left external, so installing the package installs no other package (issue 19). Every
// command and renderer the CLI imports with `await import()` becomes a chunk that loads only
// when that command runs.
// The type declarations come in a process of its own, while esbuild bundles: on two cores that
// takes the build's two slowest steps side by side. dts-bundle-generator writes them as one
// file with TypeBox's declarations inlined: the shapes' types are TypeBox's Static<> of their
// schemas (src/schemas/), and the package installs no TypeBox for them to import.
const dtsBundler = createRequire(import.meta.url).resolve('dts-bundle-generator/dist/bin/dts-bundle-generator.js');
const typesDone = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
  const child = spawn(process.execPath, [
    dtsBundler,
    '--project', `${root}tsconfig.build.json`,
    '--external-inlines', '@sinclair/typebox',
    '--export-referenced-types', 'false',
    '--no-banner',
    '--no-check',
    '--silent',
    '--out-file', `${staging}/types/index.d.ts`,
    `${root}src/index.ts`,
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.on('error', reject);
  child.on('close', (status) => resolve({ status, stdout, stderr }));
});
await build({
  ...common,
  entryPoints: { cli: `${root}src/cli/main.ts`, index: `${root}src/index.ts` },
  outdir: staging,
  splitting: true,
  minify: MINIFY,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [knowledgeAsJson, memoStringWidth],
  banner: { js: REQUIRE_BANNER },
});

// The GitHub Action: one committed file holding the CLI and the runner (src/action/main.ts), so
// that the action runs from its own checkout (docs/ci.md). CI fails when it differs from this
// build, so its output must be the same on every machine: no paths, no dates.
const action = await build({
  ...common,
  entryPoints: [`${root}src/action/main.ts`],
  write: false,
  outfile: `${root}action/index.mjs`,
  minify: true,
  legalComments: 'eof',
  plugins: [knowledgeAsJson, memoStringWidth],
  banner: { js: `// Built by \`npm run build\` from src/action/main.ts: do not edit.\n${REQUIRE_BANNER}` },
});
const actionText = action.outputFiles[0]!.text;
if (!existsSync(`${root}action/index.mjs`) || readFileSync(`${root}action/index.mjs`, 'utf8') !== actionText) {
  mkdirSync(`${root}action`, { recursive: true });
  writeFileSync(`${staging}-action.mjs`, actionText);
  renameSync(`${staging}-action.mjs`, `${root}action/index.mjs`);
}

const types = await typesDone;
if (types.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`${types.stdout}${types.stderr}type declarations failed: fix the errors above.`);
}
// The published types may import nothing but Node's own modules: no other package is installed.
const foreign = externalTypeImports(`${staging}/types`);
if (foreign.length > 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(`${foreign.join('\n')}\nthe published types import packages that are not installed with genai-advisor: declare the types locally.`);
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
