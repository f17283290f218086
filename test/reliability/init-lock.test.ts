/** Issue 16, classes 2 and 7: parallel init runs lose no update; init keeps every other line. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { runIn } from './io.js';

const ANSWERS = ['--use-case', 'code-assistant', '--no-input'];

describe('parallel init on one stack file', () => {
  it('20 runs at once: each use case is in the file, or its run failed with exit 2', async () => {
    const dir = tempDir('genai-advisor-lock-');
    writeFileSync(join(dir, 'stack.yaml'), 'version: 1\nuse_cases: []\n');
    const ids = Array.from({ length: 20 }, (_, i) => `case-${i}`);
    const results = await Promise.all(ids.map((id) => runIn(['init', 'stack.yaml', '--id', id, ...ANSWERS], dir)));
    const stored = new Set((parse(readFileSync(join(dir, 'stack.yaml'), 'utf8')).use_cases as Array<{ id: string }>).map((u) => u.id));
    results.forEach((result, i) => {
      if (result.code === 0) {
        expect(result.stdout).toMatch(/^Added use case "case-\d+" to stack\.yaml/);
        expect(stored.has(ids[i]!), `${ids[i]} reported added but missing`).toBe(true);
      } else {
        expect(result.code, result.stderr).toBe(2);
        expect(stored.has(ids[i]!)).toBe(false);
      }
    });
    expect(results.filter((r) => r.code === 0).length).toBe(stored.size);
    // With the lock's retries, none of twenty short runs should have had to give up.
    expect(stored.size).toBe(20);
  }, 120_000);
});

describe('init keeps every existing line', () => {
  it('an empty flow list with a comment: only the brackets go', async () => {
    const dir = tempDir('genai-advisor-flow-');
    const before = 'version: 1     # format\nuse_cases: []  # none yet\npolicy:   { max_rank: 3 }   # team\n';
    writeFileSync(join(dir, 'stack.yaml'), before);
    const result = await runIn(['init', 'stack.yaml', '--id', 'bot', ...ANSWERS], dir);
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(join(dir, 'stack.yaml'), 'utf8').split('\n');
    expect(after[0]).toBe('version: 1     # format');
    expect(after[1]).toBe('use_cases:  # none yet');
    expect(after[2]).toBe('  - id: bot');
    expect(after.at(-2)).toBe('policy:   { max_rank: 3 }   # team');
  });

  it('a CRLF file gets CRLF lines', async () => {
    const dir = tempDir('genai-advisor-crlf-');
    writeFileSync(join(dir, 'stack.yaml'), 'version: 1\r\nuse_cases:\r\n  - id: a\r\n    profile: { use_case: code-assistant }\r\n    choice: { family: transformer }\r\n');
    const result = await runIn(['init', 'stack.yaml', '--id', 'bot', ...ANSWERS], dir);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'stack.yaml'), 'utf8');
    expect(text).toContain('  - id: bot\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
