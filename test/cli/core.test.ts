import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { runInProcess, type RunOptions } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { expectInvariants } from '../scoring/invariants.js';


const FAMILY_IDS = familyIds(builtinKnowledge);

const IMAGE = ['--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate'];
const OVERLAY = 'test/knowledge/fixtures/good-overlay.yaml';
const BROKEN = 'test/knowledge/fixtures/broken-overlay.yaml';
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[/;

let dir: string;
beforeAll(() => {
  dir = tempDir('genai-advisor-e2e-');
});

async function ok(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await runInProcess(args, options);
  expect(result.stderr, `stderr of ${args.join(' ')}`).toBe('');
  expect(result.code, `exit code of ${args.join(' ')}`).toBe(0);
  return result.stdout;
}

/** A usage error: exit 2, nothing on stdout, a short message and no stack trace on stderr. */
async function usageError(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await runInProcess(args, options);
  expect(result.code, `exit code of ${args.join(' ')}`).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stderr).not.toMatch(/internal error/);
  return result.stderr;
}

/** Runs in a terminal (stdout a TTY), where colour is allowed. */
async function inTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const result = await runInProcess(args, { isTTY: true, columns: 80, env: { NO_COLOR: '', TERM: 'xterm-256color', ...env } });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('recommend --no-input --format json --modality image --task generate', () => {
  it('prints the contract’s JSON, holding every invariant', async () => {
    const doc = JSON.parse(await ok(IMAGE));
    expect(doc.schemaVersion).toBe(3);
    expect(doc.tool).toEqual({ name: 'genai-advisor', version: pkg.version });
    expect(doc.knowledge).toEqual({ version: builtinKnowledge.version, sha256: builtinKnowledge.sha256 });
    expect(doc.knowledge.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.profile).toMatchObject({ modality: 'image', task: 'generate' });
    expect(Object.keys(doc.weights).sort()).toEqual(Object.keys(builtinKnowledge.criteria).sort());
    expectInvariants(doc, { weightTolerance: 5e-5 });
    for (const r of doc.ranking) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['rank', 'family', 'name', 'score', 'fit', 'knockouts', 'contributions', 'strengths', 'caveats']));
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

  it('is byte-identical across runs', async () => {
    expect(await ok(IMAGE)).toBe(await ok(IMAGE));
  });

  it('is the default command', async () => {
    expect(await ok(IMAGE.filter((a) => a !== 'recommend'))).toBe(await ok(['recommend', ...IMAGE]));
  });
});

describe('compare and explain', () => {
  it('compare shows all seven families side by side', async () => {
    const text = await ok(['compare']);
    for (const id of FAMILY_IDS) expect(text).toContain(builtinKnowledge.families[id].short_name);
    for (const heading of ['Best at', 'Limitations', 'Typical uses']) expect(text).toContain(heading);
    const doc = JSON.parse(await ok(['compare', '--format', 'json']));
    expect(doc.families.map((f: { id: string }) => f.id)).toEqual([...FAMILY_IDS]);
  });

  it('explain diffusion shows a profile with sources', async () => {
    const text = await ok(['explain', 'diffusion']);
    expect(text).toContain('Diffusion models (diffusion)');
    for (const heading of ['How it works', 'Best at', 'Limitations', 'Examples', 'Sources']) expect(text).toContain(heading);
    const flat = text.replace(/\s+/g, ' ');
    for (const key of builtinKnowledge.families.diffusion.sources) {
      const year = builtinKnowledge.sources[key]!.year;
      expect(flat).toContain(`${key}${year !== undefined ? ` (${year})` : ''}: ${builtinKnowledge.sources[key]!.citation}`);
    }
  });

  it('explain accepts an alias', async () => {
    expect(await ok(['explain', 'Stable Diffusion'])).toBe(await ok(['explain', 'diffusion']));
  });

  it('explain banana exits 2 listing the valid ids', async () => {
    const stderr = await usageError(['explain', 'banana']);
    expect(stderr).toMatch(/unknown family "banana"/);
    for (const id of FAMILY_IDS) expect(stderr).toContain(id);
  });

  it('explain difusion suggests diffusion', async () => {
    expect(await usageError(['explain', 'difusion'])).toMatch(/Did you mean "diffusion"\?/);
  });
});

describe('usage errors exit 2 with a suggestion', () => {
  it.each([
    ['both', [], ['--modality', '--task']],
    ['the task', ['--modality', 'image'], ['--task']],
  ])('missing %s without a terminal names the flags', async (_label, args, flags) => {
    for (const extra of [[], ['--no-input']]) {
      const stderr = await usageError([...args, ...extra]);
      for (const flag of flags) expect(stderr).toContain(flag);
      expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
  });

  it('an unknown option gets a did-you-mean', async () => {
    expect(await usageError(['--modalty', 'image', '--task', 'generate'])).toMatch(/unknown option '--modalty'[\s\S]*Did you mean --modality\?/);
  });

  it('a missing value is named', async () => {
    expect(await usageError(['--task', 'generate', '--modality'])).toMatch(/option '--modality <modality>' argument missing/);
  });

  it('a bad choice gets a did-you-mean and the allowed values', async () => {
    const stderr = await usageError(['--modality', 'imag', '--task', 'generate']);
    expect(stderr).toMatch(/Did you mean "image"\?/);
    expect(stderr).toMatch(/Allowed: text, code, image/);
  });

  it('a bad priority gets a did-you-mean', async () => {
    expect(await usageError([...IMAGE, '--priority', 'qualty=high'])).toMatch(/unknown criterion "qualty"\. Did you mean "quality"\?/);
  });

  it('an unknown preset gets a did-you-mean and the list of presets', async () => {
    expect(await usageError(['--use-case', 'fraud', '--no-input'])).toMatch(/unknown use case "fraud"\. Did you mean "fraud-detection"\?\nuse cases: customer-support-chatbot, .*risk-modeling /);
  });

  it('an unknown command is not mistaken for the default command’s argument', async () => {
    expect(await usageError(['compair'])).toMatch(/compare/);
  });
});

describe('files', () => {
  it('--output writes the same bytes atomically and says so on stderr', async () => {
    const out = join(dir, 'out.json');
    const result = await runInProcess([...IMAGE, '--output', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toBe(await ok(IMAGE));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an existing file survives a failed run', async () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'previous result\n');
    await usageError(['--no-input', '--modality', 'image', '--output', out]);
    await usageError([...IMAGE, '--output', out, '--knowledge', BROKEN]);
    expect(readFileSync(out, 'utf8')).toBe('previous result\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--output into a missing folder is a usage error', async () => {
    expect(await usageError([...IMAGE, '--output', join(dir, 'nope', 'out.json')])).toMatch(/does not exist/);
  });

  it('--save-answers then --answers replays to byte-identical JSON', async () => {
    const answers = join(dir, 'answers.yaml');
    const args = ['--no-input', '--format', 'json', '--use-case', 'product-mockups', '--priority', 'speed=high', '--sensitive-data'];
    const first = await ok([...args, '--save-answers', answers]);
    const saved = parseYaml(readFileSync(answers, 'utf8'));
    expect(saved).toMatchObject({ use_case: 'product-mockups', sensitive_data: true, priorities: { speed: 'high', diversity: 'high' } });
    // The saved file answers every question (defaults included), so the replay names no assumed default.
    const withoutAssumed = (text: string) => {
      const doc = JSON.parse(text) as { checklistScope: { assumed?: unknown }; checklist: Array<{ assumed?: unknown }> };
      delete doc.checklistScope.assumed;
      for (const item of doc.checklist) delete item.assumed;
      return doc;
    };
    const replay = await ok(['--no-input', '--format', 'json', '--answers', answers]);
    expect(withoutAssumed(replay)).toEqual(withoutAssumed(first));
    expect(JSON.parse(replay).checklistScope.assumed).toEqual([]);
  });

  it('flags override an answers file', async () => {
    const answers = join(dir, 'override.yaml');
    writeFileSync(answers, 'modality: text\ntask: generate\n');
    const doc = JSON.parse(await ok(['--no-input', '--format', 'json', '--answers', answers, '--modality', 'image']));
    expect(doc.profile.modality).toBe('image');
  });

  it('a broken answers file exits 2 with file:line:col', async () => {
    const answers = join(dir, 'broken-answers.yaml');
    writeFileSync(answers, 'modality: image\ntask: generat\n');
    expect(await usageError(['--no-input', '--answers', answers])).toMatch(/broken-answers\.yaml:2:7: .*"generat".*Did you mean "generate"\?/);
  });
});

describe('formats', () => {
  it('--format yaml holds the same document as json', async () => {
    expect(parseYaml(await ok(IMAGE.map((a) => (a === 'json' ? 'yaml' : a))))).toEqual(JSON.parse(await ok(IMAGE)));
  });

  it('--format markdown renders a document with the ranking', async () => {
    const md = await ok(IMAGE.map((a) => (a === 'json' ? 'markdown' : a)));
    expect(md).toMatch(/^#{1,2} /m);
    expect(md).toMatch(/^\|.*\|$/m);
    for (const id of FAMILY_IDS) expect(md).toContain(builtinKnowledge.families[id].name);
  });

  it('the table fits 80 columns', async () => {
    const text = await ok(IMAGE.filter((a) => a !== 'json' && a !== '--format'));
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it.each(['compare', 'explain gan', 'use-cases'])('%s works in every format', async (command) => {
    const args = command.split(' ');
    JSON.parse(await ok([...args, '--format', 'json']));
    parseYaml(await ok([...args, '--format', 'yaml']));
    expect(await ok([...args, '--format', 'markdown'])).toMatch(/^#/m);
    expect((await ok(args)).length).toBeGreaterThan(100);
  });
});

describe('--knowledge overlays', () => {
  it('change the sha256 and the ranking they touch', async () => {
    const plain = JSON.parse(await ok(IMAGE));
    const overlaid = JSON.parse(await ok([...IMAGE, '--knowledge', OVERLAY, '--priority', 'latency-slo=high']));
    expect(overlaid.knowledge.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(overlaid.knowledge.sha256).not.toBe(plain.knowledge.sha256);
    expect(overlaid.knowledge.overlays).toEqual([OVERLAY]);
    expect(overlaid.weights['latency-slo']).toBeGreaterThan(0);
    expect(overlaid.ranking[0].family).toBe('gan');
    expectInvariants(overlaid, { weightTolerance: 5e-5 });
  });

  it('a bad overlay exits 2 with file:line:col for every problem', async () => {
    const stderr = await usageError([...IMAGE, '--knowledge', BROKEN]);
    for (const at of ['5:14', '7:16', '8:7', '9:36', '11:7', '12:3', '15:16']) expect(stderr).toContain(`${BROKEN}:${at}: `);
    expect(stderr).toMatch(/Did you mean "quality"\?/);
  });

  it('a missing overlay file is one clear line', async () => {
    expect(await usageError([...IMAGE, '--knowledge', 'nope.yaml'])).toMatch(/knowledge overlay nope\.yaml does not exist/);
  });
});

describe('colour', () => {
  it('is on in a terminal, and off with NO_COLOR, TERM=dumb or --no-color', async () => {
    const args = ['explain', 'gan'];
    expect(await inTerminal(args)).toMatch(ESCAPE);
    expect(await inTerminal(args, { NO_COLOR: '1' })).not.toMatch(ESCAPE);
    expect(await inTerminal(args, { TERM: 'dumb' })).not.toMatch(ESCAPE);
    expect(await inTerminal([...args, '--no-color'])).not.toMatch(ESCAPE);
    expect(await inTerminal(['--modality', 'image', '--task', 'generate', '--no-input', '--no-color'])).not.toMatch(ESCAPE);
  });

  it('is off when stdout is not a terminal', async () => {
    expect(await ok(['explain', 'gan'], { env: { NO_COLOR: '' } })).not.toMatch(ESCAPE);
  });
});

describe('the rest of the surface', () => {
  it('-V prints the version', async () => {
    expect(await ok(['-V'])).toBe(`${pkg.version}\n`);
    expect(await ok(['--version'])).toBe(`${pkg.version}\n`);
  });

  it('--help lists a flag for every question of the table', async () => {
    const help = await ok(['recommend', '--help']);
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
  ])('%s … takes the common --no-input and --yes, changing nothing, without listing them', async (...args) => {
    const plain = await runInProcess(args);
    expect(plain.code).toBe(0);
    expect(await runInProcess([...args, '--no-input', '--yes'])).toEqual(plain);
    expect(await runInProcess([...args, '-y'])).toEqual(plain);
    expect(await ok([...args.slice(0, args[0] === 'knowledge' ? 2 : 1), '--help'])).not.toMatch(/--no-input|--yes/);
  });

  // Presets follow the evidence, not the seed guide (issue 14): each recommends an eligible family.
  it.each(Object.keys(builtinKnowledge.use_cases))('--use-case %s runs and recommends an eligible family', async (id) => {
    const doc = JSON.parse(await ok(['--use-case', id, '--no-input', '--format', 'json']));
    expect(doc.profile.use_case).toBe(id);
    expect(doc.verdict).toEqual({ status: 'recommended', family: doc.ranking[0].family });
    expectInvariants(doc, { weightTolerance: 5e-5 });
  });
});
