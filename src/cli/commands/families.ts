import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { FAMILY_IDS, type FamilyId, type Knowledge } from '../../knowledge/types.js';
import { compareDocument, familyDocument, renderCompareTable, renderExplainText } from '../../render/families.js';
import { renderJson } from '../../render/recommend-json.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { loadKnowledge } from '../knowledge.js';
import { styleFor, terminalWidth, type Io } from '../io.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { emit } from '../output.js';
import { TOOL } from '../tool.js';
import { quote } from '../../util/sanitize.js';

const FORMATS = ['table', 'json', 'yaml', 'markdown'] as const;

interface Options {
  format: (typeof FORMATS)[number];
  output?: string;
  color: boolean;
  knowledge: string[];
  sources?: boolean;
}

/** Accepts a family id or one of its aliases ("GANs", "ddpm"), case-insensitively. */
export function familyId(input: string, knowledge: Knowledge): FamilyId {
  const needle = input.toLowerCase();
  for (const id of FAMILY_IDS) {
    if (id === needle || knowledge.families[id].aliases.some((a) => a.toLowerCase() === needle)) return id;
  }
  throw new UsageError(`unknown family ${quote(input)}.${didYouMean(input, FAMILY_IDS)}`, `valid families: ${FAMILY_IDS.join(', ')}`);
}

async function render(options: Options, io: Io, table: (k: Knowledge) => string, markdown: (k: Knowledge) => Promise<string>, json: (k: Knowledge) => unknown, knowledge: Knowledge) {
  switch (options.format) {
    case 'json':
      return renderJson(json(knowledge));
    case 'yaml':
      return (await import('../../render/yaml.js')).renderYaml(json(knowledge));
    case 'markdown':
      return markdown(knowledge);
    default:
      return table(knowledge);
  }
}

export function registerFamilies(program: Command, io: Io): void {
  const compare = program
    .command('compare')
    .argument('[family...]', `families to compare (default: all seven): ${FAMILY_IDS.join(', ')}`)
    .description('side-by-side table of families: ratings, fit per modality, best at, limitations, typical uses');
  addKnowledgeOption(compare);
  addOutputOptions(compare, FORMATS);
  acceptPromptOptions(compare);
  compare.option('--sources', "list every rating's rationale and full citations, so each number can be traced");
  compare.action(async (names: string[], options: Options) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const ids = names.length === 0 ? [...FAMILY_IDS] : [...new Set(names.map((n) => familyId(n, knowledge)))];
    const style = styleFor(io, options.color && !options.output);
    const text = await render(
      options,
      io,
      (k) => renderCompareTable(k, ids, style, terminalWidth(io), { sources: options.sources }),
      async (k) => (await import('../../render/families-markdown.js')).renderCompareMarkdown(k, ids, { sources: options.sources }),
      (k) => compareDocument(k, ids, TOOL, { sources: options.sources }),
      knowledge,
    );
    emit(text, options, io);
  });

  const explain = program
    .command('explain')
    .argument('<family>', `one of: ${FAMILY_IDS.join(', ')}`)
    .description("one family's profile: how it works, strengths, limitations, examples, every rating with its sources");
  addKnowledgeOption(explain);
  addOutputOptions(explain, FORMATS);
  acceptPromptOptions(explain);
  explain.option('--sources', "add each rating's full citations under its rationale");
  explain.action(async (name: string, options: Options) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const id = familyId(name, knowledge);
    const style = styleFor(io, options.color && !options.output);
    const text = await render(
      options,
      io,
      (k) => renderExplainText(k, id, style, terminalWidth(io), { sources: options.sources }),
      async (k) => (await import('../../render/families-markdown.js')).renderExplainMarkdown(k, id, { sources: options.sources }),
      (k) => ({ schemaVersion: 1, tool: TOOL, knowledge: { version: k.version, sha256: k.sha256 }, family: familyDocument(k, id, { sources: options.sources }) }),
      knowledge,
    );
    emit(text, options, io);
  });
}
