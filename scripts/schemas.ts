// Writes the JSON Schemas into schemas/, for the package: the same documents
// `genai-advisor knowledge schema --which <name>` prints for the built-in knowledge.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Knowledge } from '../src/knowledge/types.js';
import { PUBLISHED_SCHEMAS, publishedSchema, schemaFile } from '../src/schemas/published.js';

/** File name → schema. */
export function schemasFor(knowledge: Knowledge): Record<string, object> {
  return Object.fromEntries(PUBLISHED_SCHEMAS.map((name) => [schemaFile(name), publishedSchema(name, knowledge)]));
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
