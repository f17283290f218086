import type { Command } from 'commander';
import { recommend } from '../../recommend.js';
import { RECOMMEND_RENDERERS, render } from '../../render/formats.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { familyIds } from '../../knowledge/types.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { addModelConstraintOptions, checkLicenseFilter, type ModelConstraintOptions } from '../model-options.js';
import { addKnowledgeOption, addOutputOptions, addProfileOptions } from '../options.js';
import { emit, renderContext } from '../output.js';
import { saveFiles } from '../files.js';
import { resolveProfileDetailed, type ProfileOptions } from '../profile.js';
import { addAsOfOption, todayOf } from '../today.js';
import { warnIfStale } from '../catalogue-age.js';

export const RECOMMEND_FORMATS = Object.keys(RECOMMEND_RENDERERS);

interface RecommendOptions extends ProfileOptions, ModelConstraintOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  whyNot?: string;
  details?: boolean;
  asOf?: string;
}

export function registerRecommend(program: Command, io: Io): void {
  const command = program
    .command('recommend', { isDefault: true })
    .description(`rank the ${familyIds(builtinKnowledge).length} model families for your use case, with robustness and a governance checklist`)
    .addHelpText('after', '\nExamples:\n  $ genai-advisor --use-case marketing-visuals\n  $ genai-advisor --modality image --task generate --priority quality=high --no-input --format json');
  addProfileOptions(command, builtinKnowledge);
  addKnowledgeOption(command);
  addAsOfOption(command);
  addOutputOptions(command, RECOMMEND_FORMATS);
  addModelConstraintOptions(command, 'name example models');
  command.option('--why-not <family>', 'also explain why this family did not win and what would have to change for it to');
  command.option('--details', 'show every reason, score, robustness figure, example model and the whole checklist (json, yaml and markdown always have them)');
  command.action(async (options: RecommendOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    // Checked before any prompt, so a typo fails fast instead of after a consultation.
    const contrastWith = options.whyNot === undefined ? undefined : (await import('./families.js')).familyId(options.whyNot, knowledge);
    const license = options.license === undefined ? undefined : checkLicenseFilter(options.license, knowledge);
    const { profile, interviewed, defaulted } = await resolveProfileDetailed(options, knowledge, io);
    const today = todayOf(options, io);
    const rec = recommend(knowledge, profile, { today, models: { hosting: options.hosting, license, openWeights: options.openWeights }, defaulted });
    warnIfStale(knowledge, today, io);
    // A web page printed to a terminal helps nobody: it goes to a file named for its use case and day.
    if (options.format === 'html' && options.output === undefined && io.stdout.isTTY === true) {
      options.output = (await import('../../render/recommend-markdown.js')).reportFileName(rec, 'html');
    }
    const contrast = contrastWith === undefined ? undefined : (await import('../../scoring/why-not.js')).whyNot(rec, contrastWith);
    // A consultation that prints to the terminal ends with the follow-up menu, which offers the next steps.
    const menu = interviewed && options.output === undefined && io.stdout.isTTY === true;
    const text = await render(RECOMMEND_RENDERERS, options.format, { rec, whyNot: contrast, details: options.details === true, next: !menu }, renderContext(io, options));
    emit(text, options, io);
    if (menu) {
      await (await import('../../interview/follow-up.js')).followUp(rec, io, { files: saveFiles(io), color: options.color, report: { whyNot: contrast, tool: renderContext(io, options).tool, overlays: options.knowledge } });
    }
  });
}
