/**
 * The part of the fast YAML reader that works within one line (keys, plain and quoted scalars,
 * one-line flow collections), with the subset's rules and the packed positions it records.
 * fast-yaml.ts reads whole files with it, and the streaming `check` (fast-check.ts) reads use
 * cases with it, through stream-reader.ts's line cursor, so both read every value the same way.
 */
/**
 * Where a collection's children and the keys that name them stand. Positions are packed as
 * line × 2^20 + column (a longer line makes the reader give up); `pos` holds a key position and
 * a value position per child (a sequence item's "key" is the item itself, as in parseYaml), and
 * `kids` the children that are collections themselves. Scalars get no object of their own:
 * a 16 MB file has a few hundred thousand of them. Nor do one-line flow collections until a
 * lookup needs their insides, which are then read again from their line.
 */
export interface Place {
  names: string[] | undefined;
  pos: number[];
  /** undefined for a scalar, and for a flow collection until a lookup reads its line again. */
  kids: Array<Place | undefined>;
}

export const COLUMNS = 2 ** 20;
export const pack = (line: number, col: number) => line * COLUMNS + col;
export const unpack = (p: number) => ({ line: Math.floor(p / COLUMNS), col: p % COLUMNS });

/** Thrown inside the reader to abandon the fast path; never escapes it. */
export class Unsupported extends Error {}
export const unsupported = (): never => {
  throw new Unsupported();
};

export const MAX_DEPTH = 64;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
// Forms the core schema resolves specially and this reader leaves to the full parser.
const SPECIAL = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// Tabs, CR, BOM, control and Unicode line-break characters: legal in places, left to the full parser.
// eslint-disable-next-line no-control-regex
export const AWKWARD_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// Characters that may not start a plain scalar here (indicators, or ones this reader leaves alone).
export const NOT_PLAIN_START = new Set([...'&*!|>%@`,[]{}?:-#\'"']);
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

export function resolvePlain(text: string): unknown {
  // Only digits, signs, dots and a few letters can start a non-string; test the regexes for those.
  switch (text[0]) {
    case 't': case 'T': case 'f': case 'F':
      return BOOL.test(text) ? text[0] === 't' || text[0] === 'T' : text;
    case 'n': case 'N': case '~':
      return NULL.test(text) ? unsupported() : text;
    case '+': case '-': case '.': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      if (INT.test(text)) return parseInt(text, 10);
      if (FLOAT.test(text)) return parseFloat(text);
      return SPECIAL.test(text) ? unsupported() : text;
    default:
      return text;
  }
}

/** Whether resolvePlain reads `text` as a string (rather than a number, a boolean, or not at all). */
export function readsAsString(text: string): boolean {
  switch (text[0]) {
    case 't': case 'T': case 'f': case 'F':
      return !BOOL.test(text);
    case 'n': case 'N': case '~':
      return !NULL.test(text);
    case '+': case '-': case '.': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      return !INT.test(text) && !FLOAT.test(text) && !SPECIAL.test(text);
    default:
      return true;
  }
}

/** Keys the core schema reads as booleans or null, and keys the safe parser refuses. */
const UNUSUAL_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
export const unusualKey = (key: string) => UNUSUAL_KEYS.has(key);

/**
 * The part of the reader that reads within one line: keys, plain and quoted scalars, flow
 * collections. `line` and `lineStart` say which line, for the positions it records. Shared with
 * the streaming `check` (fast-check.ts), so that both read a value the same way.
 */
export class LineReader {
  /** The line being read (0-based) and the offset it starts at. */
  protected line = 0;
  protected lineStart = 0;
  /** Side results of the readers, kept in fields to spare an object per value. */
  place: Place | undefined;
  valueAt = Number.NaN;
  /** Where the value just read ends (exclusive). */
  end = 0;
  /** Whether flow collections record where their children stand (only when read again for a lookup). */
  protected flowPlaces = false;

  constructor(protected readonly text: string) {}

  /** Moves the reader to a line, for the positions it records. */
  onLine(line: number, lineStart: number): void {
    this.line = line;
    this.lineStart = lineStart;
  }

  protected at(offset: number): number {
    return pack(this.line + 1, offset - this.lineStart + 1);
  }

  /** The key-like word ([A-Za-z_][A-Za-z0-9_-]*) starting at `at`, if any; the caller checks what follows. */
  key(at: number, end: number): string | undefined {
    const first = this.text.charCodeAt(at);
    if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95) || at >= end) return undefined;
    let p = at + 1;
    for (; p < end; p++) {
      const c = this.text.charCodeAt(p);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH)) break;
    }
    return this.text.slice(at, p);
  }

  /**
   * A value on the rest of a line in block context (after `key: ` or `- `): a flow collection,
   * a quoted or a plain scalar, and then only a comment. The caller checks the lines after it.
   */
  inlineValue(at: number, end: number): unknown {
    const ch = this.text[at]!;
    let value: unknown;
    if (ch === '{' || ch === '[') value = this.flow(at, end, 0);
    else if (ch === '"' || ch === "'") value = this.quoted(at, end);
    else {
      if (NOT_PLAIN_START.has(ch)) unsupported();
      let stop = at;
      while (stop < end && !(this.text.charCodeAt(stop) === HASH && this.text.charCodeAt(stop - 1) === SPACE)) stop++;
      const raw = this.text.slice(at, stop).trimEnd();
      if (raw.includes(': ') || raw.endsWith(':')) unsupported();
      value = resolvePlain(raw);
      this.scalarAt(at, at + raw.length);
    }
    this.trailer(this.end, end);
    return value;
  }

  protected scalarAt(at: number, end: number): void {
    this.place = undefined;
    this.valueAt = this.at(at);
    this.end = end;
  }

  /** After a value only spaces and a comment (after at least one space) may follow. */
  trailer(at: number, end: number): void {
    let p = at;
    while (this.text.charCodeAt(p) === SPACE) p++;
    if (p === end) return;
    if (this.text.charCodeAt(p) !== HASH || p === at) unsupported();
  }

  quoted(at: number, end: number): string {
    if (this.text[at] === '"') {
      const close = this.text.indexOf('"', at + 1);
      if (close === -1 || close >= end) unsupported();
      const value = this.text.slice(at + 1, close);
      if (value.includes('\\')) unsupported();
      this.scalarAt(at, close + 1);
      return value;
    }
    let value = '';
    let p = at + 1;
    for (;;) {
      const close = this.text.indexOf("'", p);
      if (close === -1 || close >= end) unsupported();
      value += this.text.slice(p, close);
      if (this.text.charCodeAt(close + 1) !== 39) {
        this.scalarAt(at, close + 1);
        return value;
      }
      value += "'";
      p = close + 2;
    }
  }

  skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** A one-line `{…}` or `[…]`, nested to any depth. */
  flow(at: number, end: number, depth: number): unknown {
    if (depth > MAX_DEPTH) unsupported();
    const isMap = this.text[at] === '{';
    const close = isMap ? '}' : ']';
    const self: Place | undefined = this.flowPlaces ? { names: isMap ? [] : undefined, pos: [], kids: [] } : undefined;
    const object: Record<string, unknown> | undefined = isMap ? {} : undefined;
    const list: unknown[] | undefined = isMap ? undefined : [];
    let p = this.skipSpaces(at + 1);
    if (this.text[p] === close) p++;
    else {
      for (;;) {
        if (p >= end) unsupported();
        if (object) {
          const key = this.key(p, end) ?? unsupported();
          const keyAt = self ? this.at(p) : 0;
          p += key.length;
          if (this.text.charCodeAt(p) !== COLON || this.text.charCodeAt(p + 1) !== SPACE) unsupported();
          if (unusualKey(key) || Object.hasOwn(object, key)) unsupported();
          object[key] = this.flowValue(this.skipSpaces(p + 1), end, depth);
          if (self) {
            self.names!.push(key);
            self.pos.push(keyAt, this.valueAt);
          }
        } else {
          list!.push(this.flowValue(p, end, depth));
          self?.pos.push(this.valueAt, this.valueAt);
        }
        self?.kids.push(this.place);
        p = this.skipSpaces(this.end);
        if (this.text[p] === ',') {
          p = this.skipSpaces(p + 1);
          if (this.text[p] === close || this.text[p] === ',') unsupported();
          continue;
        }
        if (this.text[p] !== close) unsupported();
        p++;
        break;
      }
    }
    this.place = self;
    this.valueAt = this.at(at);
    this.end = p;
    return object ?? list;
  }

  /** The end (exclusive) of the plain scalar in flow context starting at `at`. */
  flowPlainEnd(at: number, end: number): number {
    let p = at;
    for (; p < end; p++) {
      const c = this.text.charCodeAt(p);
      // , ] } end the scalar. A colon inside one (a URL) is fine unless a space or flow
      // indicator follows; a # is fine unless a space precedes it; [ { are left to the parser.
      if (c === 44 || c === 93 || c === 125) break;
      if (c === COLON) {
        const next = this.text.charCodeAt(p + 1);
        if (p + 1 >= end || next === SPACE || next === 44 || next === 91 || next === 93 || next === 123 || next === 125) unsupported();
      } else if ((c === HASH && this.text.charCodeAt(p - 1) === SPACE) || c === 91 || c === 123) {
        unsupported();
      }
    }
    return p;
  }

  flowValue(at: number, end: number, depth: number): unknown {
    const ch = this.text[at];
    if (ch === '{' || ch === '[') return this.flow(at, end, depth + 1);
    if (ch === '"' || ch === "'") return this.quoted(at, end);
    if (ch === undefined || NOT_PLAIN_START.has(ch)) unsupported();
    const raw = this.text.slice(at, this.flowPlainEnd(at, end)).trimEnd();
    this.scalarAt(at, at + raw.length);
    return resolvePlain(raw);
  }
}
