import type { Command } from 'commander';
import { recommend } from '../../recommend.js';
import { recommendDocument, renderJson } from '../../render/recommend-json.js';
import { renderRecommendTable } from '../../render/recommend-table.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { styleFor, terminalWidth } from '../io.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit } from '../output.js';
import { resolveProfile, type ProfileOptions } from '../profile.js';
import { TOOL } from '../tool.js';

export const RECOMMEND_FORMATS = ['table', 'json', 'yaml', 'markdown'] as const;

interface RecommendOptions extends ProfileOptions {
  format: (typeof RECOMMEND_FORMATS)[number];
  output?: string;
  color: boolean;
  knowledge: string[];
}

export function registerRecommend(program: Command, io: Io): void {
  const command = program
    .command('recommend', { isDefault: true })
    .description('rank the seven model families for your use case, with robustness and a governance checklist')
    .addHelpText('after', '\nExamples:\n  $ genai-advisor --use-case marketing-visuals\n  $ genai-advisor --modality image --task generate --priority quality=high --no-input --format json');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addOutputOptions(command, RECOMMEND_FORMATS);
  command.action(async (options: RecommendOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const profile = await resolveProfile(options, knowledge, io);
    const rec = recommend(knowledge, profile);
    const toFile = options.output !== undefined;
    let text: string;
    switch (options.format) {
      case 'json':
        text = renderJson(recommendDocument(rec, TOOL, options.knowledge));
        break;
      case 'yaml':
        text = (await import('../../render/yaml.js')).renderYaml(recommendDocument(rec, TOOL, options.knowledge));
        break;
      case 'markdown':
        text = (await import('../../render/recommend-markdown.js')).renderRecommendMarkdown(rec);
        break;
      default:
        text = renderRecommendTable(rec, { style: styleFor(io, options.color && !toFile), width: toFile ? 80 : terminalWidth(io) });
    }
    emit(text, options, io);
  });
}
