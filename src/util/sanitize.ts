/**
 * Text that came from user files or arguments, made safe to print. Every control character
 * (C0, DEL, C1), line and paragraph separator and bidirectional override is shown as a visible
 * escape (`\n`, `\u202e`) rather than dropped, so the reader sees that something was there,
 * a terminal cannot be recoloured, retitled or driven by it, and no quoted value can start a
 * line of its own: a CI log reads `::error …` and `::add-mask::` at the start of a line as
 * commands, and pull-request authors write stack files.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal or a log viewer acts on. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeChar = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line: every unsafe character, newlines included, as a visible escape. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/**
 * A value quoted from the user's input into a message: `"like this"`, on one line, with
 * quotes and backslashes escaped so the quoted value cannot seem to end early.
 */
export function quote(text: unknown): string {
  return `"${visible(String(text).replace(/[\\"]/g, '\\$&'))}"`;
}

/** Text that may span lines (a rendered report): every unsafe character but the newline escaped. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeChar);
}

/** JSON text with the characters JSON.stringify leaves raw escaped as \uXXXX: the same value, safe to show. */
export function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escapeChar);
}

/** Whether any unsafe character (newline included) is in the text. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

// Colour sequences the CLI writes itself (chalk's SGR) are the only escapes output may keep.
// eslint-disable-next-line no-control-regex
const OUTPUT_UNSAFE = /\u001b(?!\[[0-9;]*m)|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * A line a GitHub runner would read as a workflow command: `::name::` or the legacy
 * `##[name]`, which runners still honour (it trims leading spaces first).
 */
const COMMAND_LINE = /^(\s*)(::|##\[)/gm;

/**
 * The last guard before anything is written (a report, an error, a notice): no raw control
 * character, and no line that begins a workflow command (`::`), whatever a renderer missed.
 * A line that would is prefixed with a backslash, visibly.
 */
export function guardOutput(text: string, options: { commands?: boolean } = {}): string {
  const escaped = text.replace(OUTPUT_UNSAFE, escapeChar);
  // `check --format github` writes workflow commands on purpose; its renderer guards its own lines.
  return options.commands ? escaped : escaped.replace(COMMAND_LINE, '$1\\$2');
}

/** Sanitises every string (and key) in a parsed YAML/JSON value; multi-line text keeps its newlines. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitize(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[sanitize(key)] = sanitizeDeep(inner);
    return out as T;
  }
  return value;
}
