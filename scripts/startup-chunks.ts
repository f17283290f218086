// What the CLI loads at start, and merging it into one file. esbuild's code splitting gives
// every combination of lazily loaded modules its own shared chunk, so the start path reads
// twenty-odd small files; each costs Node a resolve, a read, a compile and a link (~10 ms in
// all on the benchmark machine). The chunks the entry imports statically are bundled again into
// one `chunks/startup.js`; the lazy chunks then import from it, so every module still exists
// once (`instanceof` across chunks keeps working).
import { build, type Metafile } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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

const IMPORT_LIST = /\b(import|export)\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g;
const BARE_IMPORT = /\bimport\s*"([^"]+)"/g;

/**
 * Bundles the chunks `entry` imports statically into `chunks/startup.js`, re-exporting each
 * chunk's exports under a prefixed name, and points every remaining output at it. `cwd` is the
 * directory the metafile's paths are relative to (esbuild's absWorkingDir).
 */
export async function mergeStartupChunks(metafile: Metafile, entry: string, cwd = process.cwd()): Promise<void> {
  const abs = (file: string) => resolve(cwd, file);
  const merged = staticClosure(metafile, entry).slice(1);
  if (merged.length < 2) return;
  const chunksDir = dirname(abs(merged[0]!));
  const target = join(chunksDir, 'startup.js');
  const prefix = new Map(merged.map((file, i) => [abs(file), `s${i}$`]));

  // Re-exported in the entry's load order, so top-level code runs in the same order as before.
  const lines = merged.map((file) => {
    const names = metafile.outputs[file]!.exports;
    const p = prefix.get(abs(file))!;
    return names.length > 0 ? `export { ${names.map((n) => `${n} as ${p}${n}`).join(', ')} } from ${JSON.stringify(abs(file))};` : `import ${JSON.stringify(abs(file))};`;
  });
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: chunksDir, sourcefile: 'startup-entry.js' },
    outfile: target,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
    // The lazy chunks stay where they are; a relative path from chunks/ is the same from startup.js.
    plugins: [{ name: 'keep-lazy', setup: (b) => b.onResolve({ filter: /.*/ }, (a) => (a.kind === 'dynamic-import' ? { path: a.path, external: true } : undefined)) }],
  });

  for (const file of Object.keys(metafile.outputs).filter((f) => f.endsWith('.js') && !merged.includes(f))) {
    const path = abs(file);
    const code = readFileSync(path, 'utf8');
    const target_ = (specifier: string) => (specifier.startsWith('.') ? prefix.get(resolve(dirname(path), specifier)) : undefined);
    let spec = relative(dirname(path), target).split('\\').join('/');
    if (!spec.startsWith('.')) spec = `./${spec}`;
    const rewritten = code
      .replace(IMPORT_LIST, (whole, keyword: string, list: string, specifier: string) => {
        const p = target_(specifier);
        if (p === undefined) return whole;
        const names = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map((item) => {
            const [name, alias] = item.split(/\s+as\s+/);
            return `${p}${name} as ${alias ?? name}`;
          });
        return `${keyword}{${names.join(',')}}from${JSON.stringify(spec)}`;
      })
      .replace(BARE_IMPORT, (whole, specifier: string) => (target_(specifier) === undefined ? whole : `import${JSON.stringify(spec)}`));
    for (const m of merged) {
      const name = m.split('/').pop()!;
      if (rewritten.includes(`"./${name}"`) || rewritten.includes(`/${name}"`)) throw new Error(`${file} still refers to ${name} after merging the start-up chunks`);
    }
    if (rewritten !== code) writeFileSync(path, rewritten);
  }
  for (const file of merged) rmSync(abs(file));
}
