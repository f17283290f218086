import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { refreshBuiltin } from '../../scripts/refresh-catalogue.js';
import { tempDir } from '../helpers/temp.js';

describe('scripts/refresh-catalogue.ts (release step)', () => {
  it('writes shutdown dates into the built-in models file, keeps its comments, stamps as_of, and lists new models as candidates', async () => {
    const file = join(tempDir(), 'models.yaml');
    copyFileSync('knowledge/models.yaml', file);
    const { diff, candidates } = await refreshBuiltin(resolve('test/fixtures/litellm.json'), '2026-12-20', undefined, file);
    expect(diff.newShutdowns).toEqual([{ id: 'claude-sonnet-4-5', shutdown: '2027-03-01' }]);
    // gpt-5-mini shut down on 2026-12-11, before this run: not a candidate.
    expect(candidates).toEqual(['mistral-large-3']);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# The model catalogue: concrete models and services');
    const written = parse(text);
    expect(written.as_of).toBe('2026-12-20');
    expect(written.models.find((m: { id: string }) => m.id === 'claude-sonnet-4-5')).toMatchObject({ status: 'deprecated', shutdown: '2027-03-01', verified: '2026-12-20' });
    expect(written.models).toHaveLength(parse(readFileSync('knowledge/models.yaml', 'utf8')).models.length);
  });
});
