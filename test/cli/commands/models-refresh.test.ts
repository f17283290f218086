import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../../catalogue/helpers.js';
import { tempDir } from '../../helpers/temp.js';

const fixture = (name: string) => resolve('test/fixtures', name);

describe('models refresh', () => {
  it('writes an overlay from LiteLLM\'s list and prints the diff; a second run reports no changes', async () => {
    const dir = tempDir();
    const first = await cli(['models', 'refresh', '--from', fixture('litellm.json'), '--output', 'overlay.yaml'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')).toEqual([
      '+ gpt-5-mini: new model',
      '+ mistral-large-3: new model',
      '~ claude-sonnet-4-5: status active → deprecated',
      '~ claude-sonnet-4-5: shutdown 2027-03-01',
      '',
    ]);
    expect(first.stderr).toContain('in the overlay overlay.yaml');
    const overlay = parse(readFileSync(join(dir, 'overlay.yaml'), 'utf8'));
    expect(overlay.as_of).toBe('2026-12-04');
    expect(overlay.models.find((m: { id: string }) => m.id === 'claude-sonnet-4-5')).toEqual({ id: 'claude-sonnet-4-5', status: 'deprecated', shutdown: '2027-03-01', verified: '2026-12-04' });
    // A reseller's date (Azure's for GPT-4.1) and an embedding model change nothing.
    expect(overlay.models.map((m: { id: string }) => m.id)).not.toContain('gpt-4-1');
    expect(overlay.models.map((m: { id: string }) => m.id)).not.toContain('text-embedding-3-large');

    const written = readFileSync(join(dir, 'overlay.yaml'), 'utf8');
    const second = await cli(['models', 'refresh', '--from', fixture('litellm.json'), '--output', 'overlay.yaml'], dir);
    expect(second).toMatchObject({ code: 0, stdout: 'no changes\n' });
    expect(readFileSync(join(dir, 'overlay.yaml'), 'utf8')).toBe(written);

    // The overlay is used with --knowledge, like any other.
    const listed = JSON.parse((await cli(['models', '--knowledge', 'overlay.yaml', '--status', 'deprecated', '--format', 'json'], dir)).stdout);
    expect(listed.models.find((m: { id: string }) => m.id === 'claude-sonnet-4-5')).toMatchObject({ status: 'deprecated', shutdown: '2027-03-01', daysLeft: 87 });
  });

  it('reads OpenRouter\'s models list (expiration_date)', async () => {
    const dir = tempDir();
    const { code, stdout } = await cli(['models', 'refresh', '--from', fixture('openrouter.json')], dir);
    expect(code).toBe(0);
    expect(stdout).toBe('+ qwen3-max: new model\n~ claude-haiku-4-5: status active → deprecated\n~ claude-haiku-4-5: shutdown 2027-02-15\n');
    expect(existsSync(join(dir, 'catalogue-overlay.yaml'))).toBe(true);
  });

  it('never edits the built-in catalogue', async () => {
    const dir = tempDir();
    await cli(['models', 'refresh', '--from', fixture('litellm.json')], dir);
    const { stdout } = await cli(['models', '--format', 'json'], dir);
    expect(JSON.parse(stdout).models.find((m: { id: string }) => m.id === 'claude-sonnet-4-5').status).toBe('active');
  });

  describe('from a URL', () => {
    let url = '';
    const server = createServer((request, response) => {
      if (request.url === '/models.json') response.end(readFileSync(fixture('litellm.json')));
      else response.writeHead(404).end();
    });
    beforeAll(() => new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done())));
    beforeAll(() => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    it('fetches the list and cites it as the source', async () => {
      const dir = tempDir();
      const { code, stdout } = await cli(['models', 'refresh', '--from', `${url}/models.json`], dir);
      expect(code).toBe(0);
      expect(stdout).toContain('~ claude-sonnet-4-5: shutdown 2027-03-01');
      const overlay = parse(readFileSync(join(dir, 'catalogue-overlay.yaml'), 'utf8'));
      expect(overlay.models.find((m: { id: string }) => m.id === 'claude-sonnet-4-5').sources).toContain(`${url}/models.json`);
    });

    it('says what failed in one line, exit 2, and writes nothing', async () => {
      const dir = tempDir();
      const missing = await cli(['models', 'refresh', '--from', `${url}/nope.json`], dir);
      expect(missing).toMatchObject({ code: 2, stdout: '' });
      expect(missing.stderr).toMatch(/^error: cannot download the model list http:\/\/127\.0\.0\.1:\d+\/nope\.json: HTTP 404\n/);
      // A port nothing listens on: what an unreachable host looks like, without the network.
      const closed = createServer();
      await new Promise<void>((done) => closed.listen(0, '127.0.0.1', () => done()));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((done) => closed.close(() => done()));
      const offline = await cli(['models', 'refresh', '--from', `http://127.0.0.1:${port}/models.json`], dir);
      expect(offline).toMatchObject({ code: 2, stdout: '' });
      expect(offline.stderr).toBe(`error: cannot download the model list http://127.0.0.1:${port}/models.json: ECONNREFUSED (offline?)\ncheck the network, or download the file yourself and pass its path to --from\n`);
      expect(existsSync(join(dir, 'catalogue-overlay.yaml'))).toBe(false);
    });
  });

  it('refuses a file that is not a model list', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'list.json'), '{"hello": "world"}');
    const { code, stderr } = await cli(['models', 'refresh', '--from', 'list.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain("model list list.json is neither LiteLLM's model list nor OpenRouter's models list");
    expect((await cli(['models', 'refresh'], dir)).stderr).toContain("required option '--from <file-or-url>' not specified");
  });
});

describe('an old catalogue snapshot', () => {
  const line = /^note: the model catalogue was checked on 2026-12-04, 91 days ago; models may have been deprecated or released since: refresh it with `genai-advisor models refresh --from <list>` \(docs\/catalogue\.md\)$/m;

  it('is said once, on stderr, by the commands that name models, from 91 days on', async () => {
    const dir = tempDir();
    for (const argv of [['models'], ['--use-case', 'marketing-visuals', '--no-input'], ['init', '--use-case', 'document-summarization', '--model', 'mistral-7b', '--hosting', 'self-hosted', '--no-input']]) {
      const fresh = await cli(argv, dir, { GENAI_ADVISOR_AS_OF: '2027-03-04' });
      expect(fresh.stderr, argv.join(' ')).not.toContain('note: the model catalogue');
      const old = await cli([...argv, '--as-of', '2027-03-05'], tempDir());
      expect(old.stderr, argv.join(' ')).toMatch(line);
      expect(old.stderr.match(/note: the model catalogue/g), argv.join(' ')).toHaveLength(1);
    }
    writeFileSync(join(dir, 'stack.yaml'), 'version: 1\nuse_cases:\n  - id: chat\n    profile: { use_case: customer-support-chatbot }\n    choice: { family: transformer, model: mistral-7b }\n');
    const checked = await cli(['check', 'stack.yaml', '--as-of', '2027-03-05', '--format', 'json'], dir);
    expect(checked.stderr).toMatch(line);
    expect(JSON.parse(checked.stdout).findings.filter((f: { rule: string }) => f.rule === 'catalogue/stale')).toHaveLength(1);
  });

  it('a refreshed overlay dates the catalogue anew', async () => {
    const dir = tempDir();
    await cli(['models', 'refresh', '--from', fixture('litellm.json'), '--as-of', '2027-03-05'], dir);
    const { stderr } = await cli(['models', '--knowledge', 'catalogue-overlay.yaml', '--as-of', '2027-03-05'], dir);
    expect(stderr).toBe('');
  });

  it('init warns of a model that is shut down or shutting down', async () => {
    const dir = tempDir();
    const { stderr } = await cli(['init', '--use-case', 'customer-support-chatbot', '--model', 'gpt-5', '--no-input'], dir);
    expect(stderr).toContain('warning: GPT-5 (gpt-5) is deprecated: shuts down 2026-12-11 (as of 2026-12-04)');
  });
});
