import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/cli/knowledge.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { ROOT } from '../helpers/cli.js';
import { connect, textOf } from '../helpers/mcp.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { TODAY } from '../helpers/today.js';

/** What the CLI prints for these arguments with --format json, parsed. */
async function cliJson(args: string[]): Promise<Record<string, unknown>> {
  const run = await runInProcess([...args, '--format', 'json'], { env: { GENAI_ADVISOR_AS_OF: TODAY } });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** An answers file holding `fullProfile(given)`, so the CLI is given every answer the tool was given. */
function answersFile(given: Record<string, unknown>): string {
  const file = join(tempDir('genai-advisor-mcp-answers-'), 'answers.json');
  writeFileSync(file, JSON.stringify(fullProfile(given)));
  return file;
}

/** Every question of the table answered: what was given, the rest at its default. */
function fullProfile(given: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of builtinKnowledge.questions) {
    if (q.kind === 'preset') continue;
    answers[q.key] = given[q.key] ?? (q.kind === 'priorities' ? {} : q.default);
  }
  return answers;
}

describe('MCP tools', () => {
  it('lists every tool, read-only, with input and output schemas; recommend takes the question table', async () => {
    const { client, close } = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['recommend', 'compare', 'explain', 'checklist', 'list_use_cases', 'list_models', 'check_stack']);
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint).toBe(true);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
    const recommend = tools.find((t) => t.name === 'recommend')!;
    expect(Object.keys(recommend.inputSchema.properties!)).toEqual([...builtinKnowledge.questions.map((q) => q.key), 'as_of']);
    const modality = builtinKnowledge.questions.find((q) => q.key === 'modality')!;
    expect(recommend.inputSchema.properties!.modality).toMatchObject({ enum: modality.choices!.map((c) => c.value), description: modality.help });
    await close();
  });

  it('recommend with every answer given returns exactly `recommend --format json`, and its summary', async () => {
    const { call, close } = await connect();
    const result = await call('recommend', { ...fullProfile({ modality: 'image', task: 'generate', priorities: { quality: 'high' } }) });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(await cliJson(['recommend', '--answers', answersFile({ modality: 'image', task: 'generate', priorities: { quality: 'high' } })]));
    expect(textOf(result)).toMatch(/^Recommended: Diffusion/);
    expect(textOf(result)).not.toContain('Assumed');
    await close();
  });

  it('recommend without elicitation applies the defaults and says which, with the questions and their allowed values', async () => {
    const { call, close } = await connect();
    const result = await call('recommend', { use_case: 'marketing-visuals' });
    const { assumed, ...document } = result.structuredContent as { assumed: { defaults: Record<string, unknown>; questions: Array<{ key: string; allowed: unknown[]; default: unknown }> } };
    expect(document).toEqual(await cliJson(['recommend', '--use-case', 'marketing-visuals', '--yes']));
    expect(assumed.defaults).toMatchObject({ sector: 'general', sensitive_data: false });
    const sector = assumed.questions.find((q) => q.key === 'sector')!;
    expect(sector.allowed).toEqual(builtinKnowledge.questions.find((q) => q.key === 'sector')!.choices!.map((c) => c.value));
    expect(assumed.questions.find((q) => q.key === 'sensitive_data')!.allowed).toEqual([true, false]);
    expect(textOf(result)).toContain('Assumed (not given, defaults applied): ');
    await close();
  });

  it('recommend without modality and task, and no way to ask, is a tool error naming them and their values', async () => {
    const { call, close } = await connect();
    const result = await call('recommend', { sector: 'finance' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^missing modality and task: give modality \(text, code, image/);
    await close();
  });

  it('recommend asks the open questions through elicitation, from the question table, and uses the answers', async () => {
    const asked: Array<Record<string, unknown>> = [];
    const { call, close } = await connect({
      elicit: (params) => {
        asked.push(params as Record<string, unknown>);
        return { action: 'accept', content: fullProfile({ modality: 'text', task: 'conversation', priorities: 'quality=high' }) as Record<string, string> };
      },
    });
    const result = await call('recommend', {});
    const form = asked[0]!.requestedSchema as { properties: Record<string, { title: string; oneOf?: Array<{ const: string }> }>; required: string[] };
    const open = builtinKnowledge.questions.filter((q) => q.kind !== 'preset');
    expect(Object.keys(form.properties)).toEqual(open.map((q) => q.key));
    expect(form.required).toEqual(['modality', 'task']);
    expect(form.properties.task!.title).toBe(open.find((q) => q.key === 'task')!.prompt);
    expect(form.properties.modality!.oneOf!.map((o) => o.const)).toContain('image');
    expect(result.structuredContent).toEqual(await cliJson(['recommend', '--answers', answersFile({ modality: 'text', task: 'conversation', priorities: { quality: 'high' } })]));
    await close();
  });

  it('recommend falls back to the defaults when the user declines, and fails when modality and task stay open', async () => {
    const { call, close } = await connect({ elicit: () => ({ action: 'decline' }) });
    const partial = await call('recommend', { modality: 'image', task: 'generate' });
    expect(Object.keys((partial.structuredContent as { assumed: { defaults: object } }).assumed.defaults)).toContain('latency');
    const none = await call('recommend', {});
    expect(none.isError).toBe(true);
    expect(textOf(none)).toMatch(/^missing modality and task/);
    await close();
  });

  it('an elicitation answer of the wrong shape is a tool error', async () => {
    const { call, close } = await connect({ elicit: () => ({ action: 'accept', content: { modality: 'imag', task: 'generate' } }) });
    const result = await call('recommend', {});
    expect(result.isError).toBe(true);
    await close();
  });

  it('a priorities answer typed in the form is read as the --priority flag is', async () => {
    const { call, close } = await connect({ elicit: () => ({ action: 'accept', content: { modality: 'image', task: 'generate', priorities: 'quality=hihg' } }) });
    const result = await call('recommend', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('unknown level "hihg". Did you mean "high"?');
    await close();
  });

  it('compare, explain, checklist, list_use_cases and list_models return what their commands print as JSON (the client checks each against its output schema)', async () => {
    const { call, close } = await connect();
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['compare', { families: ['diffusion', 'GANs'] }, ['compare', 'diffusion', 'GANs']],
      ['compare', { sources: true }, ['compare', '--sources']],
      ['explain', { family: 'vae' }, ['explain', 'vae']],
      ['checklist', fullProfile({ modality: 'text', task: 'conversation', sector: 'finance', customer_facing: true }), ['checklist', '--answers', answersFile({ modality: 'text', task: 'conversation', sector: 'finance', customer_facing: true })]],
      ['list_use_cases', {}, ['use-cases']],
      ['list_models', { family: 'diffusion', modality: 'image', open_weights: true }, ['models', '--family', 'diffusion', '--modality', 'image', '--open-weights']],
      ['list_models', { license: 'permissive', hosting: 'self-hosted' }, ['models', '--license', 'permissive', '--hosting', 'self-hosted']],
    ];
    for (const [tool, args, cli] of cases) {
      const result = await call(tool, args);
      expect(result.isError, `${tool} ${textOf(result)}`).toBeFalsy();
      expect(result.structuredContent, tool).toEqual(await cliJson(cli));
      expect(textOf(result).length, tool).toBeGreaterThan(0);
    }
    await close();
  });

  it('a bad argument is a tool error with the CLI\'s message, and the server goes on serving', async () => {
    const { call, close } = await connect();
    const bad: Array<[string, Record<string, unknown>, RegExp]> = [
      ['recommend', { modality: 'imag', task: 'generate' }, /^modality is "imag", which is not allowed\. Did you mean "image"\? Allowed: text, code/],
      ['recommend', { modality: 'image', task: 'generate', colour: 'red' }, /^unknown key "colour" in the arguments\./],
      ['recommend', { modality: 'image', task: 'generate', customer_facing: 'yes' }, /^customer_facing must be true or false, not "yes"/],
      ['recommend', { use_case: 'marketing-visual' }, /^use_case is "marketing-visual", which is not allowed\. Did you mean "marketing-visuals"\?/],
      ['recommend', { modality: 'image', task: 'generate', as_of: '2026-02-30' }, /^as_of "2026-02-30" is not a calendar date/],
      ['recommend', { modality: 'image', task: 'generate', priorities: { qualty: 'high' } }, /"qualty"/],
      ['explain', { family: 'difusion' }, /^unknown family "difusion"\. Did you mean "diffusion"\?/],
      ['explain', {}, /^the arguments is missing the required key "family"/],
      ['compare', { families: 'gan' }, /^families must be a list/],
      ['list_models', { license: 'apache' }, /^no model in the catalogue has the licence "apache"/],
      ['list_models', { hosting: 'cloud' }, /^hosting is "cloud", which is not allowed/],
      ['check_stack', {}, /^check_stack takes either path or text/],
      ['check_stack', { path: 'genai-stack.yaml', text: 'version: 1' }, /^check_stack takes either path or text/],
      ['check_stack', { path: 'no-such-stack.yaml' }, /^stack file no-such-stack\.yaml does not exist/],
      ['check_stack', { text: 'version: 2\nuse_cases: []\n' }, /genai-stack\.yaml:1:10: /],
    ];
    for (const [tool, args, message] of bad) {
      const result = await call(tool, args);
      expect(result.isError, `${tool} ${JSON.stringify(args)}`).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      expect(textOf(result)).toMatch(message);
    }
    expect((await call('list_use_cases')).isError).toBeFalsy();
    await close();
  });

  it('runs with the knowledge overlays `mcp --knowledge` merged, as the CLI does', async () => {
    const overlay = 'test/fixtures/near-tie.yaml';
    const knowledge = await loadKnowledge([overlay], ROOT);
    const { call, close } = await connect({ knowledge, overlays: [overlay] });
    const profile = fullProfile({ modality: 'image', task: 'generate', latency: 'batch', priorities: { quality: 'critical', diversity: 'critical', maturity: 'critical', 'modality-fit': 'high', cost: 'high' } });
    const result = await call('recommend', profile);
    expect(result.structuredContent).toEqual(
      await cliJson(['recommend', '--knowledge', overlay, '--answers', answersFile(profile)]),
    );
    expect((result.structuredContent as { knowledge: { overlays: string[] } }).knowledge.overlays).toEqual([overlay]);
    await close();
  });

  it('an unknown tool is a protocol error', async () => {
    const { client, close } = await connect();
    await expect(client.callTool({ name: 'recomend', arguments: {} })).rejects.toThrow(/unknown tool "recomend"/);
    await close();
  });
});
