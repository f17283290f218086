import type { Command } from 'commander';
import { recommend } from '../../recommend.js';
import { RECOMMEND_RENDERERS, render } from '../../render/formats.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { familyIds } from '../../knowledge/types.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit, renderContext } from '../output.js';
import { saveFiles } from '../files.js';
import { resolveProfileDetailed, type ProfileOptions } from '../profile.js';

export const RECOMMEND_FORMATS = Object.keys(RECOMMEND_RENDERERS);

interface RecommendOptions extends ProfileOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  whyNot?: string;
}

export function registerRecommend(program: Command, io: Io): void {
  const command = program
    .command('recommend', { isDefault: true })
    .description(`rank the ${familyIds(builtinKnowledge).length} model families for your use case, with robustness and a governance checklist`)
    .addHelpText('after', '\nExamples:\n  $ genai-advisor --use-case marketing-visuals\n  $ genai-advisor --modality image --task generate --priority quality=high --no-input --format json');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addOutputOptions(command, RECOMMEND_FORMATS);
  command.option('--why-not <family>', 'also explain why this family did not win and what would have to change for it to');
  command.action(async (options: RecommendOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    // Checked before any prompt, so a typo fails fast instead of after a consultation.
    const contrastWith = options.whyNot === undefined ? undefined : (await import('./families.js')).familyId(options.whyNot, knowledge);
    const { profile, interviewed } = await resolveProfileDetailed(options, knowledge, io);
    const rec = recommend(knowledge, profile);
    const contrast = contrastWith === undefined ? undefined : (await import('../../scoring/why-not.js')).whyNot(rec, contrastWith);
    const text = await render(RECOMMEND_RENDERERS, options.format, { rec, whyNot: contrast }, renderContext(io, options));
    emit(text, options, io);
    // A consultation that printed to the terminal ends with the follow-up menu.
    if (interviewed && options.output === undefined && io.stdout.isTTY) {
      await (await import('../../interview/follow-up.js')).followUp(rec, io, { files: saveFiles(io), color: options.color, report: { whyNot: contrast, tool: renderContext(io, options).tool, overlays: options.knowledge } });
    }
  });
}
