import type { Command } from 'commander';
import { renderJson } from '../../render/recommend-json.js';
import { renderUseCasesTable, useCasesDocument } from '../../render/use-cases.js';
import { loadKnowledge } from '../knowledge.js';
import { styleFor, terminalWidth, type Io } from '../io.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { emit } from '../output.js';
import { TOOL } from '../tool.js';

const FORMATS = ['table', 'json', 'yaml', 'markdown'] as const;

export function registerUseCases(program: Command, io: Io): void {
  const command = program.command('use-cases').description('list the use-case presets and what each one sets');
  addKnowledgeOption(command);
  addOutputOptions(command, FORMATS);
  acceptPromptOptions(command);
  command.action(async (options: { format: (typeof FORMATS)[number]; output?: string; color: boolean; knowledge: string[] }) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    let text: string;
    if (options.format === 'json') text = renderJson(useCasesDocument(knowledge, TOOL));
    else if (options.format === 'yaml') text = (await import('../../render/yaml.js')).renderYaml(useCasesDocument(knowledge, TOOL));
    else if (options.format === 'markdown') text = (await import('../../render/families-markdown.js')).renderUseCasesMarkdown(knowledge);
    else text = renderUseCasesTable(knowledge, styleFor(io, options.color && !options.output), terminalWidth(io));
    emit(text, options, io);
  });
}
