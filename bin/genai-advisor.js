#!/usr/bin/env node
// CommonJS (bin/package.json): `--version` then answers without starting Node's ES-module
// loader, and everything else imports the bundle, which wires this process to the CLI.
'use strict';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // Node 22.1+ keeps compiled code between runs on disk; Node 20 has no such cache.
  require('node:module').enableCompileCache?.();
  import('../dist/cli.js');
}
