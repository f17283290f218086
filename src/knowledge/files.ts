import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from './compile.js';

/** The built-in knowledge files in a stable order, with paths relative to `cwd` for messages. */
export function readKnowledgeDir(dir: string, cwd = process.cwd()): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: relative(cwd, join(dir, name)) || name, text: readFileSync(join(dir, name), 'utf8') }));
}
