/**
 * Text that came from user files or arguments, made safe to print. Every control character
 * (C0, DEL, C1), line and paragraph separator and bidirectional override is shown as a visible
 * escape (`\n`, `\u202e`) rather than dropped, so the reader sees that something was there,
 * a terminal cannot be recoloured, retitled or driven by it, and no quoted value can start a
 * line of its own: a CI log reads `::error …` and `::add-mask::` at the start of a line as
 * commands, and pull-request authors write stack files.
 */

/**
 * What a terminal, a log viewer or a reader's eye acts on or cannot see, besides C0/DEL/C1:
 * bidi marks, overrides and isolates, line and paragraph separators, and the invisible
 * formatters (zero-width space and joiners, word joiner, byte-order mark) that make two
 * different keys look alike.
 */
const INVISIBLE = '\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
const UNSAFE_BUT_NEWLINE = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
/** What JSON.stringify leaves raw but a terminal or a log viewer acts on. */
const UNSAFE_IN_JSON = new RegExp(`[\\u007f-\\u009f${INVISIBLE}]`, 'g');
/** The legacy workflow command, which GitHub's runner reads anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

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
  const whole = String(text);
  // A 4 MB value is named, not printed: its start and its length say which one it is.
  const shown = whole.length > MAX_QUOTED ? `${whole.slice(0, MAX_QUOTED)}…` : whole;
  const quoted = `"${visible(shown.replace(/[\\"]/g, '\\$&'))}"`;
  return shown === whole ? quoted : `${quoted} (${whole.length.toLocaleString('en-US')} characters)`;
}

/** How much of a value an error message quotes. */
const MAX_QUOTED = 200;

/** Text that may span lines (a rendered report): every unsafe character but the newline escaped. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeChar);
}

/**
 * JSON text with the characters JSON.stringify leaves raw escaped as \uXXXX, and `##[` as
 * `#\u0023[`: the same values (each stands inside a string, where the escape means the same
 * character), safe to show in a CI log. Also for YAML whose such strings are double-quoted.
 */
export function safeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escapeChar).replace(LEGACY_COMMAND, '#\\u0023[');
}

/** Whether the text holds the legacy workflow command `##[`. */
export function hasLegacyCommand(text: string): boolean {
  return text.includes('##[');
}

/** A character as an XML character reference. */
const xmlReference = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const XML_INVISIBLE = new RegExp(`[\u007f-\u009f${INVISIBLE}]`, 'g');

/**
 * Text for XML 1.0 content and attributes (JUnit, the HTML report): markup escaped; bidi,
 * C1 and invisible characters and the `#` of `##[` as character references, so the value is
 * exact and the log shows no raw one; the `:` of a line-starting `::` likewise. C0 controls
 * are not XML characters at all (not even as references): they are shown as visible escapes.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_FORBIDDEN, escapeChar)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(XML_INVISIBLE, xmlReference)
    .replace(LEGACY_COMMAND, '#&#x23;[')
    .replace(/^(\s*):/gm, '$1&#x3A;')
    // Lone surrogates and U+FFFE/U+FFFF are not XML characters either.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '');
}

/** Whether any unsafe character (newline included) is in the text. */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

// Colour sequences the CLI writes itself (chalk's SGR) are the only escapes output may keep,
// and only when it is colouring: then no other SGR can tell itself apart, so colour is off for
// every file, pipe and CI log.
const OUTPUT_UNSAFE_COLOUR = new RegExp(`\\u001b(?!\\[[0-9;]*m)|[\\u0000-\\u0009\\u000b-\\u001a\\u001c-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
const OUTPUT_UNSAFE = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
/**
 * A line a GitHub runner would read as a workflow command: `::name::` (it trims leading spaces
 * first). The legacy `##[name]` form it reads anywhere in a line (LEGACY_COMMAND).
 */
const COMMAND_LINE = /^(\s*)(::)/gm;

/**
 * The last guard before text is written to a terminal, a file or a log (a report, an error, a
 * notice): no raw control or invisible character, no line that begins a workflow command (`::`,
 * prefixed with a backslash, visibly) and no `##[` anywhere (written `#\#[`), whatever a
 * renderer missed. JSON, YAML and XML renderers escape these themselves, keeping values
 * exact (safeJson, xmlEscape), so the guard finds nothing left to change in them.
 */
export function guardOutput(text: string, options: { commands?: boolean; colour?: boolean } = {}): string {
  const escaped = text.replace(options.colour === false ? OUTPUT_UNSAFE : OUTPUT_UNSAFE_COLOUR, escapeChar).replace(LEGACY_COMMAND, '#\\#[');
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

/**
 * Markdown that carries no raw HTML: text from an overlay (a title, a description) could
 * otherwise open a tag in a rendered pull-request comment or README. Every `<` outside a code
 * span becomes `&lt;` (inside one, Markdown shows it literally anyway), except the `<br>` line
 * breaks renderers put in table cells.
 */
export function markdownWithoutHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(/(`[^`]*`)/).map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?!br>)/g, '&lt;'))).join(''))
    .join('\n');
}
