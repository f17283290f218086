import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { familyIds } from '../../src/knowledge/types.js';
import { PUBLISHED_SCHEMAS } from '../../src/schemas/names.js';
import { connect } from '../helpers/mcp.js';
import { runInProcess } from '../helpers/run.js';

describe('MCP resources', () => {
  it('lists each family, the governance items and the published schemas under stable URIs', async () => {
    const { client, close } = await connect();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([
      ...familyIds(builtinKnowledge).map((id) => `genai-advisor://families/${id}`),
      'genai-advisor://governance/items',
      ...PUBLISHED_SCHEMAS.map((name) => `genai-advisor://schemas/${name}`),
    ]);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['genai-advisor://families/{family}', 'genai-advisor://schemas/{name}']);
    await close();
  });

  it("serves a family's profile as `explain --format markdown` prints it, the items, and each schema as `knowledge schema` prints it", async () => {
    const { client, close } = await connect();
    const read = async (uri: string) => (await client.readResource({ uri })).contents[0] as { uri: string; mimeType: string; text: string };
    const family = await read('genai-advisor://families/diffusion');
    expect(family).toMatchObject({ uri: 'genai-advisor://families/diffusion', mimeType: 'text/markdown' });
    expect(family.text).toBe((await runInProcess(['explain', 'diffusion', '--format', 'markdown'])).stdout);
    const items = JSON.parse((await read('genai-advisor://governance/items')).text) as Array<{ id: string }>;
    expect(items.map((i) => i.id)).toEqual(builtinKnowledge.governance.map((i) => i.id));
    for (const name of PUBLISHED_SCHEMAS) {
      const schema = await read(`genai-advisor://schemas/${name}`);
      expect(schema.mimeType).toBe('application/schema+json');
      expect(JSON.parse(schema.text)).toEqual(JSON.parse((await runInProcess(['knowledge', 'schema', '--which', name])).stdout));
    }
    await close();
  });

  it('an unknown URI is a protocol error', async () => {
    const { client, close } = await connect();
    await expect(client.readResource({ uri: 'genai-advisor://families/gpt' })).rejects.toThrow(/no resource "genai-advisor:\/\/families\/gpt"/);
    await close();
  });
});
