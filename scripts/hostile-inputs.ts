/**
 * Inputs that made a pass super-linear (issue 27, class 4), written to a folder: the
 * reliability tests run each in-process under a generous limit, and `npm run bench` times
 * them. Each entry is the argv of one run and the exit code it must end with.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HostileCase {
  name: string;
  argv: string[];
  code: number;
}

const stackWith = (useCase: string) => `version: 1\nuse_cases:\n${useCase}`;

export function writeHostileInputs(dir: string): HostileCase[] {
  // "Did you mean" on a 4 MB name: a preset named in an answers file (an argument cannot hold 4 MB).
  writeFileSync(join(dir, 'long-name.yaml'), `use_case: ${'x'.repeat(4 * 1024 * 1024)}\n`);
  // 3,000 unknown keys of 2,000 characters, each one a "did you mean" against every known key.
  writeFileSync(join(dir, 'unknown-keys.yaml'), Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(6, '0')}${'k'.repeat(1994)}: 1\n`).join(''));
  // A 2 MB word in the text report: a model id no catalogue has, quoted by its warning.
  writeFileSync(
    join(dir, 'long-word.yaml'),
    stackWith(`  - id: bot\n    profile: { use_case: code-assistant }\n    choice: { family: transformer, model: m${'w'.repeat(2 * 1024 * 1024)} }\n`),
  );
  // A duplicated key of 250 KB of spaces, in a flow mapping: no colon follows it.
  writeFileSync(join(dir, 'spaces-key.yaml'), `{a: 1, a${' '.repeat(250 * 1024)}}\n`);
  // An overlay with 10,000 criteria, each weighted, for a use case with several eligible
  // families: robustness looks for the weight of each at which another family would win.
  const criteria = Array.from({ length: 10_000 }, (_, i) => `  c${i}: { label: Criterion ${i}, description: One of many., default_level: medium, high_phrase: good, low_phrase: bad }\n`);
  writeFileSync(join(dir, 'many-criteria.yaml'), `criteria:\n${criteria.join('')}`);
  return [
    { name: 'a 4 MB preset name', argv: ['--answers', 'long-name.yaml', '--no-input'], code: 2 },
    { name: '3,000 unknown keys of 2,000 characters', argv: ['--answers', 'unknown-keys.yaml', '--no-input'], code: 2 },
    { name: 'a 2 MB word in the text report', argv: ['check', 'long-word.yaml', '--format', 'text'], code: 1 },
    { name: 'a duplicated key of 250 KB of spaces', argv: ['--answers', 'spaces-key.yaml', '--no-input'], code: 2 },
    { name: 'an overlay with 10,000 criteria', argv: ['--knowledge', 'many-criteria.yaml', '--use-case', 'marketing-visuals', '--no-input', '--format', 'json'], code: 0 },
  ];
}
