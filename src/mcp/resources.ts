/**
 * What a client may read without calling a tool, each under a stable URI: every family's
 * profile (what `explain --format markdown` prints), the governance checklist items, and the
 * published JSON Schemas.
 */
import { PUBLISHED_SCHEMAS, publishedSchema, type PublishedSchema } from '../schemas/published.js';
import { familyIds, type FamilyId, type Knowledge } from '../knowledge/types.js';
import { renderExplainMarkdown } from '../render/families-markdown.js';

export const SCHEME = 'genai-advisor://';

export interface Resource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: string;
}

const GOVERNANCE = `${SCHEME}governance/items`;
const familyUri = (id: string) => `${SCHEME}families/${id}`;
const schemaUri = (name: string) => `${SCHEME}schemas/${name}`;

export const RESOURCE_TEMPLATES = [
  { uriTemplate: `${SCHEME}families/{family}`, name: 'family', title: 'Model family profile', description: "A family's profile as `genai-advisor explain <family> --format markdown` prints it", mimeType: 'text/markdown' },
  { uriTemplate: `${SCHEME}schemas/{name}`, name: 'schema', title: 'JSON Schema', description: `A published JSON Schema: ${PUBLISHED_SCHEMAS.join(', ')}`, mimeType: 'application/schema+json' },
];

export function listResources(knowledge: Knowledge): Resource[] {
  return [
    ...familyIds(knowledge).map((id) => ({
      uri: familyUri(id),
      name: `family-${id}`,
      title: knowledge.families[id].name,
      description: knowledge.families[id].summary,
      mimeType: 'text/markdown',
    })),
    {
      uri: GOVERNANCE,
      name: 'governance-items',
      title: 'Governance checklist items',
      description: `Every checklist item of the knowledge base (${knowledge.governance.length}), with when it applies and its references`,
      mimeType: 'application/json',
    },
    ...PUBLISHED_SCHEMAS.map((name) => ({ uri: schemaUri(name), name: `schema-${name}`, title: `${name} JSON Schema`, description: `The JSON Schema of ${name} ${['overlay', 'answers', 'stack'].includes(name) ? 'files' : 'documents (--format json)'}, as \`genai-advisor knowledge schema --which ${name}\` prints it`, mimeType: 'application/schema+json' })),
  ];
}

/** The resource's text, or undefined when no resource has this URI. */
export async function readResource(uri: string, knowledge: Knowledge): Promise<{ mimeType: string; text: string } | undefined> {
  if (uri === GOVERNANCE) return { mimeType: 'application/json', text: `${JSON.stringify(knowledge.governance, null, 2)}\n` };
  const family = familyIds(knowledge).find((id) => uri === familyUri(id));
  if (family !== undefined) return { mimeType: 'text/markdown', text: renderExplainMarkdown(knowledge, family as FamilyId) };
  const schema = PUBLISHED_SCHEMAS.find((name) => uri === schemaUri(name));
  if (schema !== undefined) return { mimeType: 'application/schema+json', text: `${JSON.stringify(publishedSchema(schema as PublishedSchema, knowledge), null, 2)}\n` };
  return undefined;
}
