/**
 * The advisor as an MCP server: the tools and resources over the same engine as the CLI. The
 * low-level Server takes tool schemas as plain JSON Schema, so they come from the project's own
 * definitions (the question table, the result documents' schemas) rather than a copy in zod.
 * Nothing here writes a file; every failure of a call becomes a tool error and the server goes on.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { UsageError } from '../errors.js';
import type { Knowledge } from '../knowledge/types.js';
import { TOOL } from '../tool.js';
import { isCalendarDate } from '../util/dates.js';
import { quote, visible } from '../util/sanitize.js';
import { todayOf, type TodaySource } from '../util/today.js';
import { formSchema, type Ask } from './answers.js';
import { checkArguments } from './arguments.js';
import { outputSchemas } from './output-schemas.js';
import { listResources, readResource, RESOURCE_TEMPLATES } from './resources.js';
import { rootFolders } from './roots.js';
import { TOOLS, type Call } from './tools.js';

export interface AdvisorServerOptions extends TodaySource {
  knowledge: Knowledge;
  /** The --knowledge overlays the knowledge was made with, as given (documents name them). */
  overlays: string[];
  /** Where check_stack reads when the client names no roots. */
  cwd: string;
  /** Where a line of log goes (stderr): never stdout, which carries the protocol. */
  log: (line: string) => void;
}

/** MCP's "resource not found" (the specification's -32002). */
const RESOURCE_NOT_FOUND = -32002;

const INSTRUCTIONS =
  'genai-advisor recommends a generative-model family for a use case and lists the governance checklist to deploy it. Call recommend with modality and task (or a use_case from list_use_cases); explain and compare describe families; list_models names concrete models; check_stack checks a genai-stack.yaml.';

/** A usage error as the CLI prints it: the problem, then the hint on a line of its own. */
function toolError(error: UsageError): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: [error.message, ...(error.hint ? [error.hint] : [])].map(visible).join('\n') }] };
}

export function createAdvisorServer(options: AdvisorServerOptions): Server {
  const { knowledge, overlays, cwd, log } = options;
  const server = new Server({ name: TOOL.name, version: TOOL.version, title: 'genai-advisor' }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));
  // Schemas derive from the knowledge, which does not change while the server runs.
  const inputSchemas = new Map(TOOLS.map((tool) => [tool.name, tool.inputSchema(knowledge)]));
  const outputs = outputSchemas(knowledge);

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: TOOLS.map((tool) => ({
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: inputSchemas.get(tool.name) as unknown as { type: 'object' },
      outputSchema: outputs[tool.output] as { type: 'object' },
      annotations: { title: tool.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    })),
  }));

  const today = (asOf: string | undefined): string => {
    if (asOf !== undefined && !isCalendarDate(asOf)) throw new UsageError(`as_of ${quote(asOf)} is not a calendar date`, 'give it as YYYY-MM-DD, such as 2026-12-04');
    return todayOf({ asOf }, options);
  };
  const roots = async (): Promise<string[]> => {
    if (!server.getClientCapabilities()?.roots) return [cwd];
    const folders = rootFolders((await server.listRoots()).roots);
    return folders.length > 0 ? folders : [cwd];
  };
  const ask: Ask = async (questions) => {
    const result = await server.elicitInput({
      mode: 'form',
      message: `genai-advisor needs ${questions.length === 1 ? 'one more answer' : `${questions.length} more answers`} to advise on this use case.`,
      requestedSchema: formSchema(questions, knowledge),
    });
    return result.action === 'accept' ? result.content : undefined;
  };

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    // An unknown tool is a protocol error (the specification's example of one), not a tool error.
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool ${quote(request.params.name)}; tools: ${TOOLS.map((t) => t.name).join(', ')}`);
    const args = request.params.arguments ?? {};
    try {
      checkArguments(args, inputSchemas.get(tool.name)!);
      const call: Call = { knowledge, overlays, today, roots, ...(server.getClientCapabilities()?.elicitation?.form ? { ask } : {}) };
      const outcome = await tool.run(args, call);
      return { content: [{ type: 'text', text: outcome.text }], structuredContent: outcome.structured };
    } catch (error) {
      if (error instanceof UsageError) return toolError(error);
      // The client's answer to an elicitation can be refused by the SDK (it does not match the form).
      if (error instanceof McpError) return { isError: true, content: [{ type: 'text', text: visible(error.message) }] };
      const message = error instanceof Error ? error.message : String(error);
      log(`genai-advisor mcp: internal error in ${tool.name}: ${visible(message.split('\n')[0]!)}\n`);
      return { isError: true, content: [{ type: 'text', text: `internal error: ${visible(message.split('\n')[0]!)}; please report it` }] };
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: listResources(knowledge) }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    const { uri } = request.params;
    const found = await readResource(uri, knowledge);
    if (!found) throw new McpError(RESOURCE_NOT_FOUND, `no resource ${quote(uri)}; resources/list lists them`);
    return { contents: [{ uri, ...found }] };
  });
  return server;
}
