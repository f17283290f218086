// The recommendation document as JSON and YAML: one golden file per format, from the fixture
// knowledge (test/helpers/golden-knowledge.ts); refresh with `npx vitest run test/render -u`.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recommendDocument, renderJson } from '../../src/render/recommend-json.js';
import { renderYaml } from '../../src/render/yaml.js';
import { goldenRecommendation } from '../helpers/golden-knowledge.js';

const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };
const document = recommendDocument(goldenRecommendation(), TOOL);

describe('the recommendation document', () => {
  it('as JSON matches its golden file', async () => {
    await expect(renderJson(document)).toMatchFileSnapshot('golden/recommend.json');
  });

  it('as YAML matches its golden file, and holds the same document', async () => {
    const yaml = renderYaml(document);
    await expect(yaml).toMatchFileSnapshot('golden/recommend.yaml');
    expect(parse(yaml)).toEqual(JSON.parse(renderJson(document)));
  });

  it('names the fixture knowledge, never the built-in base', () => {
    expect(document.knowledge).toEqual({ version: '1.0.0-fixture', sha256: 'f'.repeat(64) });
  });
});
