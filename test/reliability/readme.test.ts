/** The README's Reliability section lists every guarantee, with the limits the code enforces. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_KEYS_PER_MAPPING, MAX_LIST_ITEMS, MAX_YAML_ITEMS } from '../../src/knowledge/limits.js';
import { MAX_FINDINGS_LISTED } from '../../src/check/result.js';
import { ROOT } from '../helpers/cli.js';

const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const section = /^## Reliability\n([\s\S]*?)\n## /m.exec(readme)?.[1] ?? '';

describe('README: Reliability', () => {
  it('lists atomic writes, locking, limits, escaping, signals and exit codes', () => {
    for (const guarantee of ['Atomic writes', 'Locking', 'Limits', 'Escaping', 'Signals', 'Exit codes']) expect(section).toContain(`**${guarantee}.**`);
  });

  it('states the limits the code enforces', () => {
    for (const limit of [MAX_YAML_ITEMS, MAX_KEYS_PER_MAPPING, MAX_LIST_ITEMS, MAX_FINDINGS_LISTED]) expect(section).toContain(limit.toLocaleString('en'));
  });
});
