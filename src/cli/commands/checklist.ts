import type { Command } from 'commander';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { checklistFor } from '../../checklist.js';
import { CHECKLIST_RENDERERS, render } from '../../render/formats.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit, renderContext } from '../output.js';
import { resolveProfileDetailed, type ProfileOptions } from '../profile.js';
import { addAsOfOption, todayOf } from '../today.js';

interface ChecklistOptions extends ProfileOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  asOf?: string;
}

export function registerChecklist(program: Command, io: Io): void {
  const command = program
    .command('checklist')
    .description('the governance checklist alone, tailored to your answers and traced to NIST AI 600-1, the EU AI Act, OWASP and ISO/IEC 42001')
    .addHelpText('after', '\nExample:\n  $ genai-advisor checklist --use-case customer-support-chatbot --sensitive-data --format markdown');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addAsOfOption(command);
  addOutputOptions(command, Object.keys(CHECKLIST_RENDERERS));
  command.action(async (options: ChecklistOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const { profile, defaulted } = await resolveProfileDetailed(options, knowledge, io);
    const result = checklistFor(knowledge, profile, { today: todayOf(options, io), defaulted });
    const text = await render(CHECKLIST_RENDERERS, options.format, result, renderContext(io, options));
    emit(text, options, io);
  });
}
