#!/usr/bin/env node
import { readFileSync } from 'node:fs';

// Scripts and CI jobs probe the tool with `--version`: answer it before the bundle loads.
// Anything else (even `recommend --version`) goes through the CLI, which prints the same.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Node 22.1+ keeps the compiled bundle on disk between runs (as tsc does); Node 20 has no
  // such cache, and this is a no-op there.
  (await import('node:module')).enableCompileCache?.();
  await import('../dist/cli.js');
}
