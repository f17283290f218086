import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const FAILING = 'examples/genai-stack.failing.yaml';
const PASSING = 'examples/genai-stack.yaml';

/** The line and column of the `family:` value in the failing example. */
function familyPosition(): { line: number; col: number } {
  const lines = readFileSync(FAILING, 'utf8').split('\n');
  const line = lines.findIndex((l) => /^\s+family: gan/.test(l)) + 1;
  return { line, col: lines[line - 1]!.indexOf('gan') + 1 };
}

const temp = () => tempDir('genai-check-');
/** The text with its line breaks and alignment as single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('genai-advisor check', () => {
  it('exits 0 for the passing example', async () => {
    const result = await runInProcess(['check', PASSING]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✓ 2 use cases checked: 2 passed, 0 failed; 0 errors, 0 warnings\n');
    expect(result.code).toBe(0);
  });

  it('exits 1 for the failing example, with family-fit, vendor/hosting and governance/missing findings', async () => {
    const result = await runInProcess(['check', FAILING]);
    expect(result.code).toBe(1);
    const { line, col } = familyPosition();
    expect(result.stdout).toContain(`${FAILING}:${line}:${col}  error    family-fit/rank`);
    expect(result.stdout).toContain(`${FAILING}:${line}:${col}  error    family/ineligible`);
    // A message goes beside its rule or, in a narrower terminal, under it (80 columns when piped).
    const text = flat(result.stdout);
    expect(text).toMatch(/error vendor\/hosting hosting "api" is not allowed by policy\.allowed_hosting \(self-hosted\)/);
    // The example's model is not in the catalogue: a note, which does not fail the check.
    expect(text).toMatch(/info vendor\/model-unknown model "example-gan-chat" is not in the model catalogue/);
    expect(text).toMatch(/error governance\/missing "ai-disclosure" has no status/);
    // Recommended items without a status are warnings (governance/missing-recommended).
    expect(text).toMatch(/warning governance\/missing-recommended "value-measurement" has no status/);
    expect(text).toMatch(/✗ 1 use case checked: 0 passed, 1 failed; \d+ errors, \d+ warnings, 1 note $/);
  });

  it('points the family finding at the family: line in every format', async () => {
    const { line, col } = familyPosition();
    const run = async (format: string) => {
      const result = await runInProcess(['check', FAILING, '--format', format]);
      expect(result.code, format).toBe(1);
      return result.stdout;
    };
    expect(await run('text')).toContain(`${FAILING}:${line}:${col}  error    family-fit/rank`);
    const json = JSON.parse(await run('json'));
    expect(json.findings.filter((f: { rule: string }) => f.rule.startsWith('family')).map((f: { line: number; col: number }) => [f.line, f.col])).toEqual([[line, col], [line, col]]);
    expect(await run('junit')).toMatch(new RegExp(`<testcase name="family-fit/rank"[^>]*>\\s*<failure [^>]*>${FAILING}:${line}:${col}: error: gan is not among`));
    const sarif = JSON.parse(await run('sarif'));
    const rank = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'family-fit/rank');
    expect(rank.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: FAILING }, region: { startLine: line, startColumn: col } });
    expect(await run('github')).toContain(`::error file=${FAILING},line=${line},col=${col},title=family-fit/rank (support-chatbot)::gan is not among`);
    expect(await run('markdown')).toContain(`| \`family-fit/rank\` | ${FAILING}:${line}:${col} |`);
    expect(await run('table')).toBe(await run('text'));
    expect(await run('yaml')).toMatch(new RegExp(`- rule: family-fit/rank\\n {4}level: error\\n(.*\\n){4} {4}line: ${line}\\n {4}col: ${col}\\n`));
  });

  it('exits 2 for a missing file, with a hint and nothing on stdout', async () => {
    const cwd = temp();
    const result = await runInProcess(['check'], { cwd });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: stack file genai-stack.yaml does not exist\ncreate one with `genai-advisor init`, or name it: genai-advisor check <stack-file>\n',
    });
  });

  it('exits 2 for malformed YAML, naming file:line:col', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'genai-stack.yaml'), 'version: 1\nuse_cases:\n  - id: x\n    profile: { use_case: code-assistant\n');
    const result = await runInProcess(['check', '--format', 'sarif'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: genai-stack\.yaml:\d+:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a file that breaks the schema, listing every problem', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'stack.yaml'), 'version: 1\nuse_cases:\n  - id: x\n    profile: { use_case: code-assistant }\n    choice: { family: gann }\n  - id: y\n    profile: { use_case: code-assistan }\n    choice: { family: vae }\n');
    const result = await runInProcess(['check', 'stack.yaml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^error: stack\.yaml:5:23: use_cases\[0\]\.choice\.family is "gann", which is not allowed\. Did you mean "gan"\?/);
    expect(lines[1]).toMatch(/^stack\.yaml:7:26: use_cases\[1\]\.profile\.use_case is "code-assistan", which is not allowed\. Did you mean "code-assistant"\?/);
    expect(lines[2]).toBe('fix the stack file; `genai-advisor knowledge schema --which stack` prints its schema');
  });

  it('exits 2 for a directory or an empty file', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'dir.yaml'));
    writeFileSync(join(cwd, 'empty.yaml'), '');
    for (const file of ['dir.yaml', 'empty.yaml']) {
      const result = await runInProcess(['check', file], { cwd });
      expect(result.code, file).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').length).toBeLessThanOrEqual(3);
    }
  });

  it('makes warnings fail with --strict', async () => {
    const cwd = temp();
    const text = readFileSync(PASSING, 'utf8').replace('energy-use: { status: done, evidence: docs/governance/energy.md }', 'energy-use: { status: planned, due: 2999-01-01 }');
    writeFileSync(join(cwd, 'genai-stack.yaml'), text);
    const relaxed = await runInProcess(['check'], { cwd });
    expect(relaxed.code).toBe(0);
    expect(flat(relaxed.stdout)).toContain('warning governance/planned "energy-use" is planned, due 2999-01-01');
    const strict = await runInProcess(['check', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    expect(flat(strict.stdout)).toContain('(--strict: warnings fail)');
  });

  it('writes --output atomically and still exits 1 on violations', async () => {
    const cwd = temp();
    const out = join(cwd, 'results.sarif');
    const result = await runInProcess(['check', `${process.cwd()}/${FAILING}`, '--format', 'sarif', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Wrote ${out}\n`);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    // An absolute path inside the repository becomes repository-relative.
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(FAILING);
  });

  it('prints a large report whole through a pipe, as --output writes it', async () => {
    // ~1,000 findings: far more than a pipe holds, so the writer waits for the reader.
    const cwd = temp();
    const stack = ['version: 1', 'use_cases:'];
    for (let i = 1; i <= 40; i++) stack.push(`  - id: bot-${i}`, '    profile: { use_case: customer-support-chatbot }', '    choice: { family: gan }');
    writeFileSync(join(cwd, 'genai-stack.yaml'), `${stack.join('\n')}\n`);
    for (const format of ['text', 'json']) {
      const piped = await runInProcess(['check', '--format', format], { cwd });
      const written = await runInProcess(['check', '--format', format, '--output', 'report'], { cwd });
      expect([piped.code, written.code]).toEqual([1, 1]);
      expect(piped.stdout.length).toBeGreaterThan(100_000);
      expect(piped.stdout).toBe(readFileSync(join(cwd, 'report'), 'utf8'));
    }
  });

  it('uses paths relative to the repository root for SARIF and annotations, wherever it runs', async () => {
    const repo = temp();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'config'));
    writeFileSync(join(repo, 'config', 'genai-stack.yaml'), readFileSync(FAILING, 'utf8'));
    const sarif = await runInProcess(['check', 'genai-stack.yaml', '--format', 'sarif'], { cwd: join(repo, 'config') });
    expect(JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('config/genai-stack.yaml');
    const github = await runInProcess(['check', 'genai-stack.yaml', '--format', 'github'], { cwd: join(repo, 'config') });
    expect(github.stdout).toMatch(/^::error file=config\/genai-stack\.yaml,line=/);
    // In Actions, GITHUB_WORKSPACE is the root.
    const inActions = await runInProcess(['check', 'config/genai-stack.yaml', '--format', 'github'], { cwd: repo, env: { GITHUB_WORKSPACE: join(repo, 'config') } });
    expect(inActions.stdout).toMatch(/^::error file=genai-stack\.yaml,line=/);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY with --format github', async () => {
    const cwd = temp();
    const summary = join(cwd, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = await runInProcess(['check', `${process.cwd()}/${FAILING}`, '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n## genai-advisor check: ❌ failed\n')).toBe(true);
    expect(text).toContain('| `vendor/hosting` |');
    // Other formats leave it alone.
    await runInProcess(['check', `${process.cwd()}/${FAILING}`, '--format', 'json'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(readFileSync(summary, 'utf8')).toBe(text);
  });

  it('keeps terminal escapes in the stack file away from the terminal', async () => {
    const cwd = temp();
    const text = readFileSync(FAILING, 'utf8').replace('license: proprietary', 'license: "evil\\e]0;pwned\\a\\e[2J"').replace('policy:', 'policy:\n  allowed_licenses: [mit]');
    writeFileSync(join(cwd, 'genai-stack.yaml'), text);
    for (const format of ['text', 'github', 'markdown', 'junit']) {
      const result = await runInProcess(['check', '--format', format], { cwd });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('evil');
      // eslint-disable-next-line no-control-regex
      expect(result.stdout, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it('uses --knowledge overlays, and warns about drift when they rank another family first', async () => {
    const cwd = temp();
    const useCase = builtinKnowledge.use_cases['document-summarization']!;
    writeFileSync(
      join(cwd, 'overlay.yaml'),
      'families:\n  autoregressive:\n    ratings: { quality: { value: 5, modalities: { text: 5 } }, speed: 5, diversity: 5, stability: 5, control: 5, cost: 5, maturity: 5, likelihood: 5 }\n    modalities: { text: 5 }\n',
    );
    writeFileSync(
      join(cwd, 'genai-stack.yaml'),
      `version: 1\npolicy: { require_checklist: false, max_rank: 7, max_gap: 100 }\nuse_cases:\n  - id: summaries\n    profile: { use_case: ${useCase.id} }\n    choice: { family: transformer }\n    decided_with: { knowledge_sha256: ${builtinKnowledge.sha256}, family: transformer }\n`,
    );
    expect((await runInProcess(['check'], { cwd })).stdout).toBe('✓ 1 use case checked: 1 passed, 0 failed; 0 errors, 0 warnings\n');
    const drift = await runInProcess(['check', '--knowledge', 'overlay.yaml'], { cwd });
    expect(drift.code).toBe(0);
    expect(flat(drift.stdout)).toMatch(/warning knowledge\/drift decided with knowledge \(sha256 [0-9a-f]{12}\), when transformer ranked first; the current knowledge .* ranks autoregressive first/);
  });

  it('documents the formats and exit codes in --help', async () => {
    const result = await runInProcess(['check', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('output format: text, json, junit, sarif, github, markdown, yaml, table');
    expect(result.stdout).toContain('--strict');
    expect(result.stdout).toContain('Exit codes: 0 no violations, 1 violations found, 2 a file cannot be checked.');
  });
});
