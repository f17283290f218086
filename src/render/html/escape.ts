/**
 * The one escape of the HTML report. Every value interpolated into `html` is escaped unless it
 * is Markup this renderer built itself, so text from the knowledge, an overlay or the answers
 * can never open a tag or leave an attribute, whatever it holds.
 */
import { xmlEscape } from '../../util/sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element text and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  // xmlEscape keeps bidi and invisible characters exact as character references, and breaks `##[`.
  return xmlEscape(text).replace(/["']/g, (c) => ENTITIES[c]!);
}

/** Markup made by this renderer: interpolated as it is. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Part = Markup | string | number | undefined | null | false | readonly Part[];

function piece(value: Part): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

/** A template tag: literal markup as written, every interpolated value escaped (arrays joined, empty values dropped). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Markup {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += piece(value) + strings[i + 1]!;
  });
  return new Markup(out);
}
