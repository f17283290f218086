import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { expectInvariants } from '../scoring/invariants.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

// These run the built binary: `npm run build` first (npm test does).
const IMAGE = ['--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate'];
const OVERLAY = 'test/knowledge/fixtures/good-overlay.yaml';
const BROKEN = 'test/knowledge/fixtures/broken-overlay.yaml';
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[/;

let dir: string;
beforeAll(() => {
  dir = tempDir('genai-advisor-e2e-');
});

function ok(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const result = runCli(args, options);
  expect(result.stderr, `stderr of ${args.join(' ')}`).toBe('');
  expect(result.code, `exit code of ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

/** A usage error: exit 2, nothing on stdout, a short message and no stack trace on stderr. */
function usageError(args: string[], options: Parameters<typeof runCli>[1] = {}): string {
  const result = runCli(args, options);
  expect(result.code, `exit code of ${args.join(' ')}`).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stderr).not.toMatch(/internal error/);
  return result.stderr;
}

/** Runs the binary in a pseudo-terminal (util-linux `script`), where colour is allowed. */
function inTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: '', TERM: 'xterm-256color', ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

describe('recommend --no-input --format json --modality image --task generate', () => {
  it('prints the contract’s JSON, holding every invariant', () => {
    const doc = JSON.parse(ok(IMAGE));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.tool).toEqual({ name: 'genai-advisor', version: pkg.version });
    expect(doc.knowledge).toEqual({ version: builtinKnowledge.version, sha256: builtinKnowledge.sha256 });
    expect(doc.knowledge.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.profile).toMatchObject({ modality: 'image', task: 'generate' });
    expect(Object.keys(doc.weights).sort()).toEqual(Object.keys(builtinKnowledge.criteria).sort());
    expectInvariants(doc, { weightTolerance: 5e-5 });
    for (const r of doc.ranking) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['rank', 'family', 'name', 'score', 'eligible', 'knockouts', 'contributions', 'strengths', 'caveats']));
      expect(r.name).toBe(builtinKnowledge.families[r.family as (typeof FAMILY_IDS)[number]].name);
    }
    expect(doc.ranking[0].family).toBe('diffusion');
    expect(doc.robustness).toMatchObject({ label: expect.stringMatching(/^(stable|fragile|tie)$/), winnerShare: expect.any(Number), margin: expect.any(Number), flips: expect.any(Array) });
    expect(doc.checklist.length).toBeGreaterThan(0);
    for (const item of doc.checklist) {
      expect(item).toMatchObject({ id: expect.any(String), area: expect.any(String), title: expect.any(String), why: expect.any(String) });
      expect(item.references.length).toBeGreaterThan(0);
      for (const ref of item.references) expect(ref).toMatchObject({ framework: expect.any(String), id: expect.any(String) });
    }
  });

  it('is byte-identical across runs', () => {
    expect(ok(IMAGE)).toBe(ok(IMAGE));
  });

  it('is the default command', () => {
    expect(ok(IMAGE.filter((a) => a !== 'recommend'))).toBe(ok(['recommend', ...IMAGE]));
  });
});

describe('compare and explain', () => {
  it('compare shows all seven families side by side', () => {
    const text = ok(['compare']);
    for (const id of FAMILY_IDS) expect(text).toContain(builtinKnowledge.families[id].short_name);
    expect(text).toMatch(/Best at.*Limitations.*Typical uses/);
    const doc = JSON.parse(ok(['compare', '--format', 'json']));
    expect(doc.families.map((f: { id: string }) => f.id)).toEqual([...FAMILY_IDS]);
  });

  it('explain diffusion shows a profile with sources', () => {
    const text = ok(['explain', 'diffusion']);
    expect(text).toContain('Diffusion models (diffusion)');
    for (const heading of ['How it works', 'Best at', 'Limitations', 'Examples', 'Sources']) expect(text).toContain(heading);
    const flat = text.replace(/\s+/g, ' ');
    for (const key of builtinKnowledge.families.diffusion.sources) expect(flat).toContain(`${key}: ${builtinKnowledge.sources[key]!.citation}`);
  });

  it('explain accepts an alias', () => {
    expect(ok(['explain', 'Stable Diffusion'])).toBe(ok(['explain', 'diffusion']));
  });

  it('explain banana exits 2 listing the valid ids', () => {
    const stderr = usageError(['explain', 'banana']);
    expect(stderr).toMatch(/unknown family "banana"/);
    for (const id of FAMILY_IDS) expect(stderr).toContain(id);
  });

  it('explain difusion suggests diffusion', () => {
    expect(usageError(['explain', 'difusion'])).toMatch(/Did you mean "diffusion"\?/);
  });
});

describe('usage errors exit 2 with a suggestion', () => {
  it.each([
    ['both', [], ['--modality', '--task']],
    ['the task', ['--modality', 'image'], ['--task']],
  ])('missing %s without a terminal names the flags', (_label, args, flags) => {
    for (const extra of [[], ['--no-input']]) {
      const stderr = usageError([...args, ...extra]);
      for (const flag of flags) expect(stderr).toContain(flag);
      expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('an unknown option gets a did-you-mean', () => {
    expect(usageError(['--modalty', 'image', '--task', 'generate'])).toMatch(/unknown option '--modalty'[\s\S]*Did you mean --modality\?/);
  });

  it('a missing value is named', () => {
    expect(usageError(['--task', 'generate', '--modality'])).toMatch(/option '--modality <modality>' argument missing/);
  });

  it('a bad choice gets a did-you-mean and the allowed values', () => {
    const stderr = usageError(['--modality', 'imag', '--task', 'generate']);
    expect(stderr).toMatch(/Did you mean "image"\?/);
    expect(stderr).toMatch(/Allowed: text, code, image/);
  });

  it('a bad priority gets a did-you-mean', () => {
    expect(usageError([...IMAGE, '--priority', 'qualty=high'])).toMatch(/unknown criterion "qualty"\. Did you mean "quality"\?/);
  });

  it('an unknown preset gets a did-you-mean and the list of presets', () => {
    expect(usageError(['--use-case', 'fraud', '--no-input'])).toMatch(/unknown use case "fraud"\. Did you mean "fraud-detection"\?\nuse cases: customer-support-chatbot, .*risk-modeling /);
  });

  it('an unknown command is not mistaken for the default command’s argument', () => {
    expect(usageError(['compair'])).toMatch(/compare/);
  });
});

describe('files', () => {
  it('--output writes the same bytes atomically and says so on stderr', () => {
    const out = join(dir, 'out.json');
    const result = runCli([...IMAGE, '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(ok(IMAGE));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an existing file survives a failed run', () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous result\n');
    usageError(['--no-input', '--modality', 'image', '--output', out]);
    usageError([...IMAGE, '--output', out, '--knowledge', BROKEN]);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--output into a missing folder is a usage error', () => {
    expect(usageError([...IMAGE, '--output', join(dir, 'nope', 'out.json')])).toMatch(/does not exist/);
  });

  it('--save-answers then --answers replays to byte-identical JSON', () => {
    const answers = join(dir, 'answers.yaml');
    const args = ['--no-input', '--format', 'json', '--use-case', 'product-mockups', '--priority', 'speed=high', '--sensitive-data'];
    const first = ok([...args, '--save-answers', answers]);
    const saved = parseYaml(readFileSync(answers, 'utf8'));
    expect(saved).toMatchObject({ use_case: 'product-mockups', sensitive_data: true, priorities: { speed: 'high', diversity: 'high' } });
    expect(ok(['--no-input', '--format', 'json', '--answers', answers])).toBe(first);
  });

  it('flags override an answers file', () => {
    const answers = join(dir, 'override.yaml');
    writeFileSync(answers, 'modality: text\ntask: generate\n');
    const doc = JSON.parse(ok(['--no-input', '--format', 'json', '--answers', answers, '--modality', 'image']));
    expect(doc.profile.modality).toBe('image');
  });

  it('a broken answers file exits 2 with file:line:col', () => {
    const answers = join(dir, 'broken-answers.yaml');
    writeFileSync(answers, 'modality: image\ntask: generat\n');
    expect(usageError(['--no-input', '--answers', answers])).toMatch(/broken-answers\.yaml:2:7: .*"generat".*Did you mean "generate"\?/);
  });
});

describe('formats', () => {
  it('--format yaml holds the same document as json', () => {
    expect(parseYaml(ok(IMAGE.map((a) => (a === 'json' ? 'yaml' : a))))).toEqual(JSON.parse(ok(IMAGE)));
  });

  it('--format markdown renders a document with the ranking', () => {
    const md = ok(IMAGE.map((a) => (a === 'json' ? 'markdown' : a)));
    expect(md).toMatch(/^#{1,2} /m);
    expect(md).toMatch(/^\|.*\|$/m);
    for (const id of FAMILY_IDS) expect(md).toContain(builtinKnowledge.families[id].name);
  });

  it('the table fits 80 columns', () => {
    const text = ok(IMAGE.filter((a) => a !== 'json' && a !== '--format'));
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it.each(['compare', 'explain gan', 'use-cases'])('%s works in every format', (command) => {
    const args = command.split(' ');
    JSON.parse(ok([...args, '--format', 'json']));
    parseYaml(ok([...args, '--format', 'yaml']));
    expect(ok([...args, '--format', 'markdown'])).toMatch(/^#/m);
    expect(ok(args).length).toBeGreaterThan(100);
  });
});

describe('--knowledge overlays', () => {
  it('change the sha256 and the ranking they touch', () => {
    const plain = JSON.parse(ok(IMAGE));
    const overlaid = JSON.parse(ok([...IMAGE, '--knowledge', OVERLAY, '--priority', 'latency-slo=high']));
    expect(overlaid.knowledge.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(overlaid.knowledge.sha256).not.toBe(plain.knowledge.sha256);
    expect(overlaid.knowledge.overlays).toEqual([OVERLAY]);
    expect(overlaid.weights['latency-slo']).toBeGreaterThan(0);
    expect(overlaid.ranking[0].family).toBe('gan');
    expectInvariants(overlaid, { weightTolerance: 5e-5 });
  });

  it('a bad overlay exits 2 with file:line:col for every problem', () => {
    const stderr = usageError([...IMAGE, '--knowledge', BROKEN]);
    for (const at of ['5:14', '7:16', '8:7', '9:36', '11:7', '12:3', '15:16']) expect(stderr).toContain(`${BROKEN}:${at}: `);
    expect(stderr).toMatch(/Did you mean "quality"\?/);
  });

  it('a missing overlay file is one clear line', () => {
    expect(usageError([...IMAGE, '--knowledge', 'nope.yaml'])).toMatch(/knowledge overlay nope\.yaml does not exist/);
  });
});

describe('colour', () => {
  it('is on in a terminal, and off with NO_COLOR, TERM=dumb or --no-color', () => {
    const args = ['explain', 'gan'];
    expect(inTerminal(args)).toMatch(ESCAPE);
    expect(inTerminal(args, { NO_COLOR: '1' })).not.toMatch(ESCAPE);
    expect(inTerminal(args, { TERM: 'dumb' })).not.toMatch(ESCAPE);
    expect(inTerminal([...args, '--no-color'])).not.toMatch(ESCAPE);
    expect(inTerminal(['--modality', 'image', '--task', 'generate', '--no-input', '--no-color'])).not.toMatch(ESCAPE);
  });

  it('is off when stdout is not a terminal', () => {
    expect(ok(['explain', 'gan'], { env: { NO_COLOR: '' } })).not.toMatch(ESCAPE);
  });
});

describe('the rest of the surface', () => {
  it('-V prints the version', () => {
    expect(ok(['-V'])).toBe(`${pkg.version}\n`);
    expect(ok(['--version'])).toBe(`${pkg.version}\n`);
  });

  it('--help lists a flag for every question of the table', () => {
    const help = ok(['recommend', '--help']);
    for (const flag of ['--use-case', '--modality', '--task', '--latency', '--priority', '--data', '--compute', '--sector', '--customer-facing', '--sensitive-data', '--synthetic-media', '--high-stakes', '--human-review']) {
      expect(help).toContain(flag);
    }
  });

  it.each([
    ['compare', 'gan', '--format', 'json'],
    ['explain', 'gan', '--format', 'json'],
    ['use-cases', '--format', 'json'],
    ['check', 'examples/genai-stack.yaml', '--format', 'json'],
    ['knowledge', 'schema', '--which', 'stack'],
    ['knowledge', 'validate', 'test/knowledge/fixtures/good-overlay.yaml'],
  ])('%s … takes the common --no-input and --yes, changing nothing, without listing them', (...args) => {
    const plain = runCli(args);
    expect(plain.code).toBe(0);
    expect(runCli([...args, '--no-input', '--yes'])).toEqual(plain);
    expect(runCli([...args, '-y'])).toEqual(plain);
    expect(ok([...args.slice(0, args[0] === 'knowledge' ? 2 : 1), '--help'])).not.toMatch(/--no-input|--yes/);
  });

  it.each(Object.keys(builtinKnowledge.use_cases))('--use-case %s runs and ranks a seed family first', (id) => {
    const doc = JSON.parse(ok(['--use-case', id, '--no-input', '--format', 'json']));
    expect(doc.profile.use_case).toBe(id);
    expect(builtinKnowledge.use_cases[id]!.seed_families).toContain(doc.ranking[0].family);
    expectInvariants(doc, { weightTolerance: 5e-5 });
  });
});
