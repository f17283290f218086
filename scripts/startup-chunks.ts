// What the CLI loads at start, and merging it into one CommonJS file.
//
// esbuild's code splitting gives every combination of lazily loaded modules its own shared
// chunk, so the start path reads twenty-odd small ES modules; each costs Node a resolve, an
// asynchronous read, a compile and a link. And an ES module start pays for Node's ESM loader
// itself, and for the ESM facade of every built-in it imports (node:fs's facade alone reads
// every lazy export, streams included). So the entry and every chunk it imports statically
// are bundled again into one CommonJS file, `cli.cjs`, that the bin runs: ~6 ms less on the
// benchmark machine. The lazy chunks stay ES modules; what they share with the start path they
// take from cli.cjs's exports, so every module still exists once (`instanceof` across chunks
// keeps working). `cli.js` remains, as an ES module that loads cli.cjs. The bundle's import()
// of a lazy chunk goes through `__import` when its loader (bin/genai-advisor.js, which compiles
// it with V8's code cache) passes one.
import { build, type Metafile } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Output files reachable from `entry` through static imports, the entry included, in load order. */
export function staticClosure(metafile: Metafile, entry: string): string[] {
  const order: string[] = [];
  const visit = (file: string) => {
    if (order.includes(file)) return;
    order.push(file);
    for (const imported of metafile.outputs[file]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return order;
}

/** The packages whose code runs (or could run) at start: those bundled into the static closure. */
export function staticPackages(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  for (const file of staticClosure(metafile, entry)) {
    for (const input of Object.keys(metafile.outputs[file]!.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (match) packages.add(match[1]!);
    }
  }
  return packages;
}

/** `__import` from the code-cache loader, else Node's own import() (relative to cli.cjs). */
const LAZY_IMPORT = 'var __lazy=typeof __import=="function"?__import:s=>import(s);';

const IMPORT_LIST = /\b(import|export)\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g;
const BARE_IMPORT = /\bimport\s*"([^"]+)"/g;

/**
 * A lazy chunk takes its shared bindings when its own code starts to run (see below), which is
 * only safe if no chunk it imports can call back into it first: no import cycles among them.
 */
function assertNoCycles(metafile: Metafile, files: string[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') throw new Error(`lazy chunks import each other in a cycle: ${[...path, file].join(' -> ')}`);
    state.set(file, 'visiting');
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && files.includes(imported.path)) visit(imported.path, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) visit(file, []);
}

/** A relative module specifier from `from`'s folder to `to`. */
function specifier(from: string, to: string): string {
  const spec = relative(dirname(from), to).split('\\').join('/');
  return spec.startsWith('.') ? spec : `./${spec}`;
}

/**
 * Bundles `entry` and the chunks it imports statically into `<entry>.cjs` (CommonJS), exporting
 * each chunk's exports under a prefixed name, and points every remaining chunk at it. `banner`
 * is the ESM-only preamble the first build put at the top of some chunks (a `require` made with
 * createRequire); CommonJS has its own. `cwd` is the directory the metafile's paths are relative
 * to (esbuild's absWorkingDir).
 */
export async function mergeStartupChunks(metafile: Metafile, entry: string, cwd = process.cwd(), banner = ''): Promise<void> {
  const abs = (file: string) => resolve(cwd, file);
  const closure = staticClosure(metafile, entry);
  const [entryFile, ...chunks] = closure.map(abs) as [string, ...string[]];
  const target = entryFile.replace(/\.js$/, '.cjs');
  const prefix = new Map(chunks.map((file, i) => [file, `s${i}$`]));
  const members = new Set(closure.map(abs));

  // Re-exported in the entry's load order, so top-level code runs in the same order as before;
  // the entry's own code last, as it ran after its imports.
  const lines = closure.slice(1).map((file) => {
    const names = metafile.outputs[file]!.exports;
    const p = prefix.get(abs(file))!;
    return names.length > 0 ? `export { ${names.map((n) => `${n} as ${p}${n}`).join(', ')} } from ${JSON.stringify(abs(file))};` : `import ${JSON.stringify(abs(file))};`;
  });
  lines.push(`import ${JSON.stringify(entryFile)};`);
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: dirname(entryFile), sourcefile: 'startup-entry.js' },
    outfile: target,
    // ES modules are strict; so stays their code in CommonJS.
    banner: { js: `"use strict";${LAZY_IMPORT}` },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: process.env.GENAI_ADVISOR_READABLE_BUILD !== '1',
    logLevel: 'warning',
    plugins: [
      {
        name: 'startup-members',
        setup(b) {
          // The lazy chunks stay where they are: an import() keeps pointing at them, from cli.cjs.
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            return { path: specifier(target, resolve(args.resolveDir, args.path)), external: true };
          });
          b.onLoad({ filter: /\.js$/ }, (args) => {
            if (!members.has(args.path)) return undefined;
            const code = readFileSync(args.path, 'utf8');
            return { contents: banner && code.startsWith(banner) ? code.slice(banner.length) : code, loader: 'js' };
          });
        },
      },
    ],
  });

  // Every import() is of a lazy chunk, relative to cli.cjs: route them all through __lazy.
  const bundled = readFileSync(target, 'utf8');
  const routed = bundled.replace(/\bimport\("(\.\/chunks\/[^"]+)"\)/g, '__lazy("$1")');
  if (routed.slice(routed.indexOf(LAZY_IMPORT) + LAZY_IMPORT.length).includes('import(')) throw new Error(`${target} has an import() that does not load a lazy chunk`);
  writeFileSync(target, routed);

  const remaining = Object.keys(metafile.outputs).filter((f) => f.endsWith('.js') && !members.has(abs(f)));
  for (const file of remaining) {
    const path = abs(file);
    const code = readFileSync(path, 'utf8');
    const member = (spec: string) => (spec.startsWith('.') ? prefix.get(resolve(dirname(path), spec)) : undefined);
    // What a chunk shared with the start path it now takes from cli.cjs, through require: the
    // bundle is already in the require cache, while an ES import of it would make Node scan
    // all of it for its export names (cjs-module-lexer, ~8 ms per command on the benchmark
    // machine). Values are taken once, as an ES import of CommonJS takes them.
    const bindings: string[] = [];
    const reexports: string[] = [];
    let rewritten = code
      .replace(IMPORT_LIST, (whole, keyword: string, list: string, from: string) => {
        const p = member(from);
        if (p === undefined) return whole;
        for (const item of list.split(',').map((x) => x.trim()).filter(Boolean)) {
          const [name, alias] = item.split(/\s+as\s+/) as [string, string | undefined];
          if (keyword === 'import') bindings.push(`${p}${name}:${alias ?? name}`);
          else {
            bindings.push(`${p}${name}:__cli_${p}${name}`);
            reexports.push(`__cli_${p}${name} as ${alias ?? name}`);
          }
        }
        return '';
      })
      .replace(BARE_IMPORT, (whole, from: string) => (member(from) === undefined ? whole : ''));
    if (bindings.length > 0) {
      const take = `import{createRequire as __cliRequire}from"node:module";const{${bindings.join(',')}}=__cliRequire(import.meta.url)(${JSON.stringify(specifier(path, target))});${reexports.length > 0 ? `export{${reexports.join(',')}};` : ''}`;
      // First in the chunk: imports are hoisted anyway, and its code must find the bindings taken.
      rewritten = take + rewritten;
    }
    for (const m of chunks) {
      const name = m.split('/').pop()!;
      if (rewritten.includes(`"./${name}"`) || rewritten.includes(`/${name}"`)) throw new Error(`${file} still refers to ${name} after merging the start-up chunks`);
    }
    if (rewritten !== code) writeFileSync(path, rewritten);
  }
  assertNoCycles(metafile, remaining);
  for (const file of chunks) rmSync(file);
  // `node dist/cli.js` still works: an ES module that runs the CommonJS bundle.
  writeFileSync(entryFile, `import ${JSON.stringify(specifier(entryFile, target))};\n`);
}
