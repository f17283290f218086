/**
 * The fast reader's block reading, one line at a time: a cursor that finds each line as it
 * reaches it (no table of all lines), and block mappings and sequences with the places of their
 * children. fast-yaml.ts reads whole files with it; fast-check.ts builds on it to read a stack
 * file one use case at a time.
 */
import { COLUMNS, LineReader, MAX_DEPTH, pack, unsupported, unusualKey, type Place } from './line-reader.js';

const SPACE = 32;
const HASH = 35;
const COLON = 58;

export class StreamReader extends LineReader {
  // The line the cursor is on (LineReader's `line` and `lineStart`), its end and its indent.
  protected lineEnd = 0;
  protected indent = 0;
  protected eof = false;
  /**
   * Whether one-line flow collections record where their children stand as they are read. A
   * whole-file read leaves that to a lookup, which reads the line again (most are never looked up).
   */
  protected eagerFlowPlaces = true;

  // --- the line cursor -------------------------------------------------------------------

  protected setLine(line: number, start: number): void {
    const text = this.text;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start >= COLUMNS) unsupported();
    let p = start;
    while (text.charCodeAt(p) === SPACE) p++;
    this.line = line;
    this.lineStart = start;
    this.lineEnd = end;
    this.indent = p - start;
  }

  protected nextLine(): void {
    if (this.lineEnd >= this.text.length) this.eof = true;
    else this.setLine(this.line + 1, this.lineEnd + 1);
  }

  /** Skips blank and comment-only lines; true while a content line remains. */
  protected more(): boolean {
    while (!this.eof) {
      const at = this.lineStart + this.indent;
      if (at < this.lineEnd && this.text.charCodeAt(at) !== HASH) return true;
      this.nextLine();
    }
    return false;
  }

  protected isSeqItem(): boolean {
    const at = this.lineStart + this.indent;
    return this.text.charCodeAt(at) === 45 && (at + 1 === this.lineEnd || this.text.charCodeAt(at + 1) === SPACE);
  }

  protected isCompactKey(at: number, end: number): boolean {
    const key = this.key(at, end);
    if (key === undefined) return false;
    const colon = at + key.length;
    return this.text.charCodeAt(colon) === COLON && (colon + 1 === end || this.text.charCodeAt(colon + 1) === SPACE);
  }

  /** `key:` at `start`, checked as fast-yaml's block mappings check it; returns the key. */
  protected blockKey(start: number, end: number, key = this.key(start, end)): string {
    if (key === undefined) return unsupported();
    const colon = start + key.length;
    if (this.text.charCodeAt(colon) !== COLON || (colon + 1 < end && this.text.charCodeAt(colon + 1) !== SPACE)) unsupported();
    return key;
  }

  // --- generic block reading, as fast-yaml's Reader does it --------------------------------

  protected block(depth: number): unknown {
    if (depth > MAX_DEPTH) unsupported();
    const indent = this.indent;
    return this.isSeqItem() ? this.seq(indent, depth) : this.map(indent, depth);
  }

  protected map(indent: number, depth: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    const self: Place = { names: [], pos: [], kids: [] };
    const selfAt = pack(this.line + 1, indent + 1);
    while (this.more() && this.indent === indent) {
      if (this.isSeqItem()) unsupported();
      const line = this.line;
      const end = this.lineEnd;
      const key = this.blockKey(this.lineStart + indent, end);
      if (unusualKey(key) || Object.hasOwn(value, key)) unsupported();
      value[key] = this.entryValue(this.lineStart + indent + key.length + 1, end, indent, depth);
      self.names!.push(key);
      self.pos.push(pack(line + 1, indent + 1), this.valueAt);
      self.kids.push(this.place);
    }
    if (this.more() && this.indent > indent) unsupported();
    this.place = self;
    this.valueAt = selfAt;
    return value;
  }

  protected seq(indent: number, depth: number): unknown[] {
    const value: unknown[] = [];
    const self: Place = { names: undefined, pos: [], kids: [] };
    const selfAt = pack(this.line + 1, indent + 1);
    while (this.more() && this.indent === indent && this.isSeqItem()) {
      const end = this.lineEnd;
      const rest = this.skipSpaces(this.lineStart + indent + 1);
      let child: unknown;
      if (rest === end || this.text.charCodeAt(rest) === HASH) {
        this.nextLine();
        if (!this.more() || this.indent <= indent) unsupported();
        child = this.block(depth + 1);
      } else if (this.text.charCodeAt(rest) === 45 && (rest + 1 === end || this.text.charCodeAt(rest + 1) === SPACE)) {
        unsupported();
      } else if (this.isCompactKey(rest, end)) {
        // `- key: value`: a mapping whose lines are indented to the key's column.
        this.indent = rest - this.lineStart;
        child = this.map(this.indent, depth + 1);
      } else {
        child = this.inline(rest, end, indent);
      }
      self.pos.push(this.valueAt, this.valueAt);
      self.kids.push(this.place);
      value.push(child);
    }
    if (this.more() && this.indent > indent) unsupported();
    this.place = self;
    this.valueAt = selfAt;
    return value;
  }

  /** The value after `key:` (from just past the colon): inline, or a block on the lines below. */
  protected entryValue(afterColon: number, end: number, indent: number, depth: number, places = this.eagerFlowPlaces): unknown {
    const rest = this.skipSpaces(afterColon);
    if (rest !== end && this.text.charCodeAt(rest) !== HASH) return this.inline(rest, end, indent, places);
    this.nextLine();
    if (!this.more()) unsupported();
    if (this.indent > indent) return this.block(depth + 1);
    if (this.indent === indent && this.isSeqItem()) return this.seq(indent, depth + 1);
    return unsupported();
  }

  /**
   * A value on the rest of the line. With `places`, flow collections record where their
   * children stand, as a lookup would read them again.
   */
  protected inline(at: number, end: number, indent: number, places = this.eagerFlowPlaces): unknown {
    this.flowPlaces = places;
    const value = this.inlineValue(at, end);
    this.flowPlaces = false;
    this.nextLine();
    if (this.more() && this.indent > indent) unsupported();
    return value;
  }
}
