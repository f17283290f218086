// Builds the CLI: compiles and validates the knowledge base, then bundles one ESM entry with
// lazily loaded chunks into dist/.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DiagnosticsError } from '../src/errors.js';
import { compileBuiltin } from './compile-knowledge.js';

const root = fileURLToPath(new URL('..', import.meta.url));

try {
  compileBuiltin();
} catch (error) {
  if (!(error instanceof DiagnosticsError)) throw error;
  process.stderr.write(`${error.message}\nknowledge base is invalid: fix the places above.\n`);
  process.exit(1);
}

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  entryPoints: { cli: `${root}src/cli/main.ts` },
  outdir: `${root}dist`,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // commander and other CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
