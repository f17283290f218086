/**
 * The server on this process's stdin and stdout: stdout carries protocol messages only (logs go
 * to stderr). It ends when stdin closes; SIGTERM ends the process (src/cli/main.ts).
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { ErrorCode, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { visible } from '../util/sanitize.js';
import { createAdvisorServer, type AdvisorServerOptions } from './server.js';

/** JSON-RPC's answer to a line that is not JSON (-32700) or not a JSON-RPC message (-32600); the id is unknown, so null. */
export function malformedReply(error: unknown): JSONRPCMessage | undefined {
  const name = (error as Error | undefined)?.name;
  const code = name === 'SyntaxError' ? ErrorCode.ParseError : name === 'ZodError' ? ErrorCode.InvalidRequest : undefined;
  if (code === undefined) return undefined;
  const message = code === ErrorCode.ParseError ? 'Parse error: the line is not JSON' : 'Invalid Request: the line is not a JSON-RPC 2.0 message';
  return { jsonrpc: '2.0', id: null, error: { code, message } } as unknown as JSONRPCMessage;
}

/** Serves until stdin closes (or the client disconnects). */
export async function serveStdio(options: AdvisorServerOptions, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  const server = createAdvisorServer(options);
  const transport = new StdioServerTransport(stdin as NodeJS.ReadStream & { fd: 0 }, stdout as NodeJS.WriteStream & { fd: 1 });
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  // The SDK's stdio transport only reports a line it cannot read; JSON-RPC asks for an error reply.
  server.onerror = (error) => {
    const reply = malformedReply(error);
    if (reply) void transport.send(reply);
    else options.log(`genai-advisor mcp: ${visible(error.message.split('\n')[0]!)}\n`);
  };
  const end = () => void server.close();
  stdin.on('end', end);
  stdin.on('close', end);
  // A client gone mid-reply: stop serving rather than crash on the broken pipe.
  stdout.on('error', end);
  await server.connect(transport);
  options.log(`genai-advisor MCP server on stdio (knowledge ${options.knowledge.version}); stop it with Ctrl+D or SIGTERM\n`);
  await closed;
}
