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

/**
 * Libraries that run set-up code when loaded but are needed only on some paths: their import
 * becomes a stand-in that loads the library (still bundled, as a lazily initialised module) the
 * first time it is used. chalk probes the terminal and cli-table3 builds its colour tables at
 * load; commander loads child_process (and with it net, dgram…) for executable subcommands,
 * which this CLI has none of. Each stand-in is exact for the way the library is used: a
 * constructor (`new Table(…)`, `new Chalk(…)` return the real instance) or a module object.
 */
/** The project's own sources, not a dependency's `src/`. */
const SRC = /^(?!.*node_modules).*[\\/]src[\\/]/;
const LAZY_MODULES: Record<string, { importer: RegExp; contents: string }> = {
  'cli-table3': {
    importer: SRC,
    contents: "module.exports = function Table(options) { const Real = require('cli-table3'); return new Real(options); };",
  },
  chalk: {
    importer: SRC,
    contents: [
      "exports.Chalk = function Chalk(options) { const Real = require('chalk').Chalk; return new Real(options); };",
      "Object.defineProperty(exports, 'default', { enumerable: true, get: () => require('chalk').default });",
    ].join('\n'),
  },
  // chalk's colour detection (run when chalk is first used, see above) reads these.
  'node:os': {
    importer: /[\\/]node_modules[\\/]chalk[\\/]/,
    contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:os'))[key] });",
  },
  'node:tty': {
    importer: /[\\/]node_modules[\\/]chalk[\\/]/,
    contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:tty'))[key] });",
  },
  'node:child_process': {
    importer: /[\\/]node_modules[\\/]commander[\\/]/,
    contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
  },
};

export const lazyModules: Plugin = {
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(LAZY_MODULES).join('|')})$`);
    b.onResolve({ filter }, (args) => {
      const lazy = LAZY_MODULES[args.path]!;
      if (args.namespace === 'lazy-module' || !lazy.importer.test(args.importer)) return undefined;
      return { path: args.path, namespace: 'lazy-module', pluginData: args.resolveDir };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (args) => ({
      contents: LAZY_MODULES[args.path]!.contents,
      resolveDir: args.pluginData as string,
      loader: 'js',
    }));
  },
};
