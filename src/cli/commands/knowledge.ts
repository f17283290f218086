import { Option, type Command } from 'commander';
import { DiagnosticsError, UsageError } from '../../errors.js';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import type { Knowledge } from '../../knowledge/types.js';
import { PUBLISHED_SCHEMAS, type PublishedSchema } from '../../schemas/names.js';
import { renderJson } from '../../render/recommend-json.js';
import { readUserFile } from '../files.js';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { fileName, acceptPromptOptions, addKnowledgeOption, oneOf } from '../options.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { emit } from '../output.js';
import { quote, visible } from '../../util/sanitize.js';

const SCHEMAS = PUBLISHED_SCHEMAS;
type SchemaName = PublishedSchema;

/** "families diffusion changed; criteria latency-slo added": what an overlay does, by id. */
function changes(base: Knowledge, merged: Knowledge): string {
  const parts: string[] = [];
  const describe = (section: string, before: Record<string, unknown>, after: Record<string, unknown>) => {
    const added = Object.keys(after).filter((id) => !(id in before));
    const changed = Object.keys(after).filter((id) => id in before && JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    if (changed.length > 0) parts.push(`${section} ${changed.join(', ')} changed`);
    if (added.length > 0) parts.push(`${section} ${added.join(', ')} added`);
  };
  const byId = (items: Knowledge['governance']) => Object.fromEntries(items.map((item) => [item.id, item]));
  describe('families', base.families, merged.families);
  describe('criteria', base.criteria, merged.criteria);
  describe('use cases', base.use_cases, merged.use_cases);
  describe('governance', byId(base.governance), byId(merged.governance));
  describe('sources', base.sources, merged.sources);
  describe('models', Object.fromEntries(base.models.map((m) => [m.id, m])), Object.fromEntries(merged.models.map((m) => [m.id, m])));
  return parts.length > 0 ? parts.join('; ') : 'changes nothing';
}

export function registerKnowledge(program: Command, io: Io): void {
  const knowledge = program
    .command('knowledge')
    .description('check knowledge overlays and print the JSON Schemas of the files you can write')
    .usage('[options] [command]')
    // Reached only without a known subcommand: commander would print the whole help as the error.
    .argument('[subcommand]')
    .allowExcessArguments()
    .action((word: string | undefined) => {
      const hint = 'e.g. genai-advisor knowledge validate team-overlay.yaml; see `genai-advisor knowledge --help`';
      if (word === undefined) throw new UsageError('knowledge needs a subcommand: validate <file...> or schema', hint);
      throw new UsageError(`unknown subcommand ${quote(word)} of knowledge.${didYouMean(word, ['validate', 'schema'])}`, hint);
    });

  const validate = knowledge
    .command('validate')
    .argument('<file...>', 'overlay file(s), in the order --knowledge would merge them')
    .description('check an overlay against the schema and the built-in knowledge; report every problem with file:line:col')
    .action(async (files: string[]) => {
      const sources = files.map((file) => ({ file, text: readUserFile(file, 'knowledge overlay', io.cwd) }));
      const { mergeOverlays } = await import('../../knowledge/compile.js');
      const { knowledge: merged, diagnostics } = mergeOverlays(builtinKnowledge, sources);
      if (diagnostics.length > 0) {
        const count = diagnostics.length === 1 ? '1 problem' : `${diagnostics.length} problems`;
        throw new DiagnosticsError(diagnostics, `${count} found; see \`genai-advisor knowledge schema --which overlay\` for the format`);
      }
      io.stdout.write(`OK ${files.map(visible).join(', ')}: ${changes(builtinKnowledge, merged)} (knowledge sha256 ${merged.sha256.slice(0, 12)})\n`);
    });
  acceptPromptOptions(validate);

  const schema = knowledge
    .command('schema')
    .description('print JSON Schemas (draft-07) for overlays, answers files and stack files, and for the JSON documents the commands print')
    .addOption(new Option('--which <name>', `which schema: ${[...SCHEMAS, 'all'].join(', ')}`).argParser(oneOf([...SCHEMAS, 'all'])).default('all'))
    .option('--output <file>', 'write the schema to a file (atomically) instead of stdout', fileName('--output'));
  addKnowledgeOption(schema);
  acceptPromptOptions(schema);
  schema.action(async (options: { which: SchemaName | 'all'; output?: string; knowledge: string[] }) => {
    const base = await loadKnowledge(options.knowledge, io.cwd);
    const names = options.which === 'all' ? SCHEMAS : [options.which];
    const { publishedSchema } = await import('../../schemas/published.js');
    const entries = names.map((name) => [name, publishedSchema(name, base)] as const);
    const document = options.which === 'all' ? Object.fromEntries(entries) : entries[0]![1];
    emit(renderJson(document), options, io);
  });
}
