// The MCP server as a client starts it: the SDK's own client spawns the built binary over stdio.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { SPAWN_TIMEOUT, spawnBounded, spawnCli, userEnv } from '../helpers/spawn.js';
import { tempDir } from '../helpers/temp.js';
import { TODAY } from '../helpers/today.js';

const env = userEnv({ GENAI_ADVISOR_AS_OF: TODAY });

/** The same answers for the CLI, as a file: every question answered, so nothing is assumed on either side. */
function answersFile(answers: Record<string, unknown>): string {
  const file = join(tempDir('genai-advisor-mcp-e2e-'), 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  return file;
}

describe.concurrent('genai-advisor mcp (the built binary)', () => {
  it("lists the tools and answers recommend and check_stack exactly as the CLI's JSON", { timeout: SPAWN_TIMEOUT }, async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: ROOT, env: env as Record<string, string>, stderr: 'pipe' });
    const client = new Client({ name: 'e2e', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['recommend', 'compare', 'explain', 'checklist', 'list_use_cases', 'list_models', 'check_stack']);
      // Every question answered (the rest at its default), so nothing is assumed.
      const given: Record<string, unknown> = { use_case: 'customer-support-chatbot', sensitive_data: true, sector: 'finance', latency: 'realtime' };
      const profile = Object.fromEntries(builtinKnowledge.questions.map((q) => [q.key, given[q.key] ?? builtinKnowledge.use_cases['customer-support-chatbot']!.answers[q.key as 'modality'] ?? (q.kind === 'priorities' ? {} : q.default)]));
      const [recommended, checked, cliRecommend, cliCheck] = await Promise.all([
        client.callTool({ name: 'recommend', arguments: profile }),
        client.callTool({ name: 'check_stack', arguments: { path: 'examples/genai-stack.failing.yaml' } }),
        spawnCli(['recommend', '--answers', answersFile(profile), '--format', 'json'], { env }),
        spawnCli(['check', 'examples/genai-stack.failing.yaml', '--format', 'json'], { env }),
      ]);
      expect(recommended.structuredContent).toEqual(JSON.parse(cliRecommend.stdout));
      expect(cliCheck.code).toBe(1);
      expect(checked.isError).toBeFalsy();
      expect(checked.structuredContent).toEqual(JSON.parse(cliCheck.stdout));
    } finally {
      await client.close();
    }
  });

  it('answers malformed JSON-RPC with protocol errors, writes nothing but protocol to stdout, and ends when stdin closes', { timeout: SPAWN_TIMEOUT }, async () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    const input = ['{not json', JSON.stringify({ jsonrpc: '2.0', id: 7, method: 42 }), JSON.stringify(initialize), ''].join('\n');
    const run = await spawnBounded(process.execPath, [BIN, 'mcp'], { cwd: ROOT, env, input });
    expect(run.code).toBe(0);
    const replies = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; error?: { code: number }; result?: unknown });
    expect(replies.filter((r) => r.error).map((r) => [r.id, r.error!.code])).toEqual([
      [null, -32700],
      [null, -32600],
    ]);
    expect(replies.find((r) => r.id === 1)?.result).toMatchObject({ serverInfo: { name: 'genai-advisor' } });
    expect(run.stderr).toContain('MCP server on stdio');
  });

  it('ends on SIGTERM', { timeout: SPAWN_TIMEOUT }, async () => {
    const child = spawn(process.execPath, [BIN, 'mcp'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('MCP server on stdio') && resolve()));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(child.stdin.writableEnded).toBe(false);
  });
});
