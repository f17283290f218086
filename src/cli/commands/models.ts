import { Option, type Command } from 'commander';
import { queryModels } from '../../catalogue/query.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import type { Knowledge } from '../../knowledge/types.js';
import { choiceValues } from '../../profile/table.js';
import { MODELS_RENDERERS, render } from '../../render/formats.js';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { addModelConstraintOptions, type ModelConstraintOptions } from '../model-options.js';
import { addAsOfOption } from '../today.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions, oneOf } from '../options.js';
import { emit, renderContext } from '../output.js';

interface ModelsOptions extends ModelConstraintOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  family?: string;
  modality?: string;
  task?: string;
  openWeights?: boolean;
  asOf?: string;
}

const valuesOf = (knowledge: Knowledge, key: string) => choiceValues(knowledge.questions.find((q) => q.key === key)!);

export function registerModels(program: Command, io: Io): void {
  const command = program
    .command('models')
    .description('list concrete models and services from the catalogue: family, licence, hosting; filter with the options below')
    .option('--family <family>', 'only models of this family (or whose architecture also belongs to it)')
    .addOption(new Option('--modality <modality>', `only models that serve this modality: ${valuesOf(builtinKnowledge, 'modality').join(', ')}`).argParser(oneOf(valuesOf(builtinKnowledge, 'modality'))))
    .addOption(new Option('--task <task>', `only models for this task: ${valuesOf(builtinKnowledge, 'task').join(', ')}`).argParser(oneOf(valuesOf(builtinKnowledge, 'task'))))
    .option('--open-weights', 'only models whose weights you can download and run yourself')
    .addOption(new Option('--no-open-weights', 'only models whose weights are closed').hideHelp())
    .addHelpText('after', '\nExamples:\n  $ genai-advisor models --family diffusion --modality image --open-weights\n  $ genai-advisor models --task synthetic-data --license permissive --format markdown');
  addModelConstraintOptions(command);
  addKnowledgeOption(command);
  addAsOfOption(command);
  addOutputOptions(command, Object.keys(MODELS_RENDERERS));
  acceptPromptOptions(command);
  command.action(async (options: ModelsOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const { models, filters } = queryModels(knowledge, options);
    const text = await render(MODELS_RENDERERS, options.format, { knowledge, models, filters }, renderContext(io, options));
    emit(text, options, io);
  });
}
