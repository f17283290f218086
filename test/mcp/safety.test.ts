import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect, textOf } from '../helpers/mcp.js';
import { ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';
import { TODAY } from '../helpers/today.js';
import { MAX_YAML_BYTES } from '../../src/knowledge/limits.js';

const STACK = readFileSync(join(ROOT, 'examples/genai-stack.yaml'), 'utf8');

/** A root holding a stack file, a link to a stack file outside it, and that outside file. */
function layout() {
  const base = tempDir('mcp-roots-');
  const root = join(base, 'repo');
  mkdirSync(join(root, 'services'), { recursive: true });
  writeFileSync(join(root, 'services/genai-stack.yaml'), STACK);
  writeFileSync(join(base, 'outside.yaml'), STACK);
  symlinkSync(join(base, 'outside.yaml'), join(root, 'link.yaml'));
  symlinkSync(base, join(root, 'up'));
  return { base, root };
}

describe('check_stack', () => {
  it('returns exactly `check --format json` for a file, and the same findings for its text', async () => {
    const { call, close } = await connect();
    const byPath = await call('check_stack', { path: 'examples/genai-stack.yaml' });
    const cli = await runInProcess(['check', 'examples/genai-stack.yaml', '--format', 'json'], { env: { GENAI_ADVISOR_AS_OF: TODAY } });
    expect(byPath.structuredContent).toEqual(JSON.parse(cli.stdout));
    expect(textOf(byPath)).toMatch(/^✓ 2 use cases checked: 2 passed/);
    const byText = await call('check_stack', { text: STACK, name: 'examples/genai-stack.yaml' });
    expect(byText.structuredContent).toEqual(byPath.structuredContent);
    const failing = await call('check_stack', { path: 'examples/genai-stack.failing.yaml', strict: true, as_of: '2027-01-01' });
    expect(failing.isError).toBeFalsy();
    expect(failing.structuredContent).toMatchObject({ ok: false, strict: true, today: '2027-01-01' });
    await close();
  });

  it("reads inside the client's roots, relative to the first, and refuses every path that leaves them", async () => {
    const { base, root } = layout();
    const before = readdirSync(base, { recursive: true }).sort();
    const { call, close } = await connect({ roots: [root] });
    const inside = await call('check_stack', { path: 'services/genai-stack.yaml' });
    expect(inside.isError, textOf(inside)).toBeFalsy();
    const absolute = (await call('check_stack', { path: join(root, 'services/genai-stack.yaml') })).structuredContent as { file: string; summary: object };
    expect(absolute.summary).toEqual((inside.structuredContent as { summary: object }).summary);
    for (const path of ['../outside.yaml', join(base, 'outside.yaml'), 'link.yaml', 'up/outside.yaml', 'services/../../outside.yaml', join(ROOT, 'examples/genai-stack.yaml'), '/etc/passwd']) {
      const refused = await call('check_stack', { path });
      expect(refused.isError, path).toBe(true);
      expect(textOf(refused), path).toMatch(/^stack file .+ is outside the client's roots \(.+\): the server reads files only inside them\n/);
    }
    // The server writes nothing.
    expect(readdirSync(base, { recursive: true }).sort()).toEqual(before);
    await close();
  });

  it('without roots from the client, reads only inside the working directory', async () => {
    const { base, root } = layout();
    const { call, close } = await connect({ cwd: root });
    expect((await call('check_stack', { path: 'services/genai-stack.yaml' })).isError).toBeFalsy();
    expect(textOf(await call('check_stack', { path: join(base, 'outside.yaml') }))).toContain('outside the client\'s roots');
    await close();
  });

  it('holds files and text to the CLI\'s size limit', async () => {
    const { root } = layout();
    writeFileSync(join(root, 'huge.yaml'), Buffer.alloc(MAX_YAML_BYTES + 1, 0x20));
    const { call, close } = await connect({ roots: [root] });
    expect(textOf(await call('check_stack', { path: 'huge.yaml' }))).toMatch(/^stack file huge\.yaml is 16\.1 MiB, over the 16 MiB size limit/);
    expect(textOf(await call('check_stack', { path: 'services' }))).toMatch(/^stack file services is a directory, not a file/);
    expect(textOf(await call('check_stack', { text: ' \n' }))).toMatch(/^the stack file text is empty/);
    await close();
  });
});

describe('the server under bad calls', () => {
  it('survives 1,000 bad calls in a row with flat memory, and still answers', async () => {
    const { call, close } = await connect();
    const bad = [
      () => call('recommend', { modality: 'imag' }),
      () => call('explain', { family: 'nope' }),
      () => call('check_stack', { path: '../../etc/passwd' }),
      () => call('list_models', { license: 'x' }),
    ];
    for (let i = 0; i < 100; i++) await bad[i % bad.length]!();
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) expect((await bad[i % bad.length]!()).isError).toBe(true);
    globalThis.gc?.();
    const growth = process.memoryUsage().heapUsed - before;
    // Generous: garbage not yet collected counts too; a leak of even 20 KB a call would pass 20 MB.
    expect(growth).toBeLessThan(20 * 1024 * 1024);
    expect((await call('explain', { family: 'gan' })).isError).toBeFalsy();
    await close();
  });
});
