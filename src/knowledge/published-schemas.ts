/** The JSON Schemas the package publishes, by name: `knowledge schema` prints them, the MCP server serves them. */
import type { Knowledge } from './types.js';

export const SCHEMAS = ['overlay', 'answers', 'stack'] as const;
export type SchemaName = (typeof SCHEMAS)[number];

/** The JSON Schemas users can point an editor or a CI step at; answers follow the knowledge in use. */
export async function schemaFor(name: SchemaName, knowledge: Knowledge): Promise<object> {
  switch (name) {
    case 'overlay':
      {
      const [{ knowledgeFileSchema }, { vocabularyOf }] = await Promise.all([import('./schema.js'), import('./vocabulary.js')]);
      return knowledgeFileSchema(false, vocabularyOf(knowledge));
    }
    case 'answers':
      {
      const { answersSchema, idsOf } = await import('./schema.js');
      return answersSchema(knowledge.questions, idsOf(knowledge));
    }
    case 'stack':
      {
      const [{ stackSchema }, { idsOf }, { vocabularyOf }] = await Promise.all([import('../check/schema.js'), import('./schema.js'), import('./vocabulary.js')]);
      return stackSchema(vocabularyOf(knowledge), idsOf(knowledge));
    }
  }
}
