import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { DiagnosticsError, type Diagnostic } from '../errors.js';

/** Files larger than this are refused before parsing: no legitimate input comes close. */
export const MAX_YAML_BYTES = 16 * 1024 * 1024;
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

function depthOf(doc: Document): number {
  let max = 0;
  visit(doc, {
    Node(_key, _node, path) {
      if (path.length > max) max = path.length;
      if (path.length > MAX_DEPTH * 2) return visit.BREAK;
      return undefined;
    },
  });
  return max;
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
  if (text.includes('\u0000')) fail(text.indexOf('\u0000'), 'file is binary (contains a NUL byte), expected YAML text');

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false, merge: false, schema: 'core' });
  } catch (error) {
    // The parser recurses on nesting; a pathological input can exhaust the stack.
    return fail(0, error instanceof RangeError ? `nesting is too deep (limit ${MAX_DEPTH} levels)` : `cannot parse YAML: ${(error as Error).message}`);
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const diagnostics = problems.map((p) => {
      const { line, col } = position(p.pos[0]);
      const message = p.code === 'TAG_RESOLVE_FAILED' ? `${firstLine(p.message)} (custom tags are not allowed)` : firstLine(p.message);
      return { file, line, col, message };
    });
    throw new DiagnosticsError(diagnostics);
  }
  if (depthOf(doc) > MAX_DEPTH * 2) fail(0, `nesting is too deep (limit ${MAX_DEPTH} levels)`);

  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
        fail(pair.key.range?.[0] ?? 0, `key "${String(pair.key.value)}" is not allowed`);
      }
    },
  });

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
