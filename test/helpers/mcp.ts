/**
 * An MCP client connected in-process to the advisor's server through the SDK's in-memory
 * transport: no process, so every tool and error path is cheap to test.
 */
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, ListRootsRequestSchema, type CallToolResult, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import { createAdvisorServer } from '../../src/mcp/server.js';
import { ROOT } from './cli.js';
import { TODAY } from './today.js';

export interface ConnectOptions {
  /** Folders the client offers as roots; without it, the client has no roots capability. */
  roots?: string[];
  /** The client's answer to an elicitation; without it, the client cannot elicit. */
  elicit?: (params: ElicitRequest['params']) => ElicitResult | Promise<ElicitResult>;
  cwd?: string;
  /** The knowledge the server runs with (built-in by default), and the overlays it was made with. */
  knowledge?: Knowledge;
  overlays?: string[];
}

export async function connect(options: ConnectOptions = {}) {
  const logs: string[] = [];
  const server = createAdvisorServer({
    knowledge: options.knowledge ?? builtinKnowledge,
    overlays: options.overlays ?? [],
    cwd: options.cwd ?? ROOT,
    env: { GENAI_ADVISOR_AS_OF: TODAY },
    log: (line) => logs.push(line),
  });
  const capabilities = { ...(options.roots ? { roots: {} } : {}), ...(options.elicit ? { elicitation: { form: {} } } : {}) };
  const client = new Client({ name: 'test-client', version: '1.0.0' }, { capabilities });
  const { roots, elicit } = options;
  if (roots) client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((dir) => ({ uri: pathToFileURL(dir).href })) }));
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request.params));
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  // The client validates structured content against each tool's output schema once it has listed them.
  await client.listTools();
  const call = async (name: string, args: Record<string, unknown> = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { client, server, logs, call, close: () => client.close() };
}

/** A tool result's text. */
export const textOf = (result: CallToolResult): string => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
