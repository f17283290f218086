// The GitHub Action's script (scripts/action.mjs, run by action.yml) run locally, as the runner
// runs it: inputs as INPUT_* variables, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT pointed at
// temporary files, and the built binary instead of npx.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnBounded, userEnv } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp.js';

async function runAction(inputs: Record<string, string>) {
  const dir = tempDir('genai-advisor-action-');
  const summary = join(dir, 'summary.md');
  const output = join(dir, 'output');
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = userEnv({
    GENAI_ADVISOR_CLI: BIN,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, value])),
  });
  const result = await spawnBounded(process.execPath, [join(ROOT, 'scripts/action.mjs')], { cwd: ROOT, env });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').split('\n').filter(Boolean).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { ...result, summary: readFileSync(summary, 'utf8'), outputs, dir };
}

describe('the GitHub Action', { timeout: SPAWN_TIMEOUT }, () => {
  it('runs green on the passing example, with the job summary', async () => {
    const result = await runAction({ files: 'examples/genai-stack.yaml' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('2 use cases checked: 2 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(result.summary).toContain('## genai-advisor check: ✅ passed');
    expect(result.outputs).toEqual({ 'exit-code': '0' });
  });

  it('runs red on the failing example: annotations, summary and SARIF for code scanning', async () => {
    const dir = tempDir('genai-advisor-sarif-');
    const sarifFile = join(dir, 'report.sarif');
    const result = await runAction({ files: 'examples/genai-stack.failing.yaml', sarif: 'true', 'sarif-file': sarifFile });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=examples\/genai-stack.failing.yaml,line=\d+,col=\d+,title=family-fit\/rank/m);
    expect(result.summary).toContain('## genai-advisor check: ❌ failed');
    expect(result.outputs).toEqual({ 'exit-code': '1', 'sarif-file': sarifFile });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('takes globs, strict, overlays and another log format, and still writes the summary', async () => {
    const dir = tempDir('genai-advisor-overlay-');
    const overlay = join(dir, 'overlay.yaml');
    writeFileSync(overlay, 'families:\n  diffusion:\n    ratings: { speed: 3 }\n');
    const result = await runAction({ files: 'examples/genai-stack*.yaml\n', format: 'json', strict: 'true', knowledge: overlay });
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.strict).toBe(true);
    expect(document.summary.files).toBe(2);
    expect(result.summary).toContain('2 files, 3 use cases checked');
  });

  it('stops with exit 2 when nothing can be checked', async () => {
    const result = await runAction({ files: 'no-such-folder/*.yaml' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no stack file matches no-such-folder/*.yaml');
    expect(result.outputs).toEqual({ 'exit-code': '2' });
  });

  it('action.yml hands every input to the script and uploads SARIF only when asked', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const [check, upload] = action.runs.steps;
    expect(action.runs.using).toBe('composite');
    for (const input of Object.keys(action.inputs)) {
      expect(check.env[`INPUT_${input.toUpperCase().replace(/-/g, '_')}`], input).toBe(`\${{ inputs.${input} }}`);
    }
    expect(check.run).toContain('scripts/action.mjs');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@/);
    expect(upload.if).toContain("inputs.sarif == 'true'");
  });
});
