import type { Command } from 'commander';
import { recommend } from '../../recommend.js';
import { recommendDocument, renderJson } from '../../render/recommend-json.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { styleFor, terminalWidth } from '../io.js';
import { addModelConstraintOptions, checkLicenseFilter, type ModelConstraintOptions } from '../model-options.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit } from '../output.js';
import { resolveProfileDetailed, type ProfileOptions } from '../profile.js';
import { TOOL } from '../tool.js';

export const RECOMMEND_FORMATS = ['table', 'json', 'yaml', 'markdown'] as const;

interface RecommendOptions extends ProfileOptions, ModelConstraintOptions {
  format: (typeof RECOMMEND_FORMATS)[number];
  output?: string;
  color: boolean;
  knowledge: string[];
  whyNot?: string;
}

export function registerRecommend(program: Command, io: Io): void {
  const command = program
    .command('recommend', { isDefault: true })
    .description('rank the seven model families for your use case, with robustness and a governance checklist')
    .addHelpText('after', '\nExamples:\n  $ genai-advisor --use-case marketing-visuals\n  $ genai-advisor --modality image --task generate --priority quality=high --no-input --format json');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addOutputOptions(command, RECOMMEND_FORMATS);
  addModelConstraintOptions(command, 'name example models');
  command.option('--why-not <family>', 'also explain why this family did not win and what would have to change for it to');
  command.action(async (options: RecommendOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    // Checked before any prompt, so a typo fails fast instead of after a consultation.
    const contrastWith = options.whyNot === undefined ? undefined : (await import('./families.js')).familyId(options.whyNot, knowledge);
    const license = options.license === undefined ? undefined : checkLicenseFilter(options.license, knowledge);
    const { profile, interviewed } = await resolveProfileDetailed(options, knowledge, io);
    const rec = recommend(knowledge, profile, { hosting: options.hosting, license });
    const contrast = contrastWith === undefined ? undefined : (await import('../../scoring/why-not.js')).whyNot(rec, contrastWith);
    const toFile = options.output !== undefined;
    let text: string;
    switch (options.format) {
      case 'json':
      case 'yaml': {
        const document = { ...recommendDocument(rec, TOOL, options.knowledge), ...(contrast ? { whyNot: (await import('../../render/why-not.js')).whyNotDocument(contrast, knowledge) } : {}) };
        text = options.format === 'json' ? renderJson(document) : (await import('../../render/yaml.js')).renderYaml(document);
        break;
      }
      case 'markdown':
        text = (await import('../../render/recommend-markdown.js')).renderRecommendMarkdown(rec, { whyNot: contrast, tool: TOOL, overlays: options.knowledge });
        break;
      default: {
        const style = styleFor(io, options.color && !toFile);
        const width = toFile ? 80 : terminalWidth(io);
        // The table (and its layout library) loads only for table output: JSON needs none of it.
        text = (await import('../../render/recommend-table.js')).renderRecommendTable(rec, { style, width });
        if (contrast) text += `\n${(await import('../../render/why-not.js')).renderWhyNotText(contrast, knowledge, style, width)}`;
      }
    }
    emit(text, options, io);
    // A consultation that printed to the terminal ends with the follow-up menu.
    if (interviewed && !toFile && io.stdout.isTTY) {
      await (await import('../../interview/follow-up.js')).followUp(rec, io, { color: options.color, report: { whyNot: contrast, tool: TOOL, overlays: options.knowledge } });
    }
  });
}
