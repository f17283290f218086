// The GitHub Action as the runner runs it: action.yml's step script in bash, which runs the
// committed bundle (action/index.mjs) with the inputs as INPUT_* variables and GITHUB_OUTPUT
// and GITHUB_STEP_SUMMARY pointed at temporary files.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOutputs } from '../helpers/action.js';
import { ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnBounded, userEnv } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp.js';

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
const [step, upload] = action.runs.steps;

interface Options {
  cwd?: string;
  actionPath?: string;
  path?: string;
}

async function runAction(inputs: Record<string, string>, options: Options = {}) {
  const dir = tempDir('genai-advisor-action-');
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = userEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: options.actionPath ?? ROOT,
    GITHUB_WORKSPACE: options.cwd ?? ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    ...(options.path !== undefined ? { PATH: options.path } : {}),
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
  });
  // As the runner runs a `shell: bash` step.
  const result = await spawnBounded('/bin/bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: options.cwd ?? ROOT, env });
  return { ...result, summary: readFileSync(summary, 'utf8'), outputs: readOutputs(readFileSync(output, 'utf8')) };
}

/** A folder holding a fake `npx` (a shell script with this body) first on the PATH. */
function fakeNpx(body: string): string {
  const bin = tempDir('genai-advisor-npx-');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  return `${bin}:${process.env.PATH}`;
}

describe('the GitHub Action', { timeout: SPAWN_TIMEOUT }, () => {
  it('runs the committed bundle with the runner\'s node, and uploads SARIF only when asked', () => {
    expect(action.runs.using).toBe('composite');
    for (const input of Object.keys(action.inputs)) {
      expect(step.env[`INPUT_${input.toUpperCase().replace(/-/g, '_')}`], input).toBe(`\${{ inputs.${input} }}`);
    }
    expect(step.run).toContain('node "$GITHUB_ACTION_PATH/action/index.mjs"');
    expect(step.run).not.toMatch(/\bnpx\b|\bnpm\b/);
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(upload.if).toContain("inputs.sarif == 'true'");
    expect(upload.if).toContain("steps.check.outputs.sarif-file != ''");
  });

  it('a clean stack: exit-code 0 and the job summary', async () => {
    const result = await runAction({ files: 'examples/genai-stack.yaml' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2 use cases checked: 2 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(result.summary).toContain('## genai-advisor check: ✅ passed');
    expect(result.outputs).toEqual({ 'exit-code': '0' });
  });

  it('findings: exit-code 1, annotations, summary and a SARIF file for code scanning', async () => {
    const sarifFile = join(tempDir('genai-advisor-sarif-'), 'report.sarif');
    const result = await runAction({ files: 'examples/genai-stack.failing.yaml', sarif: 'true', 'sarif-file': sarifFile });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=examples\/genai-stack.failing.yaml,line=\d+,col=\d+,title=family-fit\/rank/m);
    expect(result.summary).toContain('## genai-advisor check: ❌ failed');
    expect(result.outputs).toEqual({ 'exit-code': '1', 'sarif-file': sarifFile });
    expect(JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.length).toBeGreaterThan(0);
  });

  it('takes globs, strict, overlays and another log format, and still writes the summary', async () => {
    const overlay = join(tempDir('genai-advisor-overlay-'), 'overlay.yaml');
    writeFileSync(overlay, 'families:\n  diffusion:\n    ratings: { speed: 3 }\n');
    const result = await runAction({ files: 'examples/genai-stack*.yaml\n', format: 'json', strict: 'true', knowledge: overlay });
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.strict).toBe(true);
    expect(document.summary.files).toBe(2);
    expect(result.summary).toContain('2 files, 3 use cases checked');
  });

  it('a file that cannot be read: exit-code 2, no SARIF file named', async () => {
    const dir = tempDir('genai-advisor-unreadable-');
    mkdirSync(join(dir, 'genai-stack.yaml'));
    const result = await runAction({ files: 'genai-stack.yaml', sarif: 'true' }, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*genai-stack\.yaml/);
    expect(result.outputs).toEqual({ 'exit-code': '2' });
    expect(existsSync(join(dir, 'genai-advisor.sarif'))).toBe(false);
  });

  it('a file named like an option is a file', async () => {
    const dir = tempDir('genai-advisor-dash-');
    copyFileSync(join(ROOT, 'examples/genai-stack.yaml'), join(dir, '-h'));
    writeFileSync(join(dir, '--knowledge=x'), readFileSync(join(ROOT, 'examples/genai-stack.yaml')));
    const result = await runAction({ files: '-h\n--knowledge=x' }, { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2 files, 4 use cases checked: 4 passed, 0 failed; 0 errors, 0 warnings\n');
  });

  it('a sarif-file input with a line break cannot forge another output: it is refused', async () => {
    const result = await runAction({ files: 'examples/genai-stack.failing.yaml', sarif: 'true', 'sarif-file': 'x.sarif\nexit-code=0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('::error title=genai-advisor::the sarif-file input is "x.sarif\\nexit-code=0", which holds a line break or control character: give a plain path such as genai-advisor.sarif\n');
    expect(result.outputs).toEqual({ 'exit-code': '2' });
  });

  it('npx that cannot fetch the version asked for: exit-code 2, one error line, no SARIF file', async () => {
    const path = fakeNpx('echo "npm error code E404" >&2\necho "npm error 404 Not Found - GET https://registry.npmjs.org/genai-advisor - Not found" >&2\nexit 1');
    const result = await runAction({ files: 'examples/genai-stack.failing.yaml', version: '9.9.9', sarif: 'true' }, { path });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('::error title=genai-advisor::cannot run genai-advisor@9.9.9 through npx (exit 1: npm error code E404)\n');
    expect(result.outputs).toEqual({ 'exit-code': '2' });
  });

  it('the version input runs that release through npx, without a shell and with the files after --', async () => {
    const dir = tempDir('genai-advisor-npx-run-');
    writeFileSync(join(dir, '$(touch pwned)'), readFileSync(join(ROOT, 'examples/genai-stack.yaml')));
    // The fake npx checks what it was given, then runs the built CLI as the release would.
    const path = fakeNpx(`[ "$1" = --yes ] && [ "$2" = genai-advisor@1.2.3 ] || exit 9\nshift 2\nexec "${process.execPath}" "${join(ROOT, 'bin/genai-advisor.js')}" "$@"`);
    const result = await runAction({ files: '$(touch pwned)', version: '1.2.3', sarif: 'true' }, { path, cwd: dir });
    expect(result.stderr).toBe(`Wrote ${join(dir, 'genai-advisor.sarif')}\n`);
    expect(result.code).toBe(0);
    expect(result.outputs).toEqual({ 'exit-code': '0', 'sarif-file': join(dir, 'genai-advisor.sarif') });
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('no node on the PATH, or a bundle that crashes: exit-code 2 and one error line', async () => {
    const noNode = await runAction({ files: 'examples/genai-stack.yaml' }, { path: tempDir('genai-advisor-empty-path-') });
    expect(noNode.code).toBe(2);
    expect(noNode.stdout).toBe('::error title=genai-advisor::node is not on the PATH: add actions/setup-node before this step\n');
    expect(noNode.outputs).toEqual({ 'exit-code': '2' });

    const broken = tempDir('genai-advisor-broken-');
    mkdirSync(join(broken, 'action'));
    writeFileSync(join(broken, 'action/index.mjs'), 'process.exit(1);\n');
    const crash = await runAction({ files: 'examples/genai-stack.yaml' }, { actionPath: broken, path: `${dirname(process.execPath)}:/usr/bin:/bin` });
    expect(crash.code).toBe(2);
    expect(crash.stdout).toBe('::error title=genai-advisor::the action stopped (exit 1) before it could check anything\n');
    expect(crash.outputs).toEqual({ 'exit-code': '2' });
  });
});
