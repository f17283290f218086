import { createHash } from 'node:crypto';
import { DiagnosticsError, type Diagnostic } from '../errors.js';
import { FAMILY_IDS, type Family, type Knowledge, type Rating } from './types.js';
import { checkReferences } from './references.js';
import { knowledgeFileSchema } from './schema.js';
import { sanitizeDeep } from '../util/sanitize.js';
import { validateAgainst } from './validate.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

export interface SourceFile {
  file: string;
  text: string;
}

type Raw = Record<string, unknown>;

const builtinSchema = knowledgeFileSchema(true);
const overlaySchema = knowledgeFileSchema(false);

/** Ratings may be written as a bare number in overlays; the engine always sees `{ value }`. */
function normaliseRatings(ratings: Record<string, number | Rating> | undefined): Record<string, Rating> {
  const out: Record<string, Rating> = {};
  for (const [key, rating] of Object.entries(ratings ?? {})) out[key] = typeof rating === 'number' ? { value: rating } : rating;
  return out;
}

/** Canonical JSON (sorted keys) so the digest depends on content, not on file layout. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Raw).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function digest(knowledge: Omit<Knowledge, 'sha256'> | Knowledge): string {
  const { sha256: _ignored, ...rest } = knowledge as Knowledge;
  return createHash('sha256').update(canonical(rest)).digest('hex');
}

function parseAll(files: SourceFile[], schema: object): ParsedYaml[] {
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedYaml[] = [];
  for (const { file, text } of files) {
    try {
      const doc = parseYaml(text, file);
      if (doc.value === null || doc.value === undefined) {
        diagnostics.push({ file, line: 1, col: 1, message: 'file is empty; expected a YAML mapping of knowledge sections' });
        continue;
      }
      const problems = validateAgainst(doc, schema);
      diagnostics.push(...problems);
      if (problems.length === 0) parsed.push(doc);
    } catch (error) {
      if (error instanceof DiagnosticsError) diagnostics.push(...error.diagnostics);
      else throw error;
    }
  }
  if (diagnostics.length > 0) throw new DiagnosticsError(diagnostics);
  return parsed;
}

/** Merges one validated document into the knowledge base, by id; later documents win. */
function mergeInto(target: Raw, doc: Raw): void {
  for (const [section, value] of Object.entries(doc)) {
    if (section === 'governance') {
      const items = (target.governance as Array<{ id: string }> | undefined) ?? [];
      for (const item of value as Array<{ id: string }>) {
        const at = items.findIndex((existing) => existing.id === item.id);
        if (at >= 0) items[at] = item;
        else items.push(item);
      }
      target.governance = items;
    } else if (section === 'families') {
      const families = (target.families as Record<string, Raw> | undefined) ?? {};
      for (const [id, patch] of Object.entries(value as Record<string, Raw>)) {
        const base = families[id] ?? {};
        const merged: Raw = { ...base, ...patch };
        for (const table of ['ratings', 'modalities'] as const) {
          merged[table] = { ...normaliseRatings(base[table] as Record<string, Rating>), ...normaliseRatings(patch[table] as Record<string, Rating>) };
        }
        families[id] = merged;
      }
      target.families = families;
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && section !== 'modality_fit') {
      target[section] = { ...((target[section] as Raw | undefined) ?? {}), ...(value as Raw) };
    } else {
      target[section] = value;
    }
  }
}

function finish(raw: Raw): Knowledge {
  const criteria: Knowledge['criteria'] = {};
  for (const [id, c] of Object.entries((raw.criteria as Raw) ?? {})) {
    criteria[id] = { default_level: 'none', ...(c as object), id } as Knowledge['criteria'][string];
  }
  const families = {} as Knowledge['families'];
  for (const id of FAMILY_IDS) {
    const f = ((raw.families as Raw)?.[id] ?? {}) as Raw;
    families[id] = {
      disagreements: [],
      ...f,
      id,
      ratings: normaliseRatings(f.ratings as Record<string, Rating>),
      modalities: normaliseRatings(f.modalities as Record<string, Rating>),
    } as unknown as Family;
  }
  const useCases: Knowledge['use_cases'] = {};
  for (const [id, u] of Object.entries((raw.use_cases as Raw) ?? {})) {
    useCases[id] = { seed_families: [], rationale: '', sources: [], ...(u as object), id } as unknown as Knowledge['use_cases'][string];
  }
  const sources: Knowledge['sources'] = {};
  for (const [key, s] of Object.entries((raw.sources as Raw) ?? {})) sources[key] = { ...(s as { citation: string }), key };
  const knowledge: Knowledge = {
    version: raw.version as string,
    sha256: '',
    levels: raw.levels as Knowledge['levels'],
    modality_fit: raw.modality_fit as Knowledge['modality_fit'],
    criteria,
    families,
    questions: raw.questions as Knowledge['questions'],
    use_cases: useCases,
    governance: (raw.governance as Knowledge['governance']) ?? [],
    sources,
  };
  knowledge.sha256 = digest(knowledge);
  return knowledge;
}

/** Compiles the built-in knowledge files: strict schema, then cross-references. */
export function compileKnowledge(files: SourceFile[]): Knowledge {
  const docs = parseAll(files, builtinSchema);
  const raw: Raw = {};
  for (const doc of docs) mergeInto(raw, doc.value as Raw);
  const missing = ['version', 'levels', 'modality_fit', 'criteria', 'families', 'questions', 'use_cases', 'sources'].filter((k) => raw[k] === undefined);
  if (missing.length > 0) {
    throw new DiagnosticsError([{ file: files[0]?.file ?? 'knowledge', line: 1, col: 1, message: `the knowledge base has no ${missing.join(', ')} section` }]);
  }
  const knowledge = finish(raw);
  const problems = checkReferences(knowledge, docs, { strict: true });
  if (problems.length > 0) throw new DiagnosticsError(problems);
  return knowledge;
}

/** Merges overlay files over a compiled knowledge base, validating each; later files win. */
export function applyOverlays(base: Knowledge, files: SourceFile[]): Knowledge {
  if (files.length === 0) return base;
  const docs = parseAll(files, overlaySchema);
  const raw: Raw = structuredClone(base) as unknown as Raw;
  // Overlay text reaches terminals, Markdown and XML: no escape sequences may survive.
  for (const doc of docs) mergeInto(raw, sanitizeDeep(doc.value as Raw));
  const knowledge = finish(raw);
  const problems = checkReferences(knowledge, docs, { strict: false });
  if (problems.length > 0) throw new DiagnosticsError(problems);
  return knowledge;
}
