import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { DiagnosticsError, type Diagnostic } from '../errors.js';
import { MAX_KEYS_PER_MAPPING, MAX_LIST_ITEMS, MAX_YAML_BYTES, MAX_YAML_ITEMS } from './limits.js';
import { quote } from '../util/sanitize.js';

export { MAX_YAML_BYTES };
const MAX_ALIASES = 200;
const MAX_DEPTH = 64;
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

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The parser's message in the user's terms; `rest` is the text from the problem onwards. */
function describeProblem(code: string, message: string, rest: string): string {
  switch (code) {
    case 'TAG_RESOLVE_FAILED': {
      const tag = /Unresolved tag: (\S+)/.exec(message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
      return tag ? `tag ${tag} is not supported (custom tags are not allowed); write a plain value` : `${firstLine(message)} (custom tags are not allowed)`;
    }
    case 'DUPLICATE_KEY': {
      const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/.exec(rest)?.[1]?.replace(/^["']|["']$/g, '');
      return key ? `duplicate key ${quote(key)}: a key may appear only once in a mapping` : firstLine(message);
    }
    case 'TAB_AS_INDENT':
      return `${firstLine(message)}; indent with spaces`;
    case 'RESOURCE_EXHAUSTION':
      // The parser recursed until the stack ran out: only absurdly deep nesting does that.
      return `nesting is too deep (limit ${MAX_DEPTH} levels)`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document ("---"); keep everything in one document';
    default:
      return firstLine(message);
  }
}

function findChild(node: unknown, segment: PathSegment): { node: Node | null; keyNode: Node | null } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(key) === String(segment)) return { node: (pair.value as Node) ?? null, keyNode: pair.key as Node };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item as Node, keyNode: item as Node };
  }
  return undefined;
}

/** Whether collections nest more than MAX_DEPTH levels (a mapping and a sequence count alike). */
function tooDeep(node: unknown, depth = 1): boolean {
  if (!isMap(node) && !isSeq(node)) return false;
  if (depth > MAX_DEPTH) return true;
  return node.items.some((item) => (isPair(item) ? tooDeep(item.key, depth + 1) || tooDeep(item.value, depth + 1) : tooDeep(item, depth + 1)));
}

/**
 * Lines, commas and colons: what the parser's work grows with (each is a node, a pair or a
 * line to read), counted in a few cheap passes. Colons inside text count too, erring on the
 * side of caution.
 */
function countItems(text: string): number {
  let count = 1;
  for (const mark of ['\n', ',', ':']) for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) count++;
  return count;
}

/**
 * What the parser allowed but the tool refuses, each located, in one linear pass: a key used
 * twice in a mapping (found with a set: the parser's own check compares every pair of keys),
 * a key that is a mapping, list or alias (JavaScript objects cannot hold one), a key that
 * reaches object prototypes, and mappings or lists larger than any real input needs.
 */
function shapeProblems(doc: Document, file: string, position: (offset: number) => { line: number; col: number }): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined, message: string) => problems.push({ file, ...position(node?.range?.[0] ?? 0), message });
  visit(doc, {
    Map(_key, map) {
      if (map.items.length > MAX_KEYS_PER_MAPPING) {
        at(map, `a mapping has ${map.items.length.toLocaleString('en')} keys, over the limit of ${MAX_KEYS_PER_MAPPING.toLocaleString('en')}`);
        return visit.SKIP;
      }
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        if (seen.has(name)) at(pair.key, `duplicate key ${quote(name)}: a key may appear only once in a mapping`);
        seen.add(name);
      }
      return undefined;
    },
    Seq(_key, seq) {
      if (seq.items.length > MAX_LIST_ITEMS) {
        at(seq, `a list has ${seq.items.length.toLocaleString('en')} items, over the limit of ${MAX_LIST_ITEMS.toLocaleString('en')}; split the file`);
        return visit.SKIP;
      }
      return undefined;
    },
    Pair(_key, pair) {
      if (pair.key !== null && pair.key !== undefined && !isScalar(pair.key)) {
        at(pair.key as Node, 'a key must be a plain value, not a mapping, a list or an alias');
      } else if (isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        at(pair.key, `key ${quote(pair.key.value)} is not allowed`);
      }
    },
  });
  return problems.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * Parses YAML safely: one document, no custom tags, unique keys, bounded aliases and depth,
 * no prototype-polluting keys. Every problem comes back as a located diagnostic.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const fail = (offset: number, message: string): never => {
    const { line, col } = position(offset);
    throw new DiagnosticsError([{ file, line, col, message }]);
  };

  if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
    throw new DiagnosticsError([{ file, line: 1, col: 1, message: `file is larger than the ${MAX_YAML_BYTES / 1024 / 1024} MiB limit` }]);
  }
  if (text.includes('\u0000')) {
    // Not parsed yet, so the line counter knows no lines: count them here.
    const before = text.slice(0, text.indexOf('\u0000')).split('\n');
    throw new DiagnosticsError([{ file, line: before.length, col: before[before.length - 1]!.length + 1, message: 'file is binary (contains a NUL byte), expected YAML text' }]);
  }

  // The parser takes time and memory per node, so its work is bounded before it starts.
  const items = countItems(text);
  if (items > MAX_YAML_ITEMS) {
    throw new DiagnosticsError([{ file, line: 1, col: 1, message: `file has ${items.toLocaleString('en')} lines, keys and list items, over the limit of ${MAX_YAML_ITEMS.toLocaleString('en')}; split it into smaller files` }]);
  }

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: true, prettyErrors: false, merge: false, schema: 'core' });
  } catch (error) {
    // The parser recurses on nesting; a pathological input can exhaust the stack.
    return fail(0, error instanceof RangeError ? `nesting is too deep (limit ${MAX_DEPTH} levels)` : `cannot parse YAML: ${(error as Error).message}`);
  }
  // After a syntax error the parser's later complaints are mostly echoes of it (one tab can
  // yield twenty); duplicate keys and unknown tags stand on their own, so all of those stay.
  const independent = (code: string) => code === 'DUPLICATE_KEY' || code === 'TAG_RESOLVE_FAILED';
  const problems = [...doc.errors, ...doc.warnings]
    .sort((a, b) => a.pos[0] - b.pos[0])
    .filter((p, i, all) => i === 0 || independent(p.code) || all.slice(0, i).every((q) => independent(q.code)));
  if (problems.length > 0) {
    const diagnostics = problems.map((p) => {
      const { line, col } = position(p.pos[0]);
      return { file, line, col, message: describeProblem(p.code, p.message, text.slice(p.pos[0])) };
    });
    throw new DiagnosticsError(diagnostics);
  }
  if (tooDeep(doc.contents)) fail(0, `nesting is too deep (limit ${MAX_DEPTH} levels)`);

  const shape = shapeProblems(doc, file, position);
  if (shape.length > 0) throw new DiagnosticsError(shape);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    fail(0, /alias/i.test((error as Error).message) ? 'too many alias expansions (possible alias bomb)' : (error as Error).message);
  }

  const locate = (path: readonly PathSegment[], key = false) => {
    let node: unknown = doc.contents;
    let keyNode: unknown = doc.contents;
    for (const segment of path) {
      const child = findChild(node, segment);
      if (!child) break;
      keyNode = child.keyNode;
      node = child.node ?? child.keyNode;
    }
    const target = (key ? keyNode : node) as Node | null;
    return position(target?.range?.[0] ?? 0);
  };
  return {
    file,
    value,
    locate,
    diagnostic: (path, message, key) => ({ file, ...locate(path, key), message }),
  };
}
