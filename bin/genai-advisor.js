#!/usr/bin/env node
// CommonJS (bin/package.json), like the start-up bundle it runs: an ES module here would start
// Node's ESM loader, which costs a few milliseconds that no command needs (docs/performance.md).
'use strict';

// Scripts and CI jobs probe the tool with `--version`: answer it before the bundle loads.
// Anything else (even `recommend --version`) goes through the CLI, which prints the same.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  run();
}

/**
 * Runs the start-up bundle, dist/cli.cjs, compiled with the V8 code cache the build made for
 * it (dist/cli.cjs.cache). Compiling the bundle, and each of its functions the first time it
 * runs, is a large part of a short command's time; with the cache V8 takes the bytecode as it
 * is. A cache from another Node version, or damaged, is rejected by V8 itself, and the bundle is
 * compiled as usual: the same behaviour, only slower.
 *
 * This does what Node's CommonJS loader does for a module (wrapper, module object, require
 * cache), with one more argument, `__import`, through which the bundle imports its lazy chunks:
 * code compiled by vm cannot call import() itself without an experimental flag.
 */
function run() {
  const { readFileSync, writeFileSync } = require('node:fs');
  const Module = require('node:module');
  const { join } = require('node:path');
  const { Script } = require('node:vm');
  // Node 22.1+ also caches the lazy chunks (ES modules) on disk; Node 20 has no such cache.
  Module.enableCompileCache?.();
  const dir = join(__dirname, '../dist');
  const bundle = join(dir, 'cli.cjs');
  let cachedData;
  try {
    cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // No cache: compile as usual.
  }
  // The cache fits this exact text only: change the wrapper, and the build makes a new cache.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __import) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  const mod = new Module(bundle);
  mod.filename = bundle;
  // The lazy chunks import from cli.cjs: they must find this instance, not load a second one.
  require.cache[bundle] = mod;
  const importLazy = (specifier) => import(require('node:url').pathToFileURL(join(dir, specifier)).href);
  script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, dir, importLazy);
  mod.loaded = true;
  // The build runs one recommendation with this set, and keeps what V8 compiled for it.
  if (process.env.GENAI_ADVISOR_WRITE_CODE_CACHE === '1') {
    process.once('exit', () => {
      try {
        writeFileSync(`${bundle}.cache`, script.createCachedData());
      } catch (error) {
        process.stderr.write(`cannot write ${bundle}.cache: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
  }
}
