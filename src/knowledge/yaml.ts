/**
 * Every YAML file the tool reads (knowledge, overlays, answers, stack files) goes through
 * parseYaml: js-yaml's event parser, whose events carry source offsets, so that one pass gives
 * both the values (js-yaml constructs them) and the position of every node.
 * docs/performance.md says why js-yaml reads and the `yaml` package writes.
 */
import { constructFromEvents, CORE_SCHEMA, EVENT_ALIAS, EVENT_DOCUMENT, EVENT_MAPPING, EVENT_POP, EVENT_SCALAR, EVENT_SEQUENCE, getScalarValue, parseEvents, SCALAR_STYLE_DOUBLE_QUOTED, SCALAR_STYLE_SINGLE_QUOTED, YAMLException, type Event } from 'js-yaml';
import { DiagnosticsError, type Diagnostic } from '../errors.js';
import { MAX_KEYS_PER_MAPPING, MAX_LIST_ITEMS, MAX_YAML_BYTES, MAX_YAML_ITEMS } from './limits.js';
import { quote } from '../util/sanitize.js';

export { MAX_YAML_BYTES };
const MAX_ALIASES = 200;
const MAX_DEPTH = 64;
/** Aliases share what they point at; expanded, a file may not grow past this many nodes per event. */
const MAX_EXPANSION_PER_EVENT = 10;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type PathSegment = string | number;

/** A parsed YAML document that can say where each of its nodes stands. */
export interface ParsedYaml {
  file: string;
  value: unknown;
  /** 1-based line and column of the node at `path` (its key when `key` is set), or of its nearest existing parent. */
  locate(path: readonly PathSegment[], key?: boolean): { line: number; col: number };
  diagnostic(path: readonly PathSegment[], message: string, key?: boolean): Diagnostic;
}

/** Where a node starts, where its key starts, and (collections) where its children are. */
interface Place {
  start: number;
  keyStart: number;
  keys?: Map<string, Place>;
  items?: Place[];
}

/** Offsets to 1-based lines and columns. */
function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (at) => {
    // An empty document's events carry no position (-1): it is at the start of the file.
    const offset = Math.max(0, at);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - starts[low]! + 1 };
  };
}

function startOf(event: Event): number {
  switch (event.type) {
    case EVENT_SCALAR:
      // A quoted scalar starts at its quote, where the person reading the file sees it start.
      return event.style === SCALAR_STYLE_SINGLE_QUOTED || event.style === SCALAR_STYLE_DOUBLE_QUOTED ? event.valueStart - 1 : event.valueStart;
    case EVENT_ALIAS:
      return Math.max(0, event.anchorStart - 1);
    case EVENT_MAPPING:
    case EVENT_SEQUENCE:
      return event.start;
    default:
      return 0;
  }
}

/**
 * The places of the first document's nodes, from the parser's events. A mapping's events
 * alternate key and value; a key that is itself a collection has no name (js-yaml refuses it).
 */
function placesOf(events: readonly Event[], text: string): Place | undefined {
  type Frame = { place: Place; pendingKey?: { name: string | undefined; start: number } };
  const stack: Frame[] = [];
  let root: Place | undefined;
  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) {
      if (root !== undefined) break;
      continue;
    }
    if (event.type === EVENT_POP) {
      stack.pop();
      continue;
    }
    const place: Place = { start: startOf(event), keyStart: startOf(event) };
    const parent = stack.at(-1);
    if (!parent) root ??= place;
    else if (parent.place.items) parent.place.items.push(place);
    else if (parent.pendingKey === undefined) {
      parent.pendingKey = { name: event.type === EVENT_SCALAR ? getScalarValue(text, event) : undefined, start: place.start };
    } else {
      const { name, start } = parent.pendingKey;
      place.keyStart = start;
      if (name !== undefined) parent.place.keys!.set(name, place);
      parent.pendingKey = undefined;
    }
    if (event.type === EVENT_MAPPING) place.keys = new Map();
    if (event.type === EVENT_SEQUENCE) place.items = [];
    if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) stack.push({ place });
  }
  return root;
}

/** Where the first key that is a collection starts (js-yaml locates the error at the document). */
function collectionKey(events: readonly Event[], fallback: number): number {
  const stack: Array<{ mapping: boolean; expectKey: boolean }> = [];
  for (const event of events) {
    if (event.type === EVENT_DOCUMENT) continue;
    if (event.type === EVENT_POP) {
      stack.pop();
      continue;
    }
    const parent = stack.at(-1);
    const isKey = parent?.mapping === true && parent.expectKey;
    if (parent?.mapping) parent.expectKey = !parent.expectKey;
    if (isKey && (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE)) return startOf(event);
    if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) stack.push({ mapping: event.type === EVENT_MAPPING, expectKey: true });
  }
  return fallback;
}

/** The parser's reason in the user's terms. */
function describeProblem(reason: string, text: string, offset: number): string {
  if (reason.startsWith('duplicated mapping key')) {
    // Within the key's own line, at most 1 KiB of it, and with no lazy quantifier before \s*:
    // a key of 250 KB of spaces made that backtrack for minutes.
    const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*):/.exec(text.slice(offset, offset + 1024))?.[1]?.trimEnd().replace(/^["']|["']$/g, '');
    return key ? `duplicate key ${quote(key)}: a key may appear only once in a mapping` : 'duplicate key: a key may appear only once in a mapping';
  }
  const tag = /^unknown \w+ tag !<(.+)>$/.exec(reason)?.[1];
  if (tag !== undefined) return `tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not supported (custom tags are not allowed); write a plain value`;
  if (reason.startsWith('nesting exceeded maxDepth')) return `nesting is too deep (limit ${MAX_DEPTH} levels)`;
  if (reason.includes('complex keys')) return 'a key must be a plain value, not a mapping, a list or an alias';
  if (/alias/i.test(reason) && /max/i.test(reason)) return `too many aliases (limit ${MAX_ALIASES}; possible alias bomb)`;
  if (/tab/.test(reason)) return 'Tabs are not allowed as indentation; indent with spaces';
  for (const [pattern, plain] of SYNTAX_IN_WORDS) if (pattern.test(reason)) return plain;
  return `YAML syntax error: ${reason}`;
}

/** The parser's commonest complaints, with what usually causes them and the fix. */
const SYNTAX_IN_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^deficient indentation/, 'this line is indented less than expected: close any bracket, brace or quote left open above'],
  [/^bad indentation of a mapping entry/, 'this key does not line up with the keys around it: fix its indentation, or quote a value that holds ": "'],
  [/^can not read a block mapping entry/, 'a line without "key:" inside a mapping: add the key, or close a quote or bracket left open above'],
  [/^missed comma between flow collection entries/, 'a comma is missing between the items in [ ] or { }'],
  [/^unexpected end of the stream within a flow collection/, 'a [ or { is not closed'],
  [/^unexpected end of the stream within a double quoted scalar/, 'a " is not closed'],
  [/^unexpected end of the stream within a single quoted scalar/, "a ' is not closed"],
  [/^end of the stream or a document separator is expected/, 'unexpected text: check the indentation of this line'],
];

/**
 * How many nodes the value has with every alias expanded, counting shared nodes once per use;
 * stops counting at `limit`, so that an alias bomb costs no more than the limit.
 */
function expandedSize(value: unknown, limit: number, sizes = new Map<object, number>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = sizes.get(value);
  if (known !== undefined) return known;
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, limit, sizes);
    if (size > limit) break;
  }
  sizes.set(value, size);
  return size;
}

/** Lines, commas and colons: a bound on the nodes a file can hold, counted before parsing. */
function countItems(text: string): number {
  let count = 1;
  for (const mark of ['\n', ',', ':']) for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) count++;
  return count;
}

/**
 * What the parser allows but the tool refuses, each located: keys that could reach
 * Object.prototype through careless code further on, and mappings or lists larger than any
 * real input needs (reports stay a bounded size).
 */
function shapeProblems(place: Place | undefined, value: unknown, file: string, position: (offset: number) => { line: number; col: number }, found: Diagnostic[] = []): Diagnostic[] {
  if (!place || value === null || typeof value !== 'object') return found;
  if (place.items && place.items.length > MAX_LIST_ITEMS) {
    found.push({ file, ...position(place.start), message: `a list has ${place.items.length.toLocaleString('en')} items, over the limit of ${MAX_LIST_ITEMS.toLocaleString('en')}` });
    return found;
  }
  if (place.keys && place.keys.size > MAX_KEYS_PER_MAPPING) {
    found.push({ file, ...position(place.start), message: `a mapping has ${place.keys.size.toLocaleString('en')} keys, over the limit of ${MAX_KEYS_PER_MAPPING.toLocaleString('en')}` });
    return found;
  }
  if (place.items) place.items.forEach((item, i) => shapeProblems(item, (value as unknown[])[i], file, position, found));
  for (const [key, child] of place.keys ?? []) {
    if (FORBIDDEN_KEYS.has(key)) found.push({ file, ...position(child.keyStart), message: `key ${quote(key)} is not allowed` });
    else shapeProblems(child, (value as Record<string, unknown>)[key], file, position, found);
  }
  return found;
}

/**
 * Parses YAML safely: one document, no custom tags, unique keys, bounded aliases and depth,
 * no prototype-polluting keys. Every problem comes back as a located diagnostic.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
    throw new DiagnosticsError([{ file, line: 1, col: 1, message: `file is larger than the ${MAX_YAML_BYTES / 1024 / 1024} MiB limit` }]);
  }
  const position = lineIndex(text);
  const fail = (offset: number, message: string): never => {
    throw new DiagnosticsError([{ file, ...position(offset), message }]);
  };
  const nul = text.indexOf('\u0000');
  if (nul !== -1) fail(nul, 'file is binary (contains a NUL byte), expected YAML text');

  // The parser takes time and memory per node, so its work is bounded before it starts.
  const items = countItems(text);
  if (items > MAX_YAML_ITEMS) fail(0, `file has ${items.toLocaleString('en')} lines, keys and list items, over the limit of ${MAX_YAML_ITEMS.toLocaleString('en')}; split it into smaller files`);

  let events: Event[];
  let documents: unknown[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
    documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: MAX_ALIASES });
  } catch (error) {
    if (error instanceof YAMLException && error.reason.includes('complex keys')) return fail(collectionKey(parseEvents(text, { maxDepth: MAX_DEPTH }), error.mark?.position ?? 0), describeProblem(error.reason, text, 0));
    if (error instanceof YAMLException) return fail(error.mark?.position ?? 0, describeProblem(error.reason, text, error.mark?.position ?? 0));
    // The parser recurses on nesting; a pathological input can exhaust the stack.
    if (error instanceof RangeError) return fail(0, `nesting is too deep (limit ${MAX_DEPTH} levels)`);
    throw error;
  }
  if (documents.length > 1) {
    const second = events.findIndex((e, i) => i > 0 && e.type === EVENT_DOCUMENT);
    const next = events.slice(second + 1).find((e) => e.type !== EVENT_POP && e.type !== EVENT_DOCUMENT);
    const at = next ? startOf(next) : text.length;
    // The "---" that starts the second document, which its event does not locate.
    fail(text.lastIndexOf('\n---', at) + 1, 'the file holds more than one YAML document ("---"); keep everything in one document');
  }
  const value = documents[0] ?? null;
  const limit = MAX_EXPANSION_PER_EVENT * events.length + 10_000;
  if (expandedSize(value, limit) > limit) fail(0, 'too many alias expansions (possible alias bomb)');

  const root = placesOf(events, text);
  const shape = shapeProblems(root, value, file, position);
  if (shape.length > 0) throw new DiagnosticsError(shape);

  const locate = (path: readonly PathSegment[], key = false) => {
    let place = root;
    let keyStart = root?.start ?? 0;
    for (const segment of path) {
      const child = typeof segment === 'number' && place?.items ? place.items[segment] : place?.keys?.get(String(segment));
      if (!child) break;
      place = child;
      keyStart = child.keyStart;
    }
    return position(key ? keyStart : (place?.start ?? 0));
  };
  return {
    file,
    value,
    locate,
    diagnostic: (path, message, key) => ({ file, ...locate(path, key), message }),
  };
}
