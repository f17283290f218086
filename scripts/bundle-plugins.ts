// esbuild plugins that make the bundle start faster without changing what it does.
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';

/**
 * The knowledge base as `JSON.parse('…')`: V8 parses a JSON string several times faster than
 * the same data written as an object literal, which is what esbuild would emit.
 */
export const knowledgeAsJson: Plugin = {
  name: 'knowledge-as-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]build[\\/]knowledge\.json$/ }, (args) => {
      const data = JSON.parse(readFileSync(args.path, 'utf8')) as unknown;
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, loader: 'js' };
    });
  },
};

/**
 * cli-table3 measures text with string-width 4, which builds and runs a 10 kB emoji regex on
 * every call, and a wrapped table asks for the same strings' widths hundreds of thousands of
 * times (`compare` spent ~250 ms there). A pure function of its argument, so memoising it is exact.
 */
export const memoStringWidth: Plugin = {
  name: 'memo-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.namespace === 'memo-string-width' ? undefined : { path: 'string-width', namespace: 'memo-string-width', pluginData: args.resolveDir },
    );
    b.onLoad({ filter: /.*/, namespace: 'memo-string-width' }, (args) => ({
      contents: [
        "const stringWidth = require('string-width');",
        'const widths = new Map();',
        'module.exports = function memoStringWidth(text) {',
        '  let width = widths.get(text);',
        '  if (width === undefined) widths.set(text, (width = stringWidth(text)));',
        '  return width;',
        '};',
      ].join('\n'),
      resolveDir: args.pluginData as string,
      loader: 'js',
    }));
  },
};
