/**
 * `models refresh --from <file-or-url> [--output overlay.yaml]`: reads a machine-readable
 * model list and writes a catalogue overlay to use with --knowledge, printing what changed.
 * The built-in catalogue is never edited at run time (scripts/refresh-catalogue.ts does that
 * at release time, through the same functions).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffLines, listedModels, listFormat, refreshCatalogue, type Refresh } from '../../catalogue/refresh.js';
import { UsageError } from '../../errors.js';
import type { Knowledge } from '../../knowledge/types.js';
import { renderYaml } from '../../render/yaml.js';
import { quote, visible } from '../../util/sanitize.js';
import { readUserFile, writeAtomic } from '../files.js';
import type { Io } from '../io.js';
import { loadKnowledge } from '../knowledge.js';
import { acceptPromptOptions } from '../options.js';
import { todayOf } from '../today.js';

/** How long a download may take before the refresh gives up. */
export const FETCH_TIMEOUT_MS = 30_000;

const DEFAULT_OVERLAY = 'catalogue-overlay.yaml';

interface RefreshOptions {
  from: string;
  output?: string;
  knowledge: string[];
  asOf?: string;
}

export const isUrl = (from: string) => /^https?:\/\//i.test(from);

/** The list's text, from a file or over the network (with a timeout), or a one-line error. */
export async function readList(from: string, cwd: string): Promise<string> {
  if (!isUrl(from)) return readUserFile(from, 'model list', cwd);
  let response: Response;
  try {
    response = await fetch(from, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    const why = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
    const cause = timedOut ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `${why?.code ?? why?.errors?.[0]?.code ?? why?.message ?? 'fetch failed'} (offline?)`;
    throw new UsageError(`cannot download the model list ${visible(from)}: ${cause}`, 'check the network, or download the file yourself and pass its path to --from');
  }
  if (!response.ok) throw new UsageError(`cannot download the model list ${visible(from)}: HTTP ${response.status}`, 'check the URL, or download the file yourself and pass its path to --from');
  return response.text();
}

/** The list as JSON, and which list it is. */
export function parseList(text: string, from: string) {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new UsageError(`model list ${visible(from)} is not JSON`, "pass LiteLLM's model_prices_and_context_window.json or OpenRouter's /api/v1/models answer");
  }
  const format = listFormat(document);
  if (format === undefined) throw new UsageError(`model list ${visible(from)} is neither LiteLLM's model list nor OpenRouter's models list`, "pass LiteLLM's model_prices_and_context_window.json or OpenRouter's /api/v1/models answer");
  return { document, format };
}

/** The overlay file: a header saying where it came from, then `as_of` and the models. */
export function overlayText(refresh: Refresh, from: string, format: string, today: string): string {
  const header = [
    `# Catalogue overlay written by \`genai-advisor models refresh\` from ${format === 'litellm' ? "LiteLLM's" : "OpenRouter's"} model list`,
    `# ${from}, on ${today}. Use it with --knowledge; review new entries before relying on them.`,
  ].map(visible);
  return `${header.join('\n')}\n${renderYaml({ as_of: today, models: refresh.models })}`;
}

/** Reads the list and computes the overlay (against the catalogue) and the diff (against the catalogue plus the overlay already written). */
export async function refreshFrom(from: string, base: Knowledge, previous: Knowledge, today: string, io: Pick<Io, 'cwd'>) {
  const { document, format } = parseList(await readList(from, io.cwd), from);
  const listed = listedModels(document, format);
  const source = { label: format === 'litellm' ? "LiteLLM's model list" : "OpenRouter's model list", ...(isUrl(from) ? { url: from } : {}) };
  const refresh = refreshCatalogue(base.models, listed, today, source);
  const diff = previous === base ? refresh.diff : refreshCatalogue(previous.models, listed, today, source).diff;
  return { refresh, diff, format, listed: listed.length };
}

/**
 * `models refresh`. Its --output, --knowledge and --as-of are the `models` command's own options
 * (commander hands every option `models` knows to `models`, wherever it stands), read here
 * through optsWithGlobals: one definition each, and `models refresh --output x` means what it says.
 */
export function registerModelsRefresh(models: Command, io: Io): void {
  const command = models
    .command('refresh')
    .description("read a machine-readable model list (LiteLLM's model_prices_and_context_window.json or OpenRouter's /api/v1/models; a file or a URL) and write a catalogue overlay with the shutdown dates and new models it gives; prints what changed")
    .requiredOption('--from <file-or-url>', 'the model list: a local file, or an http(s) URL fetched with a timeout')
    .addHelpText('after', `\nAlso takes --output <file> (the overlay; default ${DEFAULT_OVERLAY}; written atomically, and a second run compares against it), --knowledge <file> and --as-of <date>.\nUse the overlay with --knowledge, e.g. genai-advisor check --knowledge ${DEFAULT_OVERLAY}\n\nExamples:\n  $ genai-advisor models refresh --from model_prices_and_context_window.json\n  $ genai-advisor models refresh --from https://openrouter.ai/api/v1/models --output openrouter-overlay.yaml`);
  acceptPromptOptions(command);
  command.action(async (_options: { from: string }, self: Command) => {
    const options = self.optsWithGlobals<RefreshOptions>();
    const output = options.output ?? DEFAULT_OVERLAY;
    if (options.knowledge.some((k) => resolve(io.cwd, k) === resolve(io.cwd, output))) {
      throw new UsageError(`--output ${quote(output)} is also a --knowledge overlay`, 'leave it out of --knowledge: the refresh reads the file it writes by itself');
    }
    const today = todayOf(options, io);
    const base = await loadKnowledge(options.knowledge, io.cwd);
    const previous = existsSync(resolve(io.cwd, output)) ? await loadKnowledge([...options.knowledge, output], io.cwd) : base;
    const { refresh, diff, format, listed } = await refreshFrom(options.from, base, previous, today, io);
    writeAtomic(output, overlayText(refresh, options.from, format, today), io.cwd, { final: true });
    io.stdout.write(`${diffLines(diff).join('\n')}\n`);
    io.stderr.write(`${listed} models read from ${visible(options.from)}; ${refresh.models.length} in the overlay ${visible(output)} (use it with --knowledge ${visible(output)})\n`);
  });
}
