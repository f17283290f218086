import type { Command } from 'commander';
import { builtinKnowledge } from '../../knowledge/builtin.js';
import { familyIds } from '../../knowledge/types.js';
import { familyId } from '../../knowledge/family-name.js';
import { COMPARE_RENDERERS, EXPLAIN_RENDERERS, render } from '../../render/formats.js';
import { loadKnowledge } from '../knowledge.js';
import type { Io } from '../io.js';
import { acceptPromptOptions, addKnowledgeOption, addOutputOptions } from '../options.js';
import { emit, renderContext } from '../output.js';

export { familyId } from '../../knowledge/family-name.js';

interface Options {
  format: string;
  output?: string;
  color: boolean;
  knowledge: string[];
  sources?: boolean;
}

export function registerFamilies(program: Command, io: Io): void {
  const compare = program
    .command('compare')
    .argument('[family...]', `families to compare (default: all): ${familyIds(builtinKnowledge).join(', ')}`)
    .description('side-by-side table of families: ratings, fit per modality, best at, limitations, typical uses');
  addKnowledgeOption(compare);
  addOutputOptions(compare, Object.keys(COMPARE_RENDERERS));
  acceptPromptOptions(compare);
  compare.option('--sources', "list every rating's rationale and full citations, so each number can be traced");
  compare.action(async (names: string[], options: Options) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const ids = names.length === 0 ? familyIds(knowledge) : [...new Set(names.map((n) => familyId(n, knowledge)))];
    const text = await render(COMPARE_RENDERERS, options.format, { knowledge, ids, sources: options.sources === true }, renderContext(io, options));
    emit(text, options, io);
  });

  const explain = program
    .command('explain')
    .argument('<family>', `one of: ${familyIds(builtinKnowledge).join(', ')}`)
    .description("one family's profile: how it works, strengths, limitations, examples, every rating with its sources");
  addKnowledgeOption(explain);
  addOutputOptions(explain, Object.keys(EXPLAIN_RENDERERS));
  acceptPromptOptions(explain);
  explain.option('--sources', "add each rating's full citations under its rationale");
  explain.action(async (name: string, options: Options) => {
    const knowledge = await loadKnowledge(options.knowledge, io.cwd);
    const id = familyId(name, knowledge);
    const text = await render(EXPLAIN_RENDERERS, options.format, { knowledge, ids: [id], sources: options.sources === true }, renderContext(io, options));
    emit(text, options, io);
  });
}
