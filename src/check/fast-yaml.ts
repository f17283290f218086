/**
 * A fast reader for the plain subset of YAML that stack files are written in: block mappings
 * and sequences, one-line flow collections, plain and quoted one-line scalars, comments.
 *
 * The `yaml` library reads about 2 MB/s, so a 10,000-use-case stack file (~16 MB) would take
 * seconds; this reader takes a fraction of that. It never guesses: on anything outside the
 * subset (anchors, tags, block scalars, multi-line values, escapes, duplicate keys, errors…)
 * it returns undefined and the caller falls back to the full, safe `parseYaml`, which also
 * produces the located error messages. Within the subset its value and every position match
 * `parseYaml`'s exactly (a differential property test holds it to that).
 */

import { MAX_YAML_BYTES } from '../knowledge/limits.js';
import type { ParsedYaml, PathSegment } from '../knowledge/yaml.js';
import { AWKWARD_CHARACTERS, unpack, Unsupported, unsupported, type Place } from './line-reader.js';
import { StreamReader } from './stream-reader.js';

/** A whole file as one document: a block mapping at column 1. */
class Reader extends StreamReader {
  protected override eagerFlowPlaces = false;
  /** Where each line starts, made for the first lookup inside a flow collection. */
  private lineStarts: number[] | undefined;

  document(): { value: unknown; root: Place; rootAt: number } {
    this.setLine(0, 0);
    if (!this.more()) unsupported();
    const start = this.lineStart + this.indent;
    const first = this.text.slice(start, start + 3);
    if (this.indent !== 0 || this.isSeqItem() || first === '---' || first === '...' || first[0] === '%') unsupported();
    const value = this.map(0, 0);
    const root = this.place!;
    const rootAt = this.valueAt;
    if (this.more()) unsupported();
    return { value, root, rootAt };
  }

  /** The children's places of the flow collection at a packed position, by reading its line again. */
  placeOfFlow(at: number): Place {
    const { line, col } = unpack(at);
    const starts = (this.lineStarts ??= lineStarts(this.text));
    const start = starts[line - 1]!;
    const end = line < starts.length ? starts[line]! - 1 : this.text.length;
    this.onLine(line - 1, start);
    this.flowPlaces = true;
    this.flow(start + col - 1, end, 0);
    this.flowPlaces = false;
    return this.place!;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
  return starts;
}

/** Reads `text` if it is within the subset; undefined means "use parseYaml". */
export function parseFastYaml(text: string, file: string): ParsedYaml | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so most texts need no byte count.
  if (text.length * 3 > MAX_YAML_BYTES && Buffer.byteLength(text) > MAX_YAML_BYTES) return undefined;
  if (AWKWARD_CHARACTERS.test(text)) return undefined;
  let parsed: { value: unknown; root: Place; rootAt: number };
  let reader: Reader;
  try {
    reader = new Reader(text);
    parsed = reader.document();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const { value, root, rootAt } = parsed;
  const locate = (path: readonly PathSegment[], key = false) => {
    let place: Place | undefined = root;
    let node: unknown = value;
    let keyAt = rootAt;
    let valueAt = rootAt;
    for (const segment of path) {
      if (!place) break;
      const index: number = place.names ? place.names.indexOf(String(segment)) : typeof segment === 'number' && segment < place.kids.length ? segment : -1;
      if (index === -1) break;
      keyAt = place.pos[2 * index]!;
      valueAt = place.pos[2 * index + 1]!;
      node = (node as Record<string | number, unknown>)[place.names ? String(segment) : segment];
      if (place.kids[index] === undefined && node !== null && typeof node === 'object') place.kids[index] = reader.placeOfFlow(valueAt);
      place = place.kids[index];
    }
    return unpack(key ? keyAt : valueAt);
  };
  return { file, value, locate, diagnostic: (path, message, key) => ({ file, ...locate(path, key), message }) };
}
