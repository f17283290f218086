import type { Command } from 'commander';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { addKnowledgeOption } from '../options.js';

export function registerMcp(program: Command, io: Io): void {
  const command = program
    .command('mcp')
    .description('serve the advisor to coding assistants and agents over the Model Context Protocol (stdio); see docs/mcp.md')
    .addHelpText('after', '\nExamples:\n  $ claude mcp add genai-advisor -- npx -y genai-advisor mcp\n  $ genai-advisor mcp --knowledge team-overlay.yaml\n\nThe client starts it and talks JSON-RPC on stdin and stdout; logs go to stderr.');
  addKnowledgeOption(command);
  command.action(async (options: { knowledge: string[] }) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    // The MCP SDK loads only for this command.
    const { serveStdio } = await import('../../mcp/stdio.js');
    await serveStdio({ knowledge, overlays: options.knowledge, cwd: io.cwd, env: io.env, now: io.now, log: (line) => io.stderr.write(line) });
  });
}
