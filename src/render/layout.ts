/**
 * Width-aware layout for the terminal renderers: grids that are drawn only when they fit,
 * the packed "key value" items of the stacked (card) layout, and legends. Every width is
 * measured on the visible text, so colour codes take no columns. Words are never cut: a text
 * goes through `wrap` (style.ts), which breaks only a word longer than the whole line.
 */
import { visibleLength, wrap } from './style.js';

export type Align = 'left' | 'right';

/** Pads `text` to `width` visible columns. */
export function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'left' ? text + fill : fill + text;
}

export interface Grid {
  head: string[];
  rows: string[][];
  /** Per column; the first column is left-aligned, the others right-aligned, by default. */
  align?: Align[];
  /** Spaces between two columns. */
  gap?: number;
}

const columnWidths = ({ head, rows }: Grid) => head.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))));

/** The columns a borderless grid takes. */
export function gridWidth(grid: Grid): number {
  const widths = columnWidths(grid);
  return widths.reduce((a, b) => a + b, 0) + (grid.gap ?? 2) * (widths.length - 1);
}

/** A borderless grid, one line per row, with the head as its first line (returned unstyled). */
export function renderGrid(grid: Grid): { head: string; rows: string[] } {
  const widths = columnWidths(grid);
  const gap = ' '.repeat(grid.gap ?? 2);
  const align = (i: number) => grid.align?.[i] ?? (i === 0 ? 'left' : 'right');
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, align(i))).join(gap).trimEnd();
  return { head: line(grid.head), rows: grid.rows.map(line) };
}

/**
 * Items laid out in aligned columns, as many per line as `width` allows (as `ls` does), each
 * line starting with `indent`: the stacked layout's "criterion rating" lines.
 */
export function pack(items: readonly string[], width: number, indent = '', gap = 3): string[] {
  if (items.length === 0) return [];
  const cell = Math.max(...items.map(visibleLength));
  const perLine = Math.max(1, Math.floor((width - indent.length + gap) / (cell + gap)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) {
    lines.push(indent + items.slice(i, i + perLine).map((item) => pad(item, cell)).join(' '.repeat(gap)).trimEnd());
  }
  return lines;
}

/**
 * Items one after another, separated by `separator`, a new line starting only between two
 * items; an item longer than a line is wrapped on its own.
 */
export function flow(items: readonly string[], width: number, separator = ' · '): string[] {
  // A line that ends before another item ends with the separator's mark, which must fit too.
  const mark = separator.trimEnd();
  const lines: string[] = [];
  let line = '';
  items.forEach((item, i) => {
    const end = i === items.length - 1 ? '' : mark;
    const candidate = line === '' ? item : `${line}${mark} ${item}`;
    if (visibleLength(candidate + end) <= width) line = candidate;
    else {
      if (line !== '') lines.push(`${line}${mark}`);
      if (visibleLength(item + end) <= width) line = item;
      else {
        const parts = wrap(item, width - end.length).split('\n');
        lines.push(...parts.slice(0, -1));
        line = parts[parts.length - 1] ?? '';
      }
    }
  });
  if (line !== '') lines.push(line);
  return lines;
}

/** Lowercase words, so "time-series" and "Time series" are one name. */
const normal = (text: string) => text.toLowerCase().replace(/[-_\s]+/g, ' ').trim();

/**
 * A legend that explains the short names a layout shows by their labels in the knowledge,
 * leaving out every name that its label only repeats ("cost: Cost").
 */
export function legend(entries: ReadonlyArray<readonly [name: string, label: string | undefined]>, width: number): string[] {
  const explained = entries.filter(([name, label]) => label !== undefined && normal(name) !== normal(label)).map(([name, label]) => `${name}: ${label}`);
  return flow(explained, width);
}
