/**
 * Issue 12: `check` has no reader or validator of its own, and src/ no hand-built WebAssembly.
 * The stack file goes through src/knowledge/yaml.ts and the build-time ajv validators.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('one engine', () => {
  it('src/check imports no YAML parser or schema validator, only the shared ones', () => {
    for (const file of files(join(SRC, 'check'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '(js-yaml|yaml|ajv)(\/[^']*)?'/);
    }
    expect(readFileSync(join(SRC, 'check/load.ts'), 'utf8')).toMatch(/import \{[^}]*parseYaml[^}]*\} from '\.\.\/knowledge\/yaml\.js'/);
  });

  it('no source file assembles or loads WebAssembly', () => {
    for (const file of files(SRC)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/WebAssembly/);
  });
});
