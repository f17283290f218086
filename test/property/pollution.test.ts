/**
 * `__proto__`, `constructor` and `prototype` keys are refused wherever they stand in a file,
 * however they are quoted, and nothing ever reaches Object.prototype.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStack } from '../../src/check/index.js';
import { readAnswersFile } from '../../src/cli/profile.js';
import { DiagnosticsError } from '../../src/errors.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { applyOverlays, mergeOverlays } from '../../src/knowledge/compile.js';
import { parseYaml } from '../../src/knowledge/yaml.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('genai-advisor-pollution-');
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every way a YAML file reaches the library, all of which must refuse the key. */
const READERS: Array<[string, (text: string) => unknown]> = [
  ['parseYaml', (text) => parseYaml(text, 'file.yaml')],
  ['applyOverlays', (text) => applyOverlays(builtinKnowledge, [{ file: 'file.yaml', text }])],
  ['mergeOverlays', (text) => {
    const { diagnostics } = mergeOverlays(builtinKnowledge, [{ file: 'file.yaml', text }]);
    if (diagnostics.length > 0) throw new DiagnosticsError(diagnostics);
  }],
  ['checkStack', (text) => checkStack(builtinKnowledge, text, 'file.yaml', { today: '2026-01-15' })],
  ['readAnswersFile', async (text) => {
    writeFileSync(join(dir, 'file.yaml'), text);
    return readAnswersFile('file.yaml', builtinKnowledge, dir);
  }],
];

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}

afterEach(expectUnpolluted);

async function expectRefused(read: (text: string) => unknown, text: string, key: string): Promise<void> {
  let error: unknown;
  try {
    await read(text);
  } catch (caught) {
    error = caught;
  }
  expect(error, `accepted:\n${text}`).toBeInstanceOf(DiagnosticsError);
  const messages = (error as DiagnosticsError).diagnostics.map((d) => d.message);
  expect(messages.some((m) => m.includes(`key "${key}" is not allowed`)), `${messages.join('\n')}\nfor:\n${text}`).toBe(true);
  expectUnpolluted();
}

describe.each(READERS)('%s', (_name, read) => {
  it.each([
    ['an answers file', '__proto__: { polluted: true }\nmodality: image\ntask: generate\n', '__proto__'],
    ['an overlay family', 'families:\n  diffusion:\n    __proto__: { polluted: true }\n', '__proto__'],
    ['an overlay rating table', 'families:\n  diffusion:\n    ratings: { "__proto__": { polluted: true } }\n', '__proto__'],
    ['a stack file', 'version: 1\nuse_cases:\n  - id: a\n    constructor: { prototype: { polluted: true } }\n', 'constructor'],
    ['JSON syntax', '{"criteria": {"prototype": {"polluted": true}}}\n', 'prototype'],
  ])('refuses the key in %s', async (_where, text, key) => {
    await expectRefused(read, text, key);
  });
});

/** A key at a random depth of a random document, written plain, double- or single-quoted, block or flow. */
const polluted = fc
  .record({
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    quote: fc.constantFrom('', '"', "'"),
    path: fc.array(fc.constantFrom('families', 'diffusion', 'ratings', 'use_cases', 'governance', 'profile', 'x'), { maxLength: 4 }),
    siblings: fc.dictionary(fc.constantFrom('a', 'b', 'version', 'modality'), fc.oneof(fc.integer(), fc.constantFrom('image', 'text')), { maxKeys: 3 }),
    flow: fc.boolean(),
  })
  .map(({ key, quote, path, siblings, flow }) => {
    const inner = `${quote}${key}${quote}: { polluted: true }`;
    if (flow) return { key, text: `${[...path].reduce((acc, seg) => `{ ${seg}: ${acc} }`, `{ ${inner} }`)}\n` };
    const lines = path.map((seg, depth) => `${'  '.repeat(depth)}${seg}:`);
    lines.push(`${'  '.repeat(path.length)}${inner}`);
    const top = Object.entries(siblings).filter(([k]) => k !== path[0]).map(([k, v]) => `${k}: ${v}`);
    return { key, text: `${[...top, ...lines].join('\n')}\n` };
  });

describe('a polluting key anywhere in a random document', () => {
  it.each(READERS)('is refused by %s, and Object.prototype stays clean', async (_name, read) => {
    await fc.assert(
      fc.asyncProperty(polluted, async ({ key, text }) => expectRefused(read, text, key)),
      { numRuns: 60, seed: 13 },
    );
  });
});
