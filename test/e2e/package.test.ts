// The package as a new user gets it: `npm pack`, install the tarball into an empty project,
// run the CLI through npx and type-check a TypeScript file that uses the library.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnBounded, userEnv } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; files: string[] };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

let work: string;
let project: string;
let files: string[];

/** Asynchronous, so the worker keeps answering vitest while npm works. NO_COLOR, no CI flag: what a person sees in a pipe. */
const run = (command: string, args: string[], cwd: string) => spawnBounded(command, args, { cwd, env: userEnv() });

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.js')) || !existsSync(join(ROOT, 'dist/types/index.d.ts'))) {
    throw new Error('dist/ is incomplete: run `npm run build` first (`npm test` does)');
  }
  work = tempDir('genai-advisor-pack-');
  // The build already ran (npm test builds first); packing must not rebuild dist/ under the other tests.
  const pack = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const packed = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0]!.files.map((f) => f.path);
  project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  const install = await run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0]!.filename)], project);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
}, 2 * SPAWN_TIMEOUT);

describe('the packed tarball', { timeout: SPAWN_TIMEOUT }, () => {
  it('holds the bundle, types, knowledge, schemas and licence, and no sources or tests', () => {
    for (const file of ['package.json', 'LICENSE', 'CHANGELOG.md', 'bin/genai-advisor.js', 'dist/cli.js', 'dist/index.js', 'dist/types/index.d.ts']) {
      expect(files).toContain(file);
    }
    if (existsSync(join(ROOT, 'README.md'))) expect(files).toContain('README.md');
    for (const schema of ['schemas/overlay.schema.json', 'schemas/answers.schema.json', 'schemas/genai-stack.schema.json']) expect(files).toContain(schema);
    expect(files.some((f) => f.startsWith('knowledge/') && f.endsWith('.yaml'))).toBe(true);
    const stray = files.filter((f) => /^(src|test|scripts|build|\.tmp|node_modules)\//.test(f) || /^tsconfig|^vitest/.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(stray).toEqual([]);
  });

  it('installs as exactly one package: everything it runs is bundled', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['genai-advisor']);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/genai-advisor/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
  });

  it('publishes types that import no package but Node\'s own', () => {
    const types = join(project, 'node_modules/genai-advisor/dist/types');
    const foreign: string[] = [];
    for (const entry of readdirSync(types, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.d.ts')) continue;
      for (const match of readFileSync(join(types, entry), 'utf8').matchAll(/(?:from\s+|import\()\s*['"]([^'"]+)['"]/g)) {
        if (!match[1]!.startsWith('.') && !match[1]!.startsWith('node:')) foreign.push(`${entry}: ${match[1]}`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('ships no cache files and a package page whose links work', () => {
    expect(files.filter((f) => /cache|\.(bin|blob|map|tgz)$/i.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/genai-advisor/package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['repository', 'homepage', 'bugs', 'keywords']) expect(manifest[field], field).toBeTruthy();
    // Every relative link of the packed README names a file in the tarball.
    const readme = readFileSync(join(project, 'node_modules/genai-advisor/README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!).filter((t) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(t));
    expect(targets.length).toBeGreaterThan(0);
    const missing = targets.filter((t) => !files.includes(posix.normalize(decodeURI(t.split('#')[0]!))));
    expect(missing).toEqual([]);
  });

  it('runs the advice through npx with no questions', async () => {
    const advice = await run(npx, ['genai-advisor', '--use-case', 'fraud-detection', '--no-input'], project);
    expect(advice.stderr).toBe('');
    expect(advice.code).toBe(0);
    expect(advice.stdout).toMatch(/energy-based|autoregressive|transformer|vae|gan|flow|diffusion/i);
  });

  it('checks a glob of three stack files with one report and one exit code', async () => {
    for (const [team, example] of [['a', 'genai-stack.yaml'], ['b', 'genai-stack.failing.yaml'], ['c', 'genai-stack.yaml']]) {
      mkdirSync(join(project, 'services', team!), { recursive: true });
      writeFileSync(join(project, 'services', team!, 'genai-stack.yaml'), readFileSync(join(ROOT, 'examples', example!)));
    }
    const result = await run(npx, ['genai-advisor', 'check', 'services/*/genai-stack.yaml'], project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    // The totals wrap like any line (80 columns when piped).
    expect(result.stdout.replace(/\s+/g, ' ')).toMatch(/✗ 3 files, 5 use cases checked: 4 passed, 1 failed; [1-9]\d* errors, \d+ warnings, 1 note $/);
  });

  it('runs through npx from an empty project: --version and a recommendation', async () => {
    const version = await run(npx, ['genai-advisor', '--version'], project);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });

    const rec = await run(npx, ['genai-advisor', 'recommend', '--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate'], project);
    expect(rec.stderr).toBe('');
    expect(rec.code).toBe(0);
    const document = JSON.parse(rec.stdout) as { schemaVersion: number; tool: { version: string }; ranking: Array<{ rank: number }> };
    expect(document.schemaVersion).toBe(3);
    expect(document.tool.version).toBe(pkg.version);
    expect(document.ranking.map((r) => r.rank)).toEqual(document.ranking.map((_, i) => i + 1));
  });

  it('ships the schemas that `knowledge schema` prints', async () => {
    const installed = join(project, 'node_modules/genai-advisor/schemas');
    for (const [which, file] of [['overlay', 'overlay.schema.json'], ['answers', 'answers.schema.json'], ['stack', 'genai-stack.schema.json']] as const) {
      const printed = await run(npx, ['genai-advisor', 'knowledge', 'schema', '--which', which], project);
      expect(printed.code).toBe(0);
      expect(readFileSync(join(installed, file), 'utf8')).toBe(printed.stdout);
    }
  });

  it('exposes a typed library that a strict TypeScript project compiles against and runs', async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['advisor.ts'],
      }),
    );
    writeFileSync(
      join(project, 'advisor.ts'),
      [
        "import { advise, checkStack, combineResults, loadKnowledge, recommend, recommendationDocument, resolveProfile, type CheckResult, type CombinedCheck, type FamilyId, type Recommendation } from 'genai-advisor';",
        '',
        "const knowledge = loadKnowledge([{ file: 'overlay.yaml', text: 'families:\\n  diffusion:\\n    ratings: { speed: 3 }\\n' }]);",
        "const profile = resolveProfile({ use_case: 'marketing-visuals', sensitive_data: true }, knowledge);",
        "const rec: Recommendation = recommend(knowledge, profile, { today: '2026-12-04' });",
        'const winner: FamilyId | undefined = rec.ranking[0]?.family;',
        "const share: number = advise({ modality: 'text', task: 'conversation' }, '2026-12-04').robustness.winnerShare;",
        'const json: number = recommendationDocument(rec).schemaVersion;',
        "const stack = 'version: 1\\nuse_cases:\\n  - id: visuals\\n    profile: { use_case: marketing-visuals }\\n    choice: { family: diffusion }\\n';",
        "const result: CheckResult = checkStack(knowledge, stack, 'genai-stack.yaml', { today: '2025-01-01' });",
        'const all: CombinedCheck = combineResults([result, result]);',
        'export const summary = { winner, share, json, files: all.summary.useCases, findings: result.findings.map((f) => `${f.rule} ${f.line}:${f.col}`) };',
        '',
      ].join('\n'),
    );
    const typecheck = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);

    // A type error must fail: the check above is not vacuous.
    writeFileSync(join(project, 'advisor.ts'), "import { advise } from 'genai-advisor';\nexport const x: string = advise({ modality: 'image', task: 'generate' }, '2026-12-04').ranking;\n");
    expect((await run(process.execPath, [tsc, '-p', 'tsconfig.json'], project)).code).not.toBe(0);

    writeFileSync(
      join(project, 'run.mjs'),
      [
        "import { advise, checkStack, loadKnowledge } from 'genai-advisor';",
        "const rec = advise({ use_case: 'marketing-visuals' }, '2026-12-04');",
        "const result = checkStack(loadKnowledge(), 'version: 1\\nuse_cases: []\\n', 'genai-stack.yaml', { today: '2025-01-01' });",
        'console.log(JSON.stringify({ winner: rec.ranking[0].family, checklist: rec.checklist.length > 0, ok: result.ok }));',
      ].join('\n'),
    );
    const ran = await run(process.execPath, ['run.mjs'], project);
    expect(ran.stderr).toBe('');
    expect(JSON.parse(ran.stdout)).toEqual({ winner: 'diffusion', checklist: true, ok: true });
  });
});
