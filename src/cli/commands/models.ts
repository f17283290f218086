import { Option, type Command } from 'commander';
import { queryModels } from '../../catalogue/query.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { MODEL_STATUSES, type Knowledge, type ModelStatus } from '../../knowledge/types.js';
import { choiceValues } from '../../profile/table.js';
import { MODELS_RENDERERS, render } from '../../render/formats.js';
import { warnIfStale } from '../catalogue-age.js';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { addModelConstraintOptions, type ModelConstraintOptions } from '../model-options.js';
import { addAsOfOption, todayOf } from '../today.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions, oneOf, someOf } from '../options.js';
import { emit, renderContext } from '../output.js';
import { registerModelsRefresh } from './models-refresh.js';

interface ModelsOptions extends ModelConstraintOptions {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  family?: string;
  modality?: string;
  task?: string;
  status?: ModelStatus[];
  all?: boolean;
  asOf?: string;
}

const valuesOf = (knowledge: Knowledge, key: string) => choiceValues(knowledge.questions.find((q) => q.key === key)!);

export function registerModels(program: Command, io: Io): void {
  const command = program
    .command('models')
    .description('list concrete models and services from the catalogue: family, licence, hosting and status as of today; filter with the options below')
    .option('--family <family>', 'only models of this family (or whose architecture also belongs to it)')
    .addOption(new Option('--modality <modality>', `only models that serve this modality: ${valuesOf(builtinKnowledge, 'modality').join(', ')}`).argParser(oneOf(valuesOf(builtinKnowledge, 'modality'))))
    .addOption(new Option('--task <task>', `only models for this task: ${valuesOf(builtinKnowledge, 'task').join(', ')}`).argParser(oneOf(valuesOf(builtinKnowledge, 'task'))))
    .addOption(new Option('--status <list>', `only models with these statuses as of today, comma-separated: ${MODEL_STATUSES.join(', ')} (default: active,deprecated)`).argParser(someOf([...MODEL_STATUSES])))
    .option('--all', 'every model, retired ones too (same as --status active,deprecated,retired)')
    .addHelpText('after', '\nExamples:\n  $ genai-advisor models --family diffusion --modality image --open-weights\n  $ genai-advisor models --task synthetic-data --license permissive --format markdown\n  $ genai-advisor models --status retired --as-of 2026-12-04\n  $ genai-advisor models refresh --from model_prices_and_context_window.json --output catalogue-overlay.yaml');
  addModelConstraintOptions(command);
  addKnowledgeOption(command);
  addAsOfOption(command);
  addOutputOptions(command, Object.keys(MODELS_RENDERERS));
  acceptPromptOptions(command);
  command.action(async (options: ModelsOptions) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const today = todayOf(options, io);
    const { models, filters } = queryModels(knowledge, options, today);
    const text = await render(MODELS_RENDERERS, options.format, { knowledge, models, filters, today }, renderContext(io, options));
    emit(text, options, io);
    warnIfStale(knowledge, today, io);
  });
  registerModelsRefresh(command, io);
}
