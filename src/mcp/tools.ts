/**
 * The advisor's tools: each a thin door onto the functions the CLI's commands call, returning
 * the document `--format json` prints as structured content and a renderer's text beside it.
 */
import { sep } from 'node:path';
import { queryModels } from '../catalogue/query.js';
import { checkStackInChunks } from '../check/index.js';
import { DEFAULT_STACK_FILE } from '../check/schema.js';
import { UsageError } from '../errors.js';
import { checklistFor } from '../checklist.js';
import { familyId } from '../knowledge/family-name.js';
import { MAX_YAML_BYTES } from '../knowledge/limits.js';
import { answersSchema, idsOf } from '../schemas/answers.js';
import { familyIds, HOSTING_OPTIONS, LICENSE_CATEGORIES, MODEL_STATUSES, type Answers, type Knowledge } from '../knowledge/types.js';
import { Closed, IsoDate, OneOf, Type, type Static, type TSchema } from '../schemas/common.js';
import { choiceValues } from '../profile/table.js';
import { recommend } from '../recommend.js';
import { checklistDocument } from '../render/checklist-document.js';
import { checkDocument } from '../render/check-json.js';
import { compareDocument, explainDocument } from '../render/families.js';
import {
  CHECK_RENDERERS,
  CHECKLIST_RENDERERS,
  COMPARE_RENDERERS,
  EXPLAIN_RENDERERS,
  MODELS_RENDERERS,
  RECOMMEND_RENDERERS,
  render,
  USE_CASES_RENDERERS,
  type RenderContext,
} from '../render/formats.js';
import { modelsDocument } from '../render/models-json.js';
import { recommendDocument } from '../render/recommend-json.js';
import { plain } from '../render/style.js';
import { useCasesDocument } from '../render/use-cases.js';
import { TOOL } from '../tool.js';
import { assumedText, resolveAnswers, type Ask, type Assumed } from './answers.js';
import type { OutputName } from './output-schemas.js';
import { readInsideRoots } from './roots.js';


/** What a tool call may use besides its arguments; the server makes one per call. */
export interface Call {
  knowledge: Knowledge;
  overlays: string[];
  /** "Today" for this call: `as_of`, else GENAI_ADVISOR_AS_OF, else the clock, read once. */
  today: (asOf: string | undefined) => string;
  /** The folders check_stack may read in. */
  roots: () => Promise<string[]>;
  /** Present when the client can ask its user (elicitation). */
  ask?: Ask;
}

export interface Outcome {
  structured: Record<string, unknown>;
  text: string;
}

/** A tool; its input schema (TypeBox) gives the arguments' type, and the server checks them against it before `run`. */
export interface AdvisorTool<S extends TSchema = TSchema> {
  name: string;
  title: string;
  description: string;
  inputSchema: (knowledge: Knowledge) => S;
  /** Which document's schema (output-schemas.ts) its structured content follows. */
  output: OutputName;
  run: (args: Static<S>, call: Call) => Promise<Outcome>;
}

/** Typed where it is written, erased for the table. */
const tool = <S extends TSchema>(definition: AdvisorTool<S>): AdvisorTool => definition as unknown as AdvisorTool;

/** Renderers lay out for a reader with no terminal: plain text, 100 columns. */
const context = (call: Call): RenderContext => ({ tool: TOOL, style: plain, width: 100, overlays: call.overlays });

const AsOf = () => IsoDate({ description: 'judge dates (model shutdowns, laws that apply, due dates) as of this day, YYYY-MM-DD; default today' });
const Sources = () => Type.Boolean({ description: "add each rating's full citations" });

/**
 * The profile questions as arguments: the answers-file schema (one key per question of the
 * table), each with its help, and `extra` beside them.
 */
function profileInput<E extends Record<string, TSchema>>(knowledge: Knowledge, extra: E) {
  const answers = answersSchema(knowledge.questions, idsOf(knowledge)) as unknown as { properties: Record<string, TSchema> };
  const properties = Object.fromEntries(knowledge.questions.map((q) => [q.key, { ...answers.properties[q.key], description: q.help }]));
  return Type.Unsafe<Answers & Partial<{ [K in keyof E]: Static<E[K]> }>>({ type: 'object', properties: { ...properties, ...extra }, additionalProperties: false });
}

/** The arguments that are answers (all but the tool's own options). */
function answersOf(args: object, own: readonly string[]): Answers {
  return Object.fromEntries(Object.entries(args).filter(([key]) => !own.includes(key))) as Answers;
}

/** A profile tool's call: its answers resolved (asking or assuming), and the day and defaulted answers the engine takes. */
async function profileCall(args: Answers & { as_of?: string }, call: Call) {
  const { profile, assumed } = await resolveAnswers(call.knowledge, answersOf(args, ['as_of']), call.ask);
  return { profile, assumed, options: { today: call.today(args.as_of), defaulted: assumed ? Object.keys(assumed.defaults) : [] } };
}

/** The result with what was assumed, if anything: beside the document, and after the text. */
function withAssumed<D extends object>(structured: D, text: string, assumed: Assumed | undefined) {
  return assumed ? { structured: { ...structured, assumed }, text: `${text}\n${assumedText(assumed)}\n` } : { structured, text };
}

const recommendTool = tool({
  name: 'recommend',
  title: 'Recommend a model family',
  description:
    'Rank the generative-model families (GAN, VAE, Transformer, Flow, Diffusion, Autoregressive, Energy-based) for a use case, with the reasons, how robust the ranking is, example models and the governance checklist: what `genai-advisor recommend --format json` prints. Give modality and task (or a use_case preset); unanswered questions are asked through the client when it can, else their defaults are applied and listed under `assumed`.',
  inputSchema: (knowledge) => profileInput(knowledge, { as_of: AsOf() }),
  output: 'recommend',
  async run(args, call) {
    const { profile, assumed, options } = await profileCall(args, call);
    const rec = recommend(call.knowledge, profile, options);
    const summary = await render(RECOMMEND_RENDERERS, 'table', { rec, next: false }, context(call));
    return withAssumed(recommendDocument(rec, TOOL, call.overlays), summary, assumed);
  },
});

const checklistTool = tool({
  name: 'checklist',
  title: 'Governance checklist',
  description:
    'The governance checklist for a use case alone, each item traced to NIST AI 600-1, the EU AI Act, OWASP LLM Top 10, ISO/IEC 42001 or national law: what `genai-advisor checklist --format json` prints. Takes the same profile arguments as recommend.',
  inputSchema: (knowledge) => profileInput(knowledge, { as_of: AsOf() }),
  output: 'checklist',
  async run(args, call) {
    const { profile, assumed, options } = await profileCall(args, call);
    const result = checklistFor(call.knowledge, profile, options);
    const text = await render(CHECKLIST_RENDERERS, 'markdown', result, context(call));
    return withAssumed(checklistDocument(result, TOOL), text, assumed);
  },
});

const compareTool = tool({
  name: 'compare',
  title: 'Compare model families',
  description: 'Side by side: each family\'s ratings per criterion, fit per modality and task, best at, limitations and typical uses, with sources: what `genai-advisor compare --format json` prints.',
  inputSchema: (knowledge) =>
    Closed({
      families: Type.Optional(Type.Array(Type.String(), { description: `families to compare (default all): ${familyIds(knowledge).join(', ')}, or an alias such as GANs` })),
      sources: Type.Optional(Sources()),
    }),
  output: 'compare',
  async run(args, call) {
    const { knowledge } = call;
    const names = args.families ?? [];
    const ids = names.length === 0 ? familyIds(knowledge) : [...new Set(names.map((n) => familyId(n, knowledge)))];
    const sources = args.sources === true;
    return {
      structured: compareDocument(knowledge, ids, TOOL, { sources }),
      text: await render(COMPARE_RENDERERS, 'markdown', { knowledge, ids, sources }, context(call)),
    };
  },
});

const explainTool = tool({
  name: 'explain',
  title: 'Explain a model family',
  description: "One family's profile: how it works, strengths, limitations, examples, every rating with its rationale and sources: what `genai-advisor explain <family> --format json` prints.",
  inputSchema: (knowledge) => Closed({ family: Type.String({ description: `one of ${familyIds(knowledge).join(', ')}, or an alias` }), sources: Type.Optional(Sources()) }),
  output: 'explain',
  async run(args, call) {
    const { knowledge } = call;
    const id = familyId(args.family, knowledge);
    const sources = args.sources === true;
    return {
      structured: explainDocument(knowledge, id, TOOL, { sources }),
      text: await render(EXPLAIN_RENDERERS, 'markdown', { knowledge, ids: [id], sources }, context(call)),
    };
  },
});

const useCasesTool = tool({
  name: 'list_use_cases',
  title: 'List use-case presets',
  description: 'The use-case presets and the answers each one sets; pass one as `use_case` to recommend or checklist. What `genai-advisor use-cases --format json` prints.',
  inputSchema: () => Closed({}),
  output: 'useCases',
  async run(_args, call) {
    return {
      structured: useCasesDocument(call.knowledge, TOOL),
      text: await render(USE_CASES_RENDERERS, 'markdown', call.knowledge, context(call)),
    };
  },
});

const valuesOf = (knowledge: Knowledge, key: string) => choiceValues(knowledge.questions.find((q) => q.key === key)!);

const modelsTool = tool({
  name: 'list_models',
  title: 'List concrete models',
  description:
    'Concrete models and services from the catalogue, with families, licence, commercial use, hosting and lifecycle as of the day (status, shutdown date, replacement, days left); filter by family, modality, task, licence, hosting, open weights or status. What `genai-advisor models --format json` prints.',
  inputSchema: (knowledge) =>
    Closed({
      family: Type.Optional(Type.String({ description: 'only models of this family (or whose architecture also belongs to it)' })),
      modality: Type.Optional(OneOf(valuesOf(knowledge, 'modality'), { description: 'only models that serve this modality' })),
      task: Type.Optional(OneOf(valuesOf(knowledge, 'task'), { description: 'only models for this task' })),
      license: Type.Optional(Type.String({ description: `only models under this licence, or licence category (${LICENSE_CATEGORIES.join(', ')})` })),
      hosting: Type.Optional(OneOf(HOSTING_OPTIONS, { description: 'only models that can run this way' })),
      open_weights: Type.Optional(Type.Boolean({ description: 'true: only models whose weights you can download; false: only closed ones' })),
      status: Type.Optional(Type.Array(OneOf(MODEL_STATUSES), { minItems: 1, description: 'only models with these statuses as of the day (default: active, deprecated)' })),
      all: Type.Optional(Type.Boolean({ description: 'every model, retired ones too' })),
      as_of: Type.Optional(AsOf()),
    }),
  output: 'models',
  async run(args, call) {
    const { knowledge } = call;
    const { open_weights: openWeights, as_of: asOf, ...filters } = args;
    const today = call.today(asOf);
    const { models, filters: applied } = queryModels(knowledge, { ...filters, openWeights }, today);
    const result = { knowledge, models, filters: applied, today };
    return { structured: modelsDocument(knowledge, models, applied, today, TOOL), text: await render(MODELS_RENDERERS, 'markdown', result, context(call)) };
  },
});

/** Stack text given inline is held to the size limit a file is. */
function checkedText(text: string): string {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) throw new UsageError(`the stack file text is ${Math.ceil(bytes / 1024 / 1024)} MiB, over the ${MAX_YAML_BYTES / 1024 / 1024} MiB size limit`, 'check that you passed the right text');
  if (text.trim() === '') throw new UsageError('the stack file text is empty', 'give at least `version: 1` and `use_cases:`');
  return text;
}

const checkTool = tool({
  name: 'check_stack',
  title: 'Check a genai-stack.yaml',
  description:
    "Check the choices a stack file (genai-stack.yaml) declares against the advisor and its policy, as `genai-advisor check --format json` does: findings with rule ids, levels and file:line:col. Give `path` (inside the client's roots, relative to the first) or the YAML itself as `text`.",
  inputSchema: () =>
    Closed({
      path: Type.Optional(Type.String({ description: `the stack file, relative to the first root (e.g. ${DEFAULT_STACK_FILE})` })),
      text: Type.Optional(Type.String({ description: "the stack file's YAML text, instead of a path" })),
      name: Type.Optional(Type.String({ description: `the name findings give a \`text\` (default ${DEFAULT_STACK_FILE})` })),
      strict: Type.Optional(Type.Boolean({ description: 'warnings fail the check too' })),
      as_of: Type.Optional(AsOf()),
    }),
  output: 'check',
  async run(args, call) {
    const { path, text: inline } = args;
    if ((path === undefined) === (inline === undefined)) throw new UsageError('check_stack takes either path or text, not both or neither', `e.g. { "path": "${DEFAULT_STACK_FILE}" }`);
    const text = path !== undefined ? readInsideRoots(path, await call.roots()) : checkedText(inline!);
    const file = path ?? args.name ?? DEFAULT_STACK_FILE;
    const options = { today: call.today(args.as_of), strict: args.strict === true };
    // Chunks, as the CLI's: other requests are served while a large file is checked.
    const result = await checkStackInChunks(call.knowledge, text, file.split(sep).join('/'), options, () => new Promise<void>((done) => setImmediate(done)));
    const report = { files: [{ result, path: file }] };
    return { structured: checkDocument(result, TOOL), text: await render(CHECK_RENDERERS, 'text', report, context(call)) };
  },
});

export const TOOLS: readonly AdvisorTool[] = [recommendTool, compareTool, explainTool, checklistTool, useCasesTool, modelsTool, checkTool];
