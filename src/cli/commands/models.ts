import { Option, type Command } from 'commander';
import { CURRENT, filterModels, type ModelFilter } from '../../catalogue/filter.js';
import { statusOn } from '../../catalogue/lifecycle.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { MODEL_STATUSES, type Knowledge, type ModelStatus } from '../../knowledge/types.js';
import { choiceValues } from '../../profile/table.js';
import { MODELS_RENDERERS, render } from '../../render/formats.js';
import type { AppliedFilters } from '../../render/models-json.js';
import { warnIfStale } from '../catalogue-age.js';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { addModelConstraintOptions, checkLicenseFilter, type ModelConstraintOptions } from '../model-options.js';
import { addAsOfOption, todayOf } from '../today.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions, oneOf, someOf } from '../options.js';
import { emit, renderContext } from '../output.js';
import { familyId } from './families.js';
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
const STATUS_ORDER: Record<ModelStatus, number> = { active: 0, deprecated: 1, retired: 2 };

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
    const statuses = options.all ? MODEL_STATUSES : (options.status ?? CURRENT);
    const filter: ModelFilter = { today, statuses };
    const applied: AppliedFilters = {};
    if (options.family !== undefined) applied.family = filter.family = familyId(options.family, knowledge);
    if (options.modality !== undefined) applied.modality = filter.modality = options.modality;
    if (options.task !== undefined) applied.task = filter.task = options.task;
    if (options.license !== undefined) applied.license = filter.license = checkLicenseFilter(options.license, knowledge);
    if (options.hosting !== undefined) applied.hosting = filter.hosting = options.hosting;
    if (options.openWeights !== undefined) applied.openWeights = filter.openWeights = options.openWeights;
    if (options.all || options.status !== undefined) applied.status = statuses.join(',');
    // Current models first (a stable sort keeps catalogue order within a status).
    const models = filterModels(knowledge.models, filter).sort((a, b) => STATUS_ORDER[statusOn(a, today)] - STATUS_ORDER[statusOn(b, today)]);
    const text = await render(MODELS_RENDERERS, options.format, { knowledge, models, filters: applied, today }, renderContext(io, options));
    emit(text, options, io);
    warnIfStale(knowledge, today, io);
  });
  registerModelsRefresh(command, io);
}
