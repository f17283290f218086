// Release-time refresh of the built-in model catalogue (docs/catalogue.md, "Release step"):
//   npm run refresh-catalogue -- --from <LiteLLM or OpenRouter list, file or URL> [--as-of YYYY-MM-DD]
// Shutdown dates and the statuses they imply are written into knowledge/models.yaml (comments
// and layout kept) and `as_of` is stamped; models the list has and the catalogue lacks are
// printed as candidates, to be added by hand with their family, licence and sources. The
// same functions as `genai-advisor models refresh` read and compare the list.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMap, parseDocument, type YAMLSeq } from 'yaml';
import { diffLines, listedModels, refreshCatalogue, type Refresh } from '../src/catalogue/refresh.js';
import { isUrl, parseList, readList } from '../src/cli/commands/models-refresh.js';
import { writeAtomic } from '../src/cli/files.js';
import { UsageError } from '../src/errors.js';
import { builtinKnowledge } from '../src/knowledge/builtin.js';
import type { CatalogueModel } from '../src/knowledge/types.js';
import { isCalendarDate, localDate } from '../src/util/dates.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const FIELDS = ['status', 'shutdown', 'verified', 'sources'] as const;

/** The models file with the refresh's patches of existing entries applied and `as_of` stamped; new models are left out. */
export function applyToModelsFile(text: string, refresh: Refresh, today: string): { text: string; candidates: string[] } {
  const doc = parseDocument(text);
  const models = doc.get('models') as YAMLSeq;
  const candidates: string[] = [];
  for (const patch of refresh.models) {
    const entry = models.items.find((item) => isMap(item) && item.get('id') === patch.id);
    if (!isMap(entry)) {
      candidates.push(patch.id);
      continue;
    }
    for (const field of FIELDS) if (patch[field] !== undefined) entry.set(field, doc.createNode(patch[field]));
  }
  doc.set('as_of', today);
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), candidates };
}

export async function refreshBuiltin(from: string, today: string, models: readonly CatalogueModel[] = builtinKnowledge.models, file = `${root}knowledge/models.yaml`) {
  const { document, format } = parseList(await readList(from, process.cwd()), from);
  const refresh = refreshCatalogue(models, listedModels(document, format), today, { label: format, ...(isUrl(from) ? { url: from } : {}) });
  const { text, candidates } = applyToModelsFile(readFileSync(file, 'utf8'), refresh, today);
  writeAtomic(file, text, process.cwd(), { final: true });
  return { diff: refresh.diff, candidates };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { from: { type: 'string' }, 'as-of': { type: 'string' } } });
  try {
    if (values.from === undefined) throw new UsageError('--from <file-or-url> is required', 'e.g. npm run refresh-catalogue -- --from model_prices_and_context_window.json');
    const today = values['as-of'] ?? localDate(new Date());
    if (!isCalendarDate(today)) throw new UsageError(`--as-of ${today} is not a calendar date`, 'give YYYY-MM-DD');
    const { diff, candidates } = await refreshBuiltin(values.from, today);
    console.log(diffLines({ ...diff, added: [] }).join('\n'));
    if (candidates.length > 0) console.log(`\nIn the list, not in the catalogue (add by hand, with families, licence and sources): ${candidates.join(', ')}`);
    console.log('\nNext: npm run build (validates the file), review `git diff knowledge/models.yaml`, and check each change against the vendor\'s page.');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}${error.hint ? `\n${error.hint}` : ''}`);
    process.exitCode = 2;
  }
}
