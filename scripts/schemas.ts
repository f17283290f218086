// Writes the JSON Schemas of the files users write into schemas/, for the package: the same
// documents `genai-advisor knowledge schema --which <name>` prints for the built-in knowledge.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { STACK_SCHEMA_FILE, stackSchema } from '../src/check/schema.js';
import { answersSchema, idsOf, knowledgeFileSchema } from '../src/knowledge/schema.js';
import type { Knowledge } from '../src/knowledge/types.js';
import { vocabularyOf } from '../src/knowledge/vocabulary.js';

/** File name → schema. The stack schema's name is the one `init` points editors at. */
export function schemasFor(knowledge: Knowledge): Record<string, object> {
  return {
    'overlay.schema.json': knowledgeFileSchema(false, vocabularyOf(knowledge)),
    'answers.schema.json': answersSchema(knowledge.questions, idsOf(knowledge)),
    [basename(STACK_SCHEMA_FILE)]: stackSchema(vocabularyOf(knowledge), idsOf(knowledge)),
  };
}

export function writeSchemas(dir: string, knowledge: Knowledge): string[] {
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.schema.json')) rmSync(join(dir, file));
  return Object.entries(schemasFor(knowledge)).map(([name, schema]) => {
    const file = join(dir, name);
    writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    return file;
  });
}
