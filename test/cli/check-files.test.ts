import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const GLOB = 'services/*/genai-stack.yaml';

/** Three teams' stack files: two passing (2 use cases each), one failing (1 use case). */
function estate(failing = true): string {
  const dir = tempDir('genai-check-files-');
  for (const [team, example] of [
    ['billing', 'genai-stack.yaml'],
    ['fraud', failing ? 'genai-stack.failing.yaml' : 'genai-stack.yaml'],
    ['search', 'genai-stack.yaml'],
  ] as const) {
    mkdirSync(join(dir, 'services', team), { recursive: true });
    copyFileSync(join('examples', example), join(dir, 'services', team, 'genai-stack.yaml'));
  }
  return dir;
}

describe('check over several stack files', () => {
  it('gives one text report with the totals of all files and one failing exit code', async () => {
    const result = await runInProcess(['check', GLOB], { cwd: estate() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('services/fraud/genai-stack.yaml:');
    expect(result.stdout).not.toContain('services/billing/genai-stack.yaml:');
    // The totals wrap like any line (80 columns when piped).
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/✗ 3 files, 5 use cases checked: 4 passed, 1 failed; [1-9]\d* errors, \d+ warnings, 1 note $/);
    // One totals line only.
    expect(result.stdout.match(/use cases? checked/g)).toHaveLength(1);
  });

  it('exits 0 when every file passes', async () => {
    const result = await runInProcess(['check', GLOB], { cwd: estate(false) });
    expect(result.stdout).toBe('✓ 3 files, 6 use cases checked: 6 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(result.code).toBe(0);
  });

  it('takes files and globs together, each file once', async () => {
    const cwd = estate();
    const result = await runInProcess(['check', 'services/billing/genai-stack.yaml', GLOB, '--format', 'json'], { cwd });
    const document = JSON.parse(result.stdout);
    expect(document.files.map((f: { file: string }) => f.file)).toEqual([
      'services/billing/genai-stack.yaml',
      'services/fraud/genai-stack.yaml',
      'services/search/genai-stack.yaml',
    ]);
  });

  it('writes the documented JSON shape for several files, and today\'s shape for one', async () => {
    const cwd = estate();
    const several = JSON.parse((await runInProcess(['check', GLOB, '--format', 'json'], { cwd })).stdout);
    expect(several.schemaVersion).toBe(1);
    expect(several.ok).toBe(false);
    expect(several.summary).toMatchObject({ files: 3, useCases: 5, passed: 4, failed: 1, notes: 1 });
    expect(several.summary.errors).toBe(several.files.reduce((n: number, f: { summary: { errors: number } }) => n + f.summary.errors, 0));
    expect(several.files[1]).toMatchObject({ file: 'services/fraud/genai-stack.yaml', ok: false });
    expect(several.files[1].findings.every((f: { file: string }) => f.file === 'services/fraud/genai-stack.yaml')).toBe(true);
    expect(several.file).toBeUndefined();

    const one = JSON.parse((await runInProcess(['check', 'services/fraud/genai-stack.yaml', '--format', 'json'], { cwd })).stdout);
    expect(one.file).toBe('services/fraud/genai-stack.yaml');
    expect(one.files).toBeUndefined();
    expect(one.summary.files).toBeUndefined();
  });

  it('combines every check format into one report with one exit code', async () => {
    const cwd = estate();
    const run = async (format: string) => {
      const result = await runInProcess(['check', GLOB, '--format', format], { cwd });
      expect(result.code, format).toBe(1);
      return result.stdout;
    };
    const sarif = JSON.parse(await run('sarif'));
    expect(sarif.runs).toHaveLength(1);
    const uris = new Set(sarif.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['services/fraud/genai-stack.yaml']);

    const junit = await run('junit');
    expect(junit.match(/<testsuites /g)).toHaveLength(1);
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
    expect(junit).toContain('name="services/fraud/genai-stack.yaml: ');

    const github = await run('github');
    expect(github).toMatch(/^::error file=services\/fraud\/genai-stack.yaml,line=\d+/m);
    expect(github).toMatch(/\n3 files, 5 use cases checked: 4 passed, 1 failed;[^\n]*\n$/);

    const markdown = await run('markdown');
    expect(markdown.match(/^## genai-advisor check: ❌ failed$/gm)).toHaveLength(1);
    expect(markdown).toContain('- ✅ `services/billing/genai-stack.yaml`: 2 use cases checked');
    expect(markdown).toContain('- ❌ `services/fraud/genai-stack.yaml`: 1 use case checked');

    expect(await run('yaml')).toMatch(/^files:\n/m);
  });

  it('appends one combined job summary with --format github', async () => {
    const cwd = estate();
    const summary = join(cwd, 'summary.md');
    writeFileSync(summary, '');
    const result = await runInProcess(['check', GLOB, '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.match(/^## genai-advisor check/gm)).toHaveLength(1);
    expect(text).toContain('3 files, 5 use cases checked');
  });

  it('names a glob that matches nothing, with exit 2', async () => {
    const result = await runInProcess(['check', GLOB, 'teams/*/genai-stack.yaml'], { cwd: estate() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no stack file matches teams/*/genai-stack.yaml');
  });

  it('stops with exit 2 when one of the files cannot be checked', async () => {
    const cwd = estate();
    writeFileSync(join(cwd, 'services', 'search', 'genai-stack.yaml'), 'use_cases: 3\n');
    const result = await runInProcess(['check', GLOB], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('services/search/genai-stack.yaml');
  });
});
