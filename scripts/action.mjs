#!/usr/bin/env node
// The logic of the GitHub Action (action.yml): `genai-advisor check` with the action's inputs,
// the job summary, an optional SARIF file, and the step's outputs. Plain JavaScript with no
// imports but Node's, so the action runs it straight from its checkout, and a test runs it
// locally with the GITHUB_* variables pointed at temporary files.
//
// Inputs (environment): INPUT_FILES (files or globs, one per line), INPUT_FORMAT, INPUT_STRICT,
// INPUT_KNOWLEDGE (overlay files, one per line), INPUT_SARIF ("true": also write INPUT_SARIF_FILE),
// INPUT_VERSION (the genai-advisor version npx runs; default this action's own).
// GENAI_ADVISOR_CLI runs that file with node instead of npx (tests, or a vendored build).
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

const env = process.env;
const lines = (value) => (value ?? '').split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== '');
const flag = (value) => /^(true|yes|1)$/i.test((value ?? '').trim());

const files = lines(env.INPUT_FILES);
const format = (env.INPUT_FORMAT ?? '').trim() || 'github';
const sarifFile = flag(env.INPUT_SARIF) ? (env.INPUT_SARIF_FILE ?? '').trim() || 'genai-advisor.sarif' : undefined;
const common = [...(flag(env.INPUT_STRICT) ? ['--strict'] : []), ...lines(env.INPUT_KNOWLEDGE).flatMap((file) => ['--knowledge', file])];
const checkArgs = ['check', ...files, ...common];

function cli() {
  if (env.GENAI_ADVISOR_CLI) return { command: process.execPath, prefix: [resolve(env.GENAI_ADVISOR_CLI)], shell: false };
  const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
  const version = (env.INPUT_VERSION ?? '').trim() || own;
  // npx.cmd is a batch file: Windows runs it only through a shell.
  const windows = process.platform === 'win32';
  return { command: windows ? 'npx.cmd' : 'npx', prefix: ['--yes', `genai-advisor@${version}`], shell: windows };
}

const { command, prefix, shell } = cli();
function check(args, stdout) {
  const result = spawnSync(command, [...prefix, ...args], { stdio: ['ignore', stdout, 'inherit'], encoding: 'utf8', shell });
  if (result.error) {
    process.stderr.write(`genai-advisor action: cannot run ${command}: ${result.error.message}\n`);
    process.exit(2);
  }
  return result;
}

function setOutput(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

// The report the log shows; `--format github` also appends the job summary itself.
const main = check([...checkArgs, '--format', format], 'inherit');
const code = main.status ?? 2;
setOutput('exit-code', String(code));
// 2: nothing could be checked (the message is in the log); other reports would only repeat it.
if (code === 2) process.exit(2);

if (format !== 'github' && env.GITHUB_STEP_SUMMARY) {
  const summary = check([...checkArgs, '--format', 'markdown'], 'pipe');
  appendFileSync(env.GITHUB_STEP_SUMMARY, summary.stdout);
}

if (sarifFile) {
  const target = isAbsolute(sarifFile) ? sarifFile : resolve(env.GITHUB_WORKSPACE ?? process.cwd(), sarifFile);
  const sarif = check([...checkArgs, '--format', 'sarif', '--output', target], 'inherit');
  if (sarif.status === 2) process.exit(2);
  setOutput('sarif-file', target);
}

process.exit(code);
