import { createHash } from 'node:crypto';
import { DiagnosticsError, type Diagnostic } from '../errors.js';
import type { Family, FamilyId, Knowledge, Rating, ModalRating } from './types.js';
import { checkReferences } from './references.js';
import overlayValidator from '../../build/validators/overlay.cjs';
import { validateAgainst, violations, type ValidateFunction } from './validate.js';
import { parseYaml, type ParsedYaml, type PathSegment } from './yaml.js';
import { own } from '../util/own.js';

export interface SourceFile {
  file: string;
  text: string;
}

type Raw = Record<string, unknown>;


/** Ratings may be written as a bare number in overlays; the engine always sees `{ value }`. */
function normaliseRatings(ratings: Record<string, number | Rating> | undefined): Record<string, Rating> {
  const out: Record<string, Rating> = {};
  for (const [key, rating] of Object.entries(ratings ?? {})) out[key] = typeof rating === 'number' ? { value: rating } : rating;
  return out;
}

/**
 * Long lists (the model catalogue) are shared, unchanged, by every knowledge base an overlay
 * leaves them alone in; knowledge is never mutated once built, so their text is kept.
 */
const canonicalLists = new WeakMap<object, string>();

/** Ratings and task fits may be bare numbers in overlays, and so may their per-modality ratings. */
function normaliseModal(ratings: Record<string, number | ModalRating> | undefined): Record<string, ModalRating> {
  const out: Record<string, ModalRating> = {};
  for (const [key, rating] of Object.entries(ratings ?? {})) {
    if (typeof rating === 'number') out[key] = { value: rating };
    else out[key] = rating.modalities ? { ...rating, modalities: normaliseRatings(rating.modalities) } : rating;
  }
  return out;
}

/** Canonical JSON (sorted keys) so the digest depends on content, not on file layout. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length < 32) return `[${value.map(canonical).join(',')}]`;
    let text = canonicalLists.get(value);
    if (text === undefined) canonicalLists.set(value, (text = `[${value.map(canonical).join(',')}]`));
    return text;
  }
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

/**
 * Parses and validates every file, collecting every problem instead of stopping at the first.
 * A node that breaks the schema is reported and left out of `docs`, so the cross-reference
 * checks can still run on the rest.
 */
export function parseAll(files: SourceFile[], schema: ValidateFunction): { docs: ParsedYaml[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const docs: ParsedYaml[] = [];
  for (const { file, text } of files) {
    let doc: ParsedYaml;
    try {
      doc = parseYaml(text, file);
    } catch (error) {
      if (!(error instanceof DiagnosticsError)) throw error;
      diagnostics.push(...error.diagnostics);
      continue;
    }
    if (doc.value === null || doc.value === undefined) {
      diagnostics.push({ file, line: 1, col: 1, message: 'file is empty; expected a YAML mapping of knowledge sections' });
      continue;
    }
    const problems = validateAgainst(doc, schema);
    diagnostics.push(...problems);
    const value = problems.length === 0 ? doc.value : usablePart(doc.value, schema);
    if (value !== undefined) docs.push({ ...doc, value });
  }
  return { docs, diagnostics };
}

/** Diagnostics in file order, then by position. */
export function sorted(diagnostics: Diagnostic[], files: SourceFile[]): Diagnostic[] {
  const order = files.map((f) => f.file);
  return [...diagnostics].sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line || a.col - b.col);
}

const isRecord = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Merges one validated document into the knowledge base, by id; later documents win. */
export function mergeInto(target: Raw, doc: Raw): void {
  for (const [section, value] of Object.entries(doc)) {
    if (section === 'governance') {
      const items = (target.governance as Array<{ id: string }> | undefined) ?? [];
      for (const item of value as Array<{ id: string }>) {
        const at = items.findIndex((existing) => existing.id === item.id);
        if (at >= 0) items[at] = item;
        else items.push(item);
      }
      target.governance = items;
    } else if (section === 'models') {
      // By id, field by field: an overlay may patch one field of a built-in model.
      const models = (target.models as Raw[] | undefined) ?? [];
      for (const patch of value as Raw[]) {
        const at = models.findIndex((existing) => existing.id === patch.id);
        if (at >= 0) models[at] = { ...models[at], ...patch };
        else models.push(patch);
      }
      target.models = models;
    } else if (section === 'families') {
      const families = (target.families as Record<string, Raw> | undefined) ?? {};
      for (const [id, patch] of Object.entries(value as Record<string, Raw>)) {
        const base = own(families, id) ?? {};
        const merged: Raw = { ...base, ...patch };
        merged.modalities = { ...normaliseRatings(base.modalities as Record<string, Rating>), ...normaliseRatings(patch.modalities as Record<string, Rating>) };
        merged.ratings = mergeModal(base.ratings, patch.ratings);
        merged.tasks = mergeModal(base.tasks, patch.tasks);
        families[id] = merged;
      }
      target.families = families;
    } else if (isRecord(value) && section !== 'modality_fit' && section !== 'overlaps') {
      // Entries merge field by field, as families do: relabelling a criterion must not reset
      // its default importance (and so silently change every ranking).
      const entries = { ...((target[section] as Record<string, unknown> | undefined) ?? {}) };
      for (const [id, patch] of Object.entries(value)) {
        const base = own(entries, id);
        entries[id] = isRecord(base) && isRecord(patch) ? { ...base, ...patch } : patch;
      }
      target[section] = entries;
    } else {
      target[section] = value;
    }
  }
}

/**
 * A rating or task fit merges field by field, its per-modality ratings per modality: an
 * overlay can set one family's speed on one modality and keep the rest. The overall value
 * replaces the old one with its rationale.
 */
function mergeModal(base: unknown, patch: unknown): Record<string, ModalRating> {
  const before = normaliseModal(base as Record<string, ModalRating>);
  const out: Record<string, ModalRating> = { ...before };
  for (const [key, rating] of Object.entries(normaliseModal(patch as Record<string, ModalRating>))) {
    const modalities = { ...(before[key]?.modalities ?? {}), ...(rating.modalities ?? {}) };
    out[key] = { ...rating, ...(Object.keys(modalities).length > 0 ? { modalities } : {}) };
  }
  return out;
}

export function finish(raw: Raw): Knowledge {
  const criteria: Knowledge['criteria'] = {};
  for (const [id, c] of Object.entries((raw.criteria as Raw) ?? {})) {
    criteria[id] = { default_level: 'none', ...(c as object), id } as Knowledge['criteria'][string];
  }
  const families = {} as Knowledge['families'];
  for (const id of Object.keys((raw.families as Raw) ?? {}) as FamilyId[]) {
    const f = (raw.families as Raw)[id] as Raw;
    families[id] = {
      disagreements: [],
      ...f,
      id,
      ratings: normaliseModal(f.ratings as Record<string, ModalRating>),
      modalities: normaliseRatings(f.modalities as Record<string, Rating>),
      tasks: normaliseModal(f.tasks as Record<string, ModalRating>),
      variants: (f.variants as Family['variants'] | undefined) ?? [],
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
    overlaps: (raw.overlaps as Knowledge['overlaps'] | undefined) ?? [],
    criteria,
    families,
    questions: raw.questions as Knowledge['questions'],
    use_cases: useCases,
    governance: (raw.governance as Knowledge['governance']) ?? [],
    governance_areas: (raw.governance_areas as Knowledge['governance_areas']) ?? [],
    frameworks: (raw.frameworks as Knowledge['frameworks']) ?? [],
    sources,
    models: (raw.models as Knowledge['models']) ?? [],
    ...(raw.as_of !== undefined ? { as_of: raw.as_of as string } : {}),
    ...(raw.governance_reviewed !== undefined ? { governance_reviewed: raw.governance_reviewed as string } : {}),
  };
  knowledge.sha256 = digest(knowledge);
  return knowledge;
}

/** Drops the node at `path`; array items become holes so later indices still match the YAML. */
function removeAt(root: unknown, path: readonly PathSegment[]): void {
  let parent = root as Record<string | number, unknown> | undefined;
  for (const segment of path.slice(0, -1)) parent = parent?.[segment] as Record<string | number, unknown> | undefined;
  if (parent !== null && typeof parent === 'object') delete parent[path[path.length - 1]!];
}

/**
 * What is left of a document once every node that breaks the schema is dropped, so the
 * cross-reference checks can still run on the rest; undefined when nothing usable remains.
 * An object that only lacks a required field stays (its other fields may hold problems of
 * their own), unless it lacks its id, without which it cannot be merged.
 */
function usablePart(value: unknown, schema: ValidateFunction): unknown {
  const copy = structuredClone(value);
  // Dropping a node can expose its parent's own problem (a now-missing id).
  for (let round = 0; round < 8; round++) {
    const found = violations(copy, schema)
      .filter((v) => v.missing === undefined || v.missing === 'id')
      .map((v) => v.path);
    if (found.length === 0) return copy;
    if (found.some((p) => p.length === 0)) return undefined;
    // A hole still breaks its list's item schema: then the list itself goes.
    for (const path of found) removeAt(copy, isHole(copy, path) ? path.slice(0, -1) : path);
  }
  return undefined;
}

function isHole(root: unknown, path: readonly PathSegment[]): boolean {
  let parent = root as Record<string | number, unknown> | undefined;
  for (const segment of path.slice(0, -1)) parent = parent?.[segment] as Record<string | number, unknown> | undefined;
  return Array.isArray(parent) && !(path[path.length - 1]! in parent);
}

/** Items dropped by usablePart leave holes in lists (to keep YAML positions); merging wants plain lists. */
export function withoutHoles<T>(value: T): T {
  if (Array.isArray(value)) return value.filter(() => true).map(withoutHoles) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutHoles(v)])) as T;
  return value;
}

export interface OverlayResult {
  knowledge: Knowledge;
  /** Every problem of every file: YAML, schema and cross-references, in file order. */
  diagnostics: Diagnostic[];
}

/**
 * Merges overlay files over a compiled knowledge base by id (later files win) and collects
 * every problem instead of stopping at the first: a node that breaks the schema is reported
 * and left out, and the cross-reference checks run on what remains.
 */
export function mergeOverlays(base: Knowledge, files: SourceFile[]): OverlayResult {
  const { docs, diagnostics } = parseAll(files, overlayValidator as ValidateFunction);
  // The catalogue is the largest part to copy, and most overlays leave it alone.
  const { models, ...rest } = base;
  const raw: Raw = structuredClone(rest) as unknown as Raw;
  raw.models = docs.some((d) => (d.value as Raw).models !== undefined) ? structuredClone(models) : models;
  // Values stay exact (JSON prints them as given); every renderer escapes them for its format.
  for (const doc of docs) mergeInto(raw, withoutHoles(doc.value as Raw));
  const knowledge = finish(raw);
  diagnostics.push(...checkReferences(knowledge, docs, { strict: false }));
  return { knowledge, diagnostics: sorted(diagnostics, files) };
}

/** Merges overlay files over a compiled knowledge base, validating each; later files win. */
export function applyOverlays(base: Knowledge, files: SourceFile[]): Knowledge {
  if (files.length === 0) return base;
  const { knowledge, diagnostics } = mergeOverlays(base, files);
  if (diagnostics.length > 0) throw new DiagnosticsError(diagnostics);
  return knowledge;
}
