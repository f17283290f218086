import type { Command } from 'commander';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { selectChecklist } from '../../governance/select.js';
import { rankFamilies } from '../../scoring/rank.js';
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
    const today = todayOf(options, io);
    // Some items depend on the recommended family, so rank first (no robustness needed here).
    const family = rankFamilies(knowledge, profile).ranking[0]?.family;
    const entries = selectChecklist(knowledge.governance, profile, family, knowledge.governance_areas, { today, defaulted });
    const text = await render(CHECKLIST_RENDERERS, options.format, { knowledge, profile, family, entries, today, defaulted }, renderContext(io, options));
    emit(text, options, io);
  });
}
