/**
 * The bundle memoises string-width for cli-table3 (scripts/bundle-plugins.ts: memoStringWidth),
 * which measures the same strings hundreds of thousands of times; tests import the sources,
 * so give cli-table3 the same memoised function here, or a wide `compare` takes a second per
 * render instead of milliseconds. Exact: string-width is a pure function of its argument.
 */
import { createRequire } from 'node:module';

const fromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const path = fromTable.resolve('string-width');
const cached = fromTable.cache[path] ?? (fromTable(path), fromTable.cache[path]!);
const stringWidth = cached.exports as ((text: string) => number) & { memoised?: true };
if (!stringWidth.memoised) {
  const widths = new Map<string, number>();
  const memoised = Object.assign((text: string) => {
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = stringWidth(text)));
    return width;
  }, { memoised: true as const });
  cached.exports = memoised;
}
