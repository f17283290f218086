import type { Command } from 'commander';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { selectChecklist } from '../../governance/select.js';
import { rankFamilies } from '../../scoring/rank.js';
import { checklistText } from '../../render/checklist.js';
import { checklistItems } from '../../render/checklist-document.js';
import { renderJson } from '../../render/recommend-json.js';
import { wrap } from '../../render/style.js';
import { loadKnowledge } from '../knowledge.js';
import { styleFor, terminalWidth, type Io } from '../io.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit } from '../output.js';
import { resolveProfile, type ProfileOptions } from '../profile.js';
import { TOOL } from '../tool.js';

const FORMATS = ['table', 'json', 'yaml', 'markdown'] as const;

interface ChecklistOptions extends ProfileOptions {
  format: (typeof FORMATS)[number];
  output?: string;
  color: boolean;
  knowledge: string[];
}

export function registerChecklist(program: Command, io: Io): void {
  const command = program
    .command('checklist')
    .description('the governance checklist alone, tailored to your answers and traced to NIST AI 600-1, the EU AI Act, OWASP and ISO/IEC 42001')
    .addHelpText('after', '\nExample:\n  $ genai-advisor checklist --use-case customer-support-chatbot --sensitive-data --format markdown');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addOutputOptions(command, FORMATS);
  command.action(async (options: ChecklistOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const profile = await resolveProfile(options, knowledge, io);
    // Some items depend on the recommended family, so rank first (no robustness needed here).
    const family = rankFamilies(knowledge, profile).ranking[0]?.family;
    const entries = selectChecklist(knowledge.governance, profile, family);
    const document = {
      schemaVersion: 1,
      tool: TOOL,
      knowledge: { version: knowledge.version, sha256: knowledge.sha256 },
      profile,
      family: family ?? null,
      checklist: checklistItems(entries),
    };
    let text: string;
    if (options.format === 'json') text = renderJson(document);
    else if (options.format === 'yaml') text = (await import('../../render/yaml.js')).renderYaml(document);
    else if (options.format === 'markdown') text = (await import('../../render/checklist.js')).checklistMarkdown(entries);
    else {
      const style = styleFor(io, options.color && !options.output);
      const width = options.output ? 80 : terminalWidth(io);
      const note = style.dim(wrap(`Tailored to ${profile.modality} · ${profile.task} · sector ${profile.sector}, ${family ? `with ${knowledge.families[family].short_name} as the recommended family` : 'with no family eligible'}.`, width));
      text = `${note}\n\n${checklistText(entries, { width, color: (t, name) => style[name](t), actions: true })}`;
    }
    emit(text.endsWith('\n') ? text : `${text}\n`, options, io);
  });
}
