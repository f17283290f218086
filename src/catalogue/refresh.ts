/**
 * `models refresh`: a machine-readable model list (LiteLLM's model_prices_and_context_window.json,
 * or OpenRouter's /api/v1/models) turned into a catalogue overlay and a diff against the
 * catalogue. Pure: the shell reads the list and writes the overlay.
 */
import type { CatalogueModel, HostingOption, ModelStatus } from '../knowledge/types.js';
import { statusOn } from './lifecycle.js';

/** One model as a list gives it: what a catalogue entry can take from it. */
export interface ListedModel {
  /** The catalogue-style id: lowercase, dots and separators as hyphens, no provider prefix. */
  id: string;
  /** The list's own key, for the diff. */
  key: string;
  vendor: string;
  name?: string;
  /** The list's mode, mapped to the advisor's modality and tasks where it says enough. */
  modalities?: string[];
  tasks?: string[];
  shutdown?: string;
}

export type ListFormat = 'litellm' | 'openrouter';

/** The providers whose own API a new entry is credited to; resellers' copies only confirm dates. */
const VENDORS: Record<string, string> = { openai: 'OpenAI', anthropic: 'Anthropic', gemini: 'Google', mistral: 'Mistral AI', deepseek: 'DeepSeek', xai: 'xAI', cohere: 'Cohere', google: 'Google', 'meta-llama': 'Meta', qwen: 'Alibaba Cloud', moonshotai: 'Moonshot AI' };

/** LiteLLM's `mode` → the advisor's modality and tasks; modes not listed are not new models. */
const MODES: Record<string, { modalities: string[]; tasks: string[] }> = {
  chat: { modalities: ['text'], tasks: ['generate', 'conversation'] },
  completion: { modalities: ['text'], tasks: ['generate'] },
};

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** "openai/gpt-4.1-2025-04-14" → "gpt-4-1": the catalogue's way of writing an id, snapshot date dropped. */
export function catalogueId(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1).toLowerCase();
  return name
    .replace(/[-@]?(\d{4}-\d{2}-\d{2}|\d{8})$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Which list a parsed JSON document is, or undefined when it is neither. */
export function listFormat(document: unknown): ListFormat | undefined {
  if (isRecord(document) && Array.isArray(document.data)) return 'openrouter';
  if (isRecord(document) && Object.values(document).some((v) => isRecord(v) && ('litellm_provider' in v || 'mode' in v))) return 'litellm';
  return undefined;
}

/**
 * The models of a list, one per catalogue id. Only a vendor's own entries count: a cloud's or a
 * reseller's copy of a model keeps its own schedule (Azure's and Bedrock's dates differ).
 */
export function listedModels(document: unknown, format: ListFormat): ListedModel[] {
  const out = new Map<string, ListedModel>();
  const put = (model: ListedModel) => {
    const seen = out.get(model.id);
    if (!seen) out.set(model.id, model);
    else if (seen.shutdown === undefined && model.shutdown !== undefined) out.set(model.id, { ...seen, shutdown: model.shutdown });
  };
  if (format === 'litellm') {
    for (const [key, raw] of Object.entries(document as Record<string, unknown>)) {
      if (key === 'sample_spec' || !isRecord(raw)) continue;
      const provider = String(raw.litellm_provider ?? '');
      const vendor = VENDORS[provider];
      // A first-party key has no prefix ("gpt-4o") or its provider's own ("gemini/gemini-2.5-pro").
      if (vendor === undefined || (key.includes('/') && !key.startsWith(`${provider}/`))) continue;
      const mode = MODES[String(raw.mode ?? '')];
      const shutdown = typeof raw.deprecation_date === 'string' && DATE.test(raw.deprecation_date) ? raw.deprecation_date.slice(0, 10) : undefined;
      put({ id: catalogueId(key), key, vendor, ...(mode ? { modalities: mode.modalities, tasks: mode.tasks } : {}), ...(shutdown ? { shutdown } : {}) });
    }
  } else {
    for (const raw of (document as { data: unknown[] }).data) {
      if (!isRecord(raw) || typeof raw.id !== 'string') continue;
      const vendor = VENDORS[raw.id.split('/')[0]!];
      if (vendor === undefined) continue;
      const expiry = typeof raw.expiration_date === 'string' && DATE.test(raw.expiration_date) ? raw.expiration_date.slice(0, 10) : undefined;
      const arch = isRecord(raw.architecture) ? raw.architecture : {};
      const textOnly = Array.isArray(arch.output_modalities) && arch.output_modalities.every((m) => m === 'text');
      put({ id: catalogueId(raw.id), key: raw.id, vendor, ...(typeof raw.name === 'string' ? { name: raw.name.replace(/^[^:]+:\s*/, '') } : {}), ...(textOnly ? MODES.chat : {}), ...(expiry ? { shutdown: expiry } : {}) });
    }
  }
  return [...out.values()];
}

export interface RefreshDiff {
  added: string[];
  statusChanged: Array<{ id: string; from: ModelStatus; to: ModelStatus }>;
  newShutdowns: Array<{ id: string; shutdown: string; was?: string }>;
}

export interface Refresh {
  /** The overlay's models: patches of known ones, and new ones. */
  models: Array<Partial<CatalogueModel> & { id: string }>;
  diff: RefreshDiff;
}

/**
 * What the list changes in the catalogue as of `today`: shutdown dates (and the status they
 * imply) of models the catalogue knows, and first-party language models it does not. A list
 * entry that says nothing new yields nothing, so a second run with the same list changes nothing.
 */
export function refreshCatalogue(catalogue: readonly CatalogueModel[], listed: readonly ListedModel[], today: string, source: { label: string; url?: string }): Refresh {
  const byId = new Map(catalogue.map((m) => [m.id, m]));
  const diff: RefreshDiff = { added: [], statusChanged: [], newShutdowns: [] };
  const models: Refresh['models'] = [];
  for (const item of listed) {
    const known = byId.get(item.id);
    if (known) {
      if (item.shutdown === undefined || item.shutdown === known.shutdown) continue;
      const status: ModelStatus = known.status === 'retired' || item.shutdown <= today ? 'retired' : 'deprecated';
      const before = statusOn(known, today);
      models.push({ id: known.id, status, shutdown: item.shutdown, verified: today, ...(source.url ? { sources: [...new Set([...(known.sources ?? []), source.url])] } : {}) });
      diff.newShutdowns.push({ id: known.id, shutdown: item.shutdown, ...(known.shutdown ? { was: known.shutdown } : {}) });
      if (before !== status) diff.statusChanged.push({ id: known.id, from: before, to: status });
      continue;
    }
    // New: only a language model, whose family an API mode does tell.
    if (item.modalities === undefined || (item.shutdown !== undefined && item.shutdown <= today)) continue;
    models.push({
      id: item.id,
      name: item.name ?? item.key.slice(item.key.lastIndexOf('/') + 1),
      vendor: item.vendor,
      families: ['transformer', 'autoregressive'],
      family_note: `Added by models refresh from ${source.label} (key "${item.key}"): filed as an attention-based language model from the list's mode. The list gives no architecture, licence or weights: recorded as a proprietary API model until checked.`,
      modalities: [...item.modalities],
      tasks: [...item.tasks!],
      license: 'proprietary',
      license_category: 'proprietary',
      commercial_use: 'allowed',
      open_weights: false,
      hosting: ['api' as HostingOption],
      status: item.shutdown ? 'deprecated' : 'active',
      ...(item.shutdown ? { shutdown: item.shutdown } : {}),
      verified: today,
      ...(source.url ? { sources: [source.url] } : {}),
    });
    diff.added.push(item.id);
  }
  return { models, diff };
}

/** The diff in lines a person reads: "no changes" when there are none. */
export function diffLines(diff: RefreshDiff): string[] {
  const lines = [
    ...diff.added.map((id) => `+ ${id}: new model`),
    ...diff.statusChanged.map((c) => `~ ${c.id}: status ${c.from} → ${c.to}`),
    ...diff.newShutdowns.map((s) => `~ ${s.id}: shutdown ${s.was ? `${s.was} → ` : ''}${s.shutdown}`),
  ];
  return lines.length > 0 ? lines : ['no changes'];
}
