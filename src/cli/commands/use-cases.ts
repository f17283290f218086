import type { Command } from 'commander';
import { render, USE_CASES_RENDERERS } from '../../render/formats.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { emit, renderContext } from '../output.js';

export function registerUseCases(program: Command, io: Io): void {
  const command = program.command('use-cases').description('list the use-case presets and what each one sets');
  addKnowledgeOption(command);
  addOutputOptions(command, Object.keys(USE_CASES_RENDERERS));
  acceptPromptOptions(command);
  command.action(async (options: { format: string; output?: string; color: boolean; knowledge: string[] }) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    emit(await render(USE_CASES_RENDERERS, options.format, knowledge, renderContext(io, options)), options, io);
  });
}
