/**
 * Every kind of bad input the tool can be given, through the CLI (in-process): each must end with
 * exit 2, nothing on stdout, and a short message on stderr that names the problem (located
 * `file:line:col` when it is inside a file), never a stack trace and never a hang.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_YAML_BYTES } from '../../src/knowledge/limits.js';
import { runInProcess, type RunResult } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

let dir: string;
const path = (name: string) => join(dir, name);

beforeAll(() => {
  dir = tempDir('genai-advisor-bad-input-');
  mkdirSync(path('a-folder.yaml'));
  // Just over the limit: refused by its size alone, before anything reads it as YAML.
  writeFileSync(path('oversize.yaml'), `a: 1\n${'#'.repeat(MAX_YAML_BYTES)}\n`);
});

const run = (args: string[]) => runInProcess(args, { cwd: dir });

/**
 * The shape every usage error has. `located` names the file whose problems must each come as
 * `file:line:col: message` (a listing may then take one line per problem, plus a hint).
 */
function expectUsageError(result: RunResult, patterns: RegExp[], located?: string): string[] {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^error: /);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/internal error/);
  const lines = result.stderr.replace(/^error: /, '').trimEnd().split('\n');
  for (const pattern of patterns) expect(result.stderr).toMatch(pattern);
  if (located === undefined) {
    expect(lines.length, result.stderr).toBeLessThanOrEqual(2);
  } else {
    const at = lines.filter((line) => line.startsWith(`${located}:`));
    expect(at.length, `no located problem in:\n${result.stderr}`).toBeGreaterThanOrEqual(1);
    for (const line of at) expect(line).toMatch(/^.+:\d+:\d+: \S/);
    // Anything not located is the one closing hint.
    expect(lines.length - at.length, result.stderr).toBeLessThanOrEqual(1);
    if (at.length < lines.length) expect(lines.at(-1)!.startsWith(`${located}:`)).toBe(false);
  }
  return lines;
}

describe('flags and commands', () => {
  const rows: Array<[string, string[], RegExp[]]> = [
    ['a misspelt command', ['recomend'], [/unknown command "recomend"\. Did you mean "recommend"\?/]],
    ['a misspelt subcommand', ['knowledge', 'valdate', 'x.yaml'], [/unknown subcommand "valdate" of knowledge\. Did you mean "validate"\?/, /knowledge --help/]],
    ['a missing subcommand', ['knowledge'], [/knowledge needs a subcommand: validate <file\.\.\.> or schema/, /knowledge --help/]],
    ['a misspelt option', ['--modalty', 'image'], [/unknown option '--modalty'\. Did you mean --modality\?/, /recommend --help/]],
    ['a misspelt option of a subcommand', ['check', '--strct'], [/unknown option '--strct'\. Did you mean --strict\?/, /check --help/]],
    ['-v for the version', ['-v'], [/unknown option '-v'\. Did you mean -V \(--version\)\?/, /recommend --help/]],
    ['a misspelt value', ['--modality', 'imag', '--task', 'generate'], [/'imag' is invalid\. Did you mean "image"\? Allowed: text, code, image/]],
    ['a misspelt format', ['compare', '--format', 'jsn'], [/'jsn' is invalid\. Did you mean "json"\?/]],
    ['a format of another command', ['compare', '--format', 'sarif'], [/'sarif' is invalid\. Allowed: /]],
    ['a misspelt family', ['explain', 'difusion'], [/unknown family "difusion"\. Did you mean "diffusion"\?/]],
    ['a misspelt family in compare', ['compare', 'gann', 'vae'], [/unknown family "gann"\. Did you mean "gan"\?/]],
    ['a misspelt use case', ['--use-case', 'fraud-detecton', '--no-input'], [/unknown use case "fraud-detecton"\. Did you mean "fraud-detection"\?/]],
    ['an unknown use case', ['--use-case', 'foo', '--no-input'], [/unknown use case "foo"\./, /^use cases: customer-support-chatbot, .*risk-modeling \(`genai-advisor use-cases` describes them\)$/m]],
    ['a misspelt priority criterion', ['--modality', 'image', '--task', 'generate', '--priority', 'qualty=high'], [/unknown criterion "qualty"\. Did you mean "quality"\?/]],
    ['a misspelt priority level', ['--modality', 'image', '--task', 'generate', '--priority', 'quality=hgh'], [/unknown level "hgh"\. Did you mean "high"\?/]],
    ['a priority that is not criterion=level', ['--modality', 'image', '--task', 'generate', '--priority', '5'], [/"5" is not criterion=level/, /quality=high/]],
    ['a value given to a switch', ['--modality', 'image', '--task', 'generate', '--sensitive-data', 'no'], [/--sensitive-data takes no value/, /--no-sensitive-data for no/]],
    ['a value given to --strict', ['check', '--strict', 'true'], [/--strict takes no value/]],
    ['a command after options', ['--knowledge', 'team.yaml', 'explain', 'diffusion'], [/^error: "explain" is a command: it goes before the options$/m, /^genai-advisor explain diffusion --knowledge team\.yaml$/m]],
    ['a command after a switch', ['--no-color', 'compare'], [/"compare" is a command: it goes before the options/, /^genai-advisor compare --no-color$/m]],
    ['a switch written with =', ['--modality', 'image', '--task', 'generate', '--customer-facing=true'], [/--customer-facing takes no value, so "--customer-facing=true" is out of place/, /--no-customer-facing for no/]],
    ['a negated switch written with =', ['check', '--no-color=1'], [/--no-color takes no value/, /write --no-color alone/]],
    ['a misspelt hosting for init', ['init', '--hosting', 'cloud'], [/'cloud' is invalid\. Allowed: api, self-hosted, on-device/]],
    ['a misspelt schema name', ['knowledge', 'schema', '--which', 'overlays'], [/Did you mean "overlay"\?/]],
    ['an argument the command does not take', ['use-cases', 'extra'], [/too many arguments for 'use-cases'/, /use-cases --help/]],
    ['a missing argument', ['explain'], [/missing required argument 'family'/, /explain --help/]],
    ['a missing file argument', ['knowledge', 'validate'], [/missing required argument 'file'/]],
    ...(['--modality', '--task', '--answers', '--save-answers', '--output', '--knowledge', '--use-case', '--priority'] as const).map(
      (flag): [string, string[], RegExp[]] => [`no value after ${flag}`, ['--task', 'generate', flag], [new RegExp(`option '${flag} <[a-z-]+>' argument missing`)]],
    ),
    ['no value after --format', ['compare', '--format'], [/option '--format <format>' argument missing/]],
    ['no value after --id', ['init', '--id'], [/option '--id <id>' argument missing/]],
    ['an invalid use-case id for init', ['init', '--id', 'Not An Id', '--use-case', 'customer-support-chatbot', '--no-input'], [/use-case id "Not An Id" is not valid/]],
  ];
  it.each(rows)('%s', async (_name, args, patterns) => {
    expectUsageError(await run(args), patterns);
  });
});

/** The places a YAML file can be given, and how each is invoked. */
const ENTRY_POINTS = {
  'answers file': (file: string) => ['--answers', file, '--no-input'],
  'knowledge overlay': (file: string) => ['--knowledge', file, '--modality', 'image', '--task', 'generate', '--no-input'],
  'knowledge validate': (file: string) => ['knowledge', 'validate', file],
  'stack file (check)': (file: string) => ['check', file],
  'stack file (init)': (file: string) => ['init', file, '--use-case', 'customer-support-chatbot', '--id', 'new-one', '--no-input'],
} as const;
type EntryPoint = keyof typeof ENTRY_POINTS;

interface BadFile {
  kind: string;
  /** Written under this name; absent for a file that must not exist. */
  content?: string | Buffer;
  name?: string;
  patterns: RegExp[];
  /** The problem is inside the file: it comes with file:line:col (first problem's line and column). */
  at?: [number, number];
  /** Entry points this kind does not apply to (init creates a missing file). */
  skip?: EntryPoint[];
}

const aliasBomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
const deepBlock = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';

const BAD_FILES: BadFile[] = [
  { kind: 'an empty file', content: '', patterns: [/is empty/], skip: ['stack file (init)'] },
  { kind: 'a binary file', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x9b]), patterns: [/is not UTF-8 text/] },
  { kind: 'a text file with a NUL byte', content: 'modality: image\n\u0000\n', patterns: [/binary \(contains a NUL byte\)/], at: [2, 1] },
  { kind: 'a directory', name: 'a-folder.yaml', patterns: [/a-folder\.yaml is a directory, not a file/] },
  { kind: 'a missing file', name: 'no-such-file.yaml', patterns: [/no-such-file\.yaml does not exist/], skip: ['stack file (init)'] },
  { kind: 'a file over the size limit', name: 'oversize.yaml', patterns: [/is 16\.1 MiB, over the 16 MiB size limit/] },
  { kind: 'a YAML syntax error', content: 'version: 1\nuse_cases: [1, 2\nother: 3\n', patterns: [/\S/], at: [3, 1] },
  { kind: 'a tab used for indentation', content: 'version: 1\nuse_cases:\n\t- id: x\n', patterns: [/Tabs are not allowed as indentation; indent with spaces/], at: [3, 1] },
  { kind: 'a duplicate key', content: 'version: 1\nversion: 1\n', patterns: [/duplicate key "version"/], at: [2, 1] },
  { kind: 'a __proto__ key', content: 'version: 1\n__proto__: { polluted: true }\n', patterns: [/key "__proto__" is not allowed/], at: [2, 1] },
  { kind: 'a constructor key', content: 'version: 1\nnested:\n  constructor: { prototype: { polluted: true } }\n', patterns: [/key "constructor" is not allowed/], at: [3, 3] },
  { kind: 'a !!js/function tag', content: 'version: !!js/function "function () { return 1 }"\n', patterns: [/custom tags are not allowed/], at: [1, 10] },
  { kind: 'an alias bomb', content: `${aliasBomb}\n`, patterns: [/too many alias expansions \(possible alias bomb\)/], at: [1, 1] },
  // Far deeper than the parser's depth limit, which it reports without recursing further.
  { kind: '10,000 nested [', content: `a: ${'['.repeat(10_000)}\n`, patterns: [/nesting is too deep \(limit 64 levels\)/] },
  { kind: '70 nested mappings', content: deepBlock, patterns: [/nesting is too deep \(limit 64 levels\)/], at: [64, 127] },
  { kind: 'two YAML documents', content: 'version: 1\n---\nversion: 1\n', patterns: [/more than one YAML document/] },
];

describe.each(Object.keys(ENTRY_POINTS) as EntryPoint[])('%s', (entry) => {
  const rows = BAD_FILES.filter((f) => !f.skip?.includes(entry));
  it.each(rows.map((f) => [f.kind, f] as const))('%s', async (_kind, bad) => {
    const name = bad.name ?? `${entry.replace(/\W+/g, '-')}-${bad.kind.replace(/\W+/g, '-')}.yaml`;
    if (bad.content !== undefined) writeFileSync(path(name), bad.content);
    const lines = expectUsageError(await run(ENTRY_POINTS[entry](name)), bad.patterns, bad.at ? name : undefined);
    if (bad.at) expect(lines[0]).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}:${bad.at[0]}:${bad.at[1]}: `));
  });
});

describe('problems inside answers files, overlays and stack files', () => {
  const rows: Array<{ name: string; file: string; content: string; args: (file: string) => string[]; lines: string[] }> = [
    {
      name: 'an unknown answers key, with did-you-mean',
      file: 'answers-key.yaml',
      content: 'modalty: image\ntask: generate\n',
      args: ENTRY_POINTS['answers file'],
      lines: ['1:1: unknown key "modalty" in the file. Did you mean "modality"?'],
    },
    {
      name: 'an unknown answers value, with did-you-mean',
      file: 'answers-value.yaml',
      content: 'modality: image\ntask: generat\n',
      args: ENTRY_POINTS['answers file'],
      lines: ['2:7: task is "generat", which is not allowed. Did you mean "generate"?'],
    },
    {
      name: 'answers of the wrong type',
      file: 'answers-types.yaml',
      content: 'modality: 5\ntask: generate\nsensitive_data: "yes"\npriorities: [quality]\n',
      args: ENTRY_POINTS['answers file'],
      lines: ['1:11: modality is 5, which is not allowed.', '3:17: sensitive_data must be true or false, not "yes"', '4:13: priorities must be a mapping'],
    },
    {
      name: 'an answers file that is a list',
      file: 'answers-list.yaml',
      content: '- modality: image\n',
      args: ENTRY_POINTS['answers file'],
      lines: ['1:1: '],
    },
    {
      name: 'out-of-range ratings in an overlay',
      file: 'overlay-range.yaml',
      content: 'families:\n  diffusion:\n    ratings: { quality: 7, speed: 0 }\n',
      args: ENTRY_POINTS['knowledge overlay'],
      lines: ['3:25: families.diffusion.ratings.quality is 7; it must be at most 5', '3:35: families.diffusion.ratings.speed is 0; it must be at least 1'],
    },
    {
      name: 'a rating of the wrong type in an overlay',
      file: 'overlay-type.yaml',
      content: 'families:\n  diffusion:\n    ratings: { quality: high }\n',
      args: ENTRY_POINTS['knowledge validate'],
      lines: ['3:25: families.diffusion.ratings.quality must be a whole number or a mapping, not "high"'],
    },
    {
      name: 'an unknown family id in an overlay',
      file: 'overlay-family.yaml',
      content: 'families:\n  difusion:\n    ratings: { quality: 4 }\n',
      args: ENTRY_POINTS['knowledge overlay'],
      lines: ['2:3: unknown key "difusion" in families. Did you mean "diffusion"?'],
    },
    {
      name: 'unknown criterion, modality and source ids in an overlay',
      file: 'overlay-ids.yaml',
      content: 'families:\n  diffusion:\n    ratings:\n      qualty: 4\n      speed: { value: 3, why: measured, sources: [NO-SUCH-SOURCE] }\n    modalities: { vidoe: 3 }\n',
      args: ENTRY_POINTS['knowledge validate'],
      lines: ['4:7: unknown criterion "qualty". Did you mean "quality"?', '5:51: unknown source key "NO-SUCH-SOURCE"', '6:19: unknown modality "vidoe". Did you mean "video"?'],
    },
    {
      name: 'duplicate use-case ids in an overlay',
      file: 'overlay-use-cases.yaml',
      content: 'use_cases:\n  team-bot:\n    title: A\n    description: A\n    answers: { modality: text, task: conversation }\n  team-bot:\n    title: B\n    description: B\n    answers: { modality: text, task: conversation }\n',
      args: ENTRY_POINTS['knowledge overlay'],
      lines: ['6:3: duplicate key "team-bot"'],
    },
    {
      name: 'a stack file with a misspelt family, key and status',
      file: 'stack-values.yaml',
      content: 'version: 1\nuse_cases:\n  - id: bot\n    profile: { modality: text, task: conversation }\n    choice: { family: transformr }\n    governanse:\n      ai-disclosure: { status: don }\n',
      args: ENTRY_POINTS['stack file (check)'],
      lines: ['5:23: use_cases[0].choice.family is "transformr", which is not allowed. Did you mean "transformer"?', '6:5: unknown key "governanse" in use_cases[0]. Did you mean "governance"?'],
    },
    {
      name: 'a stack policy of the wrong type and out of range',
      file: 'stack-policy.yaml',
      content: 'version: 1\npolicy: { max_rank: two, min_score: 150 }\nuse_cases: []\n',
      args: ENTRY_POINTS['stack file (check)'],
      lines: ['2:21: policy.max_rank must be a whole number, not "two"', '2:37: policy.min_score is 150; it must be at most 100'],
    },
  ];
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    writeFileSync(path(row.file), row.content);
    const lines = expectUsageError(await run(row.args(row.file)), [], row.file);
    for (const expected of row.lines) expect(lines.some((line) => line.startsWith(`${row.file}:${expected}`)), `${expected} in\n${lines.join('\n')}`).toBe(true);
  });

  // In a stack file a repeated id is a policy finding (rule stack/duplicate-id, issue 5), not an
  // unusable file: the rest of the stack is still checked, and CI sees it in every format.
  it('duplicate use-case ids in a stack file fail the check at the repeated id, with the rule id', async () => {
    writeFileSync(
      path('stack-duplicate-ids.yaml'),
      ['version: 1', 'use_cases:', ...[1, 2].flatMap(() => ['  - id: bot', '    profile: { modality: text, task: conversation }', '    choice: { family: transformer }'])].join('\n') + '\n',
    );
    const result = await run(['check', 'stack-duplicate-ids.yaml', '--format', 'json']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { findings?: Array<{ rule: string; line: number }>; summary: { failed: number } };
    const duplicates = (report.findings ?? []).filter((f) => f.rule === 'stack/duplicate-id');
    expect(duplicates.map((f) => f.line)).toEqual([6]);
    // Reported once, at the repeat; both use cases that share the id fail.
    expect(report.summary.failed).toBe(2);
  });
});

describe('a stdin that is not a terminal, with answers missing', () => {
  it.each([
    ['recommend', [], /missing modality and task: give --modality and --task/],
    ['checklist', ['checklist'], /missing modality and task/],
    ['recommend with one answer', ['--modality', 'image'], /missing task: give --task/],
    ['init', ['init', 'stack.yaml'], /missing modality and task/],
  ] as const)('%s fails at once instead of waiting for input', async (_name, args, pattern) => {
    // stdin never ends: were the run to read it, this would never resolve (and time out).
    expectUsageError(await runInProcess([...args], { cwd: dir, openStdin: true }), [pattern]);
  });
});
