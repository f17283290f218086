import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { recommend } from '../../src/recommend.js';
import type { Profile } from '../../src/knowledge/types.js';
import { runIn, tempDir } from './fake-io.js';
import { ctrlC, Queue, script } from './scripted-prompts.js';
import { TODAY } from '../helpers/today.js';

vi.mock('@inquirer/prompts', () => import('./scripted-prompts.js'));
vi.mock('../../src/interview/pick-up-to.js', () => import('./scripted-prompts.js'));

const knowledge = builtinKnowledge;
const prompt = (key: string) => knowledge.questions.find((q) => q.key === key)!.prompt;
const asked = () => script.asked.map((a) => a.message);
const MENU = 'What next?';

beforeEach(() => script.reset());

describe('a consultation, Enter pressed at every prompt', () => {
  it('asks the preset, then every question in table order, prints a ranking, and Done exits 0', async () => {
    const result = await runIn([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const expected = [prompt('use_case'), ...knowledge.questions.filter((q) => q.kind !== 'preset').map((q) => q.prompt), MENU];
    expect(asked()).toEqual(expected);
    expect(result.stdout).toMatch(/^Recommended: Transformer \(/m);
    expect(result.stdout).toMatch(/^ +1 Transformer /m);
    expect(result.stdout).toMatch(/^Governance checklist: \d+ items/m);
    // The menu offers the next steps, so the summary does not list them too.
    expect(result.stdout).not.toContain('Next: add to the same command');
    // Our own lines (headings) and the prompts share the terminal: both groups are announced.
    expect(result.stdout.indexOf('Your use case')).toBeLessThan(result.stdout.indexOf('Governance (these decide'));
  });

  it('gives every prompt the program\'s own stdin and stdout', async () => {
    const { io } = await runIn([]);
    for (const a of script.asked) {
      expect(a.context?.input).toBe(io.stdin);
      expect(a.context?.output).toBe(io.stdout);
    }
  });

  it('lists each choice with its one-line help', async () => {
    await runIn([]);
    const modality = script.asked.find((a) => a.message === prompt('modality'))!;
    const names = (modality.config.choices as Array<{ name: string }>).map((c) => c.name);
    for (const choice of knowledge.questions.find((q) => q.key === 'modality')!.choices!) {
      expect(names.some((n) => n.startsWith(choice.label) && n.includes(choice.help.slice(0, 20)))).toBe(true);
    }
  });

  it('sends prompts to stderr when stdout is redirected, so the file gets only the result', async () => {
    const result = await runIn(['--format', 'json'], { stdoutTTY: false });
    expect(result.code).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain('Your use case');
    for (const a of script.asked) expect(a.context?.output).toBe(result.io.stderr);
    // No menu: the results did not go to a terminal.
    expect(asked()).not.toContain(MENU);
  });
});

describe('a preset picked in the consultation', () => {
  const json = async (args: string[], interactive: boolean) => {
    const result = await runIn([...args, '--format', 'json'], { stdoutTTY: false, stdinTTY: interactive });
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };

  /**
   * The document without the checklist's `assumed` lists: answering a question in the
   * consultation (Enter takes its default) is an answer, while --yes leaves it unanswered, so
   * only the run with --yes names the defaults that decided an item.
   */
  const withoutAssumed = (text: string) => {
    const doc = JSON.parse(text) as { checklistScope: { assumed?: unknown }; checklist: Array<{ assumed?: unknown }> };
    delete doc.checklistScope.assumed;
    for (const item of doc.checklist) delete item.assumed;
    return JSON.stringify(doc, null, 2);
  };

  it.each(Object.values(knowledge.use_cases).map((p) => [p.id, p.title]))(
    '%s gives the JSON of --use-case %s with defaults (the defaults it names apart)',
    async (id, title) => {
      script.reset({ [prompt('use_case')]: title });
      const picked = await json([], true);
      expect(withoutAssumed(picked)).toBe(withoutAssumed(await json(['--use-case', id, '--yes'], false)));
      expect((JSON.parse(picked) as { checklist: Array<{ assumed: unknown[] }> }).checklist.every((i) => i.assumed.length === 0)).toBe(true);
      expect(JSON.parse(picked).profile.use_case).toBe(id);
    },
  );

  it('skips the questions the preset answers and asks the rest', async () => {
    script.reset({ [prompt('use_case')]: 'marketing visuals' });
    await json([], true);
    const preset = knowledge.use_cases['marketing-visuals']!;
    for (const q of knowledge.questions.filter((q) => q.kind !== 'preset')) {
      expect(asked().includes(q.prompt), q.key).toBe(!(q.key in preset.answers));
    }
  });

  it('"Describe my own" leaves every question to the person', async () => {
    script.reset({ [prompt('use_case')]: 'no preset matches this' });
    const result = JSON.parse(await json([], true));
    expect(result.profile.use_case).toBeUndefined();
    expect(asked()).toContain(prompt('modality'));
  });
});

describe('flags and the consultation', () => {
  it('never asks what a flag answered, and offers only presets that agree with the flags', async () => {
    const result = await runIn(['--modality', 'image', '--sector', 'healthcare', '--format', 'json'], { stdoutTTY: false });
    expect(result.code).toBe(0);
    expect(asked()).not.toContain(prompt('modality'));
    expect(asked()).not.toContain(prompt('sector'));
    const search = script.asked.find((a) => a.kind === 'search')!;
    const offered = (search.config.source as (t?: string) => Array<{ value: string }>)(undefined).map((c) => c.value).filter(Boolean);
    expect(offered.length).toBeGreaterThan(0);
    for (const id of offered) expect(knowledge.use_cases[id]!.answers.modality).toBe('image');
    expect(JSON.parse(result.stdout).profile).toMatchObject({ modality: 'image', sector: 'healthcare' });
  });

  it('does not offer presets once modality and task are given', async () => {
    await runIn(['--modality', 'image', '--task', 'edit', '--format', 'json'], { stdoutTTY: false });
    expect(script.asked.some((a) => a.kind === 'search')).toBe(false);
    expect(asked()[0]).toBe(prompt('latency'));
  });

  it('with --use-case asks only what the preset leaves open', async () => {
    const result = await runIn(['--use-case', 'fraud-detection', '--format', 'json'], { stdoutTTY: false });
    expect(result.code).toBe(0);
    expect(script.asked.some((a) => a.kind === 'search')).toBe(false);
    expect(asked()).not.toContain(prompt('task'));
  });

  it('a flag overrides the preset picked in the consultation', async () => {
    script.reset({ [prompt('use_case')]: 'marketing visuals' });
    const result = await runIn(['--latency', 'batch', '--format', 'json'], { stdoutTTY: false });
    expect(JSON.parse(result.stdout).profile).toMatchObject({ use_case: 'marketing-visuals', latency: 'batch' });
  });
});

describe('never waits for input that cannot come', () => {
  it.each([
    ['stdin is not a terminal', [], { stdinTTY: false }],
    ['CI=true', [], { env: { CI: 'true' } }],
    ['CI=1', [], { env: { CI: '1' } }],
    ['CI=TRUE', [], { env: { CI: 'TRUE' } }],
    ['--no-input', ['--no-input'], {}],
  ] as const)('%s: no prompt, exit 2 naming the flags', async (_, args, options) => {
    const result = await runIn([...args], options);
    expect(script.asked).toEqual([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--modality');
    expect(result.stderr).toContain('--task');
  });

  it('--yes fills defaults without asking', async () => {
    const result = await runIn(['--modality', 'text', '--task', 'generate', '--yes', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(script.asked).toEqual([]);
  });

  it('CI=false still consults', async () => {
    await runIn(['--format', 'json'], { env: { CI: 'false' }, stdoutTTY: false });
    expect(script.asked.length).toBeGreaterThan(0);
  });
});

describe('priorities', () => {
  it('picked criteria become high; fine-tuning sets each level', async () => {
    script.reset({
      [prompt('use_case')]: 'my own',
      [prompt('priorities')]: ['quality', 'control'],
      'Fine-tune': true,
      'How much does control over outputs matter?': 'critical',
    });
    const result = await runIn(['--format', 'json'], { stdoutTTY: false });
    expect(JSON.parse(result.stdout).profile.priorities).toEqual({ quality: 'high', control: 'critical' });
    expect(asked()).toContain('How much does output quality matter?');
  });

  it('no pick means no fine-tune question and no priorities', async () => {
    const result = await runIn(['--format', 'json'], { stdoutTTY: false });
    expect(asked().some((m) => m.includes('Fine-tune'))).toBe(false);
    expect(JSON.parse(result.stdout).profile.priorities).toEqual({});
  });
});

describe('hard requirements', () => {
  it('are asked after the priorities, listing every criterion, none ticked; a tick becomes require in the answers', async () => {
    script.reset({ [prompt('use_case')]: 'my own', [prompt('modality')]: 'audio', [prompt('task')]: 'generate', [prompt('require')]: ['speed'] });
    const result = await runIn(['--format', 'json'], { stdoutTTY: false });
    expect(result.code).toBe(0);
    const order = asked();
    expect(order.indexOf(prompt('require'))).toBe(order.indexOf(prompt('priorities')) + 1);
    const choices = script.asked.find((a) => a.message === prompt('require'))!.config.choices as Array<{ value: string; checked?: boolean }>;
    expect(choices.map((c) => c.value)).toEqual(Object.keys(knowledge.criteria));
    expect(choices.some((c) => c.checked)).toBe(false);
    const doc = JSON.parse(result.stdout);
    expect(doc.profile.require).toEqual(['speed']);
    expect(doc.requirements).toContainEqual(expect.objectContaining({ criterion: 'speed', hard: true }));
  });

  it('Enter ticks none: no hard requirement', async () => {
    const result = await runIn(['--format', 'json'], { stdoutTTY: false });
    expect(JSON.parse(result.stdout).profile.require).toEqual([]);
  });
});

describe('colour', () => {
  const themeOf = (kind: string) => script.asked.find((a) => a.kind === kind)!.config.theme as { style?: { highlight?: (s: string) => string } } | undefined;

  it.each([
    ['NO_COLOR', [], { NO_COLOR: '1' }],
    ['--no-color', ['--no-color'], { NO_COLOR: '' }],
    ['TERM=dumb', [], { NO_COLOR: '', TERM: 'dumb' }],
  ] as const)('%s gives the prompts a plain theme', async (_, args, env) => {
    await runIn([...args], { env });
    for (const kind of ['search', 'select', 'confirm', 'checkbox']) expect(themeOf(kind)?.style?.highlight?.('x')).toBe('x');
  });

  it('in a colour terminal the prompts keep inquirer\'s own colours', async () => {
    await runIn([], { env: { NO_COLOR: '' } });
    expect(themeOf('select')).toBeUndefined();
  });
});

describe('the summary and the menu share one 80×40 screen', () => {
  const menuLines = () => {
    const menu = script.asked.find((a) => a.message === MENU)!;
    // The question, one line per choice, the key help.
    return 1 + (menu.config.choices as unknown[]).length + 1;
  };

  it.each(Object.values(knowledge.use_cases).map((p) => [p.id, p.title]))('%s', async (_id, title) => {
    script.reset({ [prompt('use_case')]: title });
    const result = await runIn([]);
    expect(result.code).toBe(0);
    const start = result.stdout.search(/^(Recommended:|Nothing fits)/m);
    expect(start).toBeGreaterThan(-1);
    const summary = result.stdout.slice(start).trimEnd().split('\n');
    expect(summary.length + menuLines(), summary.join('\n')).toBeLessThanOrEqual(40);
  });
});

describe('the follow-up menu', () => {
  const answersScript = {
    [prompt('use_case')]: 'my own',
    [prompt('modality')]: 'image',
    [prompt('task')]: 'edit',
    [prompt('priorities')]: ['quality', 'control'],
    'Fine-tune': true,
    'How much does control over outputs matter?': 'critical',
    [prompt('sensitive_data')]: true,
  };

  it('why not, checklist, report and answers, then Done; the answers replay to identical JSON', async () => {
    const cwd = tempDir();
    script.reset({
      ...answersScript,
      [MENU]: new Queue(['why-not', 'checklist', 'save-report', 'save-answers', 'done']),
      'Why not which family?': 'gan',
      'Save the report as': 'report.md',
      'Save the answers as': 'answers.yaml',
    });
    const result = await runIn([], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(asked().filter((m) => m === MENU)).toHaveLength(5);
    expect(result.stdout).toContain('Why not GAN?');
    expect(result.stdout).toContain('Wrote report.md');
    expect(result.stdout).toContain('Wrote answers.yaml');

    const rec = recommend(knowledge, parse(readFileSync(join(cwd, 'answers.yaml'), 'utf8')) as Profile, { today: TODAY });
    expect(rec.profile).toMatchObject({ modality: 'image', task: 'edit', sensitive_data: true });
    // The checklist action lists each item's actions, which the results table leaves out.
    const firstAction = rec.checklist[0]!.actions[0]!;
    expect(result.stdout.split('Why not GAN?')[1]).toContain(firstAction.split(' ').slice(0, 4).join(' '));
    // The saved report is the file --format markdown gives for the same answers.
    const markdown = await runIn(['--answers', 'answers.yaml', '--format', 'markdown'], { cwd, stdinTTY: false });
    expect(readFileSync(join(cwd, 'report.md'), 'utf8')).toBe(markdown.stdout);
    expect(readdirSync(cwd).sort()).toEqual(['answers.yaml', 'report.md']);

    // The same consultation with JSON output, and the saved answers replayed without a terminal.
    script.reset(answersScript);
    const consulted = await runIn(['--format', 'json'], { cwd, stdoutTTY: false });
    const replayed = await runIn(['--answers', 'answers.yaml', '--format', 'json', '--no-input'], { cwd, stdinTTY: false });
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(replayed.stdout).toBe(consulted.stdout);
    expect(JSON.parse(replayed.stdout).profile.priorities).toEqual({ quality: 'high', control: 'critical' });
  });

  it('offers every family but the winner for "why not"', async () => {
    script.reset({ [MENU]: new Queue(['why-not', 'done']), 'Why not which family?': (config: { choices: Array<{ value: string }> }) => config.choices.at(-1)!.value });
    const result = await runIn([]);
    const choices = script.asked.find((a) => a.message === 'Why not which family?')!.config.choices as Array<{ value: string }>;
    expect(choices).toHaveLength(6);
    expect(choices.map((c) => c.value)).not.toContain('transformer');
    expect(result.code).toBe(0);
  });

  it('keeps an existing file unless told to replace it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'report.md'), 'mine\n');
    script.reset({ [MENU]: new Queue(['save-report', 'save-report', 'done']), 'Save the report as': 'report.md', 'exists. Replace it?': new Queue([false, true]) });
    const result = await runIn([], { cwd });
    expect(result.code).toBe(0);
    expect(asked().filter((m) => m.includes('Replace it?'))).toHaveLength(2);
    const same = await runIn(['--modality', 'text', '--task', 'generate', '--yes', '--format', 'markdown'], { stdinTTY: false });
    // The consultation answered every question; --yes left them unanswered and says what it assumed.
    const withoutAssumed = (text: string) => text.replace(/Assumed: [^\n]*?\(defaults: not answered\)\. /g, '').replace(/\n\nNot answered, so assumed: [^\n]*\n/g, '\n');
    expect(readFileSync(join(cwd, 'report.md'), 'utf8')).toBe(withoutAssumed(same.stdout));
    expect(result.stdout.match(/Wrote report\.md/g)).toHaveLength(1);
  });

  it('reports a path that cannot be written and goes on', async () => {
    const cwd = tempDir();
    script.reset({ [MENU]: new Queue(['save-answers', 'done']), 'Save the answers as': 'no/such/folder/answers.yaml' });
    const result = await runIn([], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.replace(/\n\s*/g, ' ')).toMatch(/error: cannot write no\/such\/folder\/answers\.yaml: the folder .* does not exist/);
    expect(asked().filter((m) => m === MENU)).toHaveLength(2);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('is not shown when the results go to a file', async () => {
    const cwd = tempDir();
    const result = await runIn(['--output', 'out.txt'], { cwd });
    expect(result.code).toBe(0);
    expect(asked()).not.toContain(MENU);
    expect(readdirSync(cwd)).toEqual(['out.txt']);
  });
});

describe('Ctrl+C', () => {
  it('at the first question: "Cancelled", exit 130, nothing written', async () => {
    const cwd = tempDir();
    script.reset({ [prompt('use_case')]: ctrlC });
    const result = await runIn(['--save-answers', 'a.yaml', '--output', 'out.txt'], { cwd });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('Cancelled\n');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.each([prompt('priorities'), prompt('human_review'), 'Fine-tune'])('at "%s": exit 130', async (at) => {
    script.reset({ [prompt('priorities')]: ['speed'], [at]: ctrlC });
    const result = await runIn([]);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('Cancelled\n');
  });

  it('while naming a file in the follow-up menu: exit 130 and no file', async () => {
    const cwd = tempDir();
    script.reset({ [MENU]: 'save-report', 'Save the report as': ctrlC });
    const result = await runIn([], { cwd });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('Cancelled\n');
    expect(readdirSync(cwd)).toEqual([]);
  });
});
