// Compiles knowledge/*.yaml into build/knowledge.json; a mistake fails with file:line:col.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileKnowledge } from '../src/knowledge/compile-builtin.js';
import { readKnowledgeDir } from '../src/knowledge/files.js';
import { DiagnosticsError } from '../src/errors.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export function compileBuiltin(): void {
  const knowledge = compileKnowledge(readKnowledgeDir(`${root}knowledge`, root));
  mkdirSync(`${root}build`, { recursive: true });
  writeFileSync(`${root}build/knowledge.json`, `${JSON.stringify(knowledge)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    compileBuiltin();
  } catch (error) {
    if (!(error instanceof DiagnosticsError)) throw error;
    process.stderr.write(`${error.message}\nknowledge base is invalid: fix the places above.\n`);
    process.exit(1);
  }
}
