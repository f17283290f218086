// `npx tsx scripts/bench-floor.ts`: how much of the 4x that `check` of 10,000 use cases may take
// is spent before any checking. It times, as whole processes against `node -e 0`, a reader that
// only reads the benchmark's stack file, decodes it, scans it for the characters the fast
// reader leaves alone and matches every line against two regular expressions (a governance
// status line, or `key: value`), with no validation, profiles, findings or output: a floor
// for any `check` written in JavaScript (docs/performance.md).
//
//   tsx scripts/bench-floor.ts [--rounds N] [--use-cases N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtinKnowledge } from '../src/knowledge/builtin.js';
import { generateStack, median } from './bench-stack.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    'use-cases': { type: 'string', default: '10000' },
  },
});
const rounds = Number(values.rounds);
const useCases = Number(values['use-cases']);
if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(useCases) || useCases < 1) {
  process.stderr.write('error: --rounds and --use-cases take positive integers\n');
  process.exit(2);
}

// Runs in the child, as CommonJS; prints the number of lines it matched.
const READER = String.raw`
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) throw new Error('awkward character');
const STATUS = /( *)([A-Za-z_][A-Za-z0-9_-]*): \{ status: (done|planned|not-applicable)(?:, (evidence|due|reason): (?:([^\s"',\[\]{}#&*!|>%@\x60][^\n,\[\]{}#]*?)|"([^"\\\n]*)"))? \} *(?=\n|$)/y;
const ENTRY = /( *)(- )?([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?(?=\n|$)/y;
let p = text.indexOf('\nuse_cases:') + 1;
p = text.indexOf('\n', p) + 1;
let lines = 0;
while (p < text.length) {
  for (const re of [STATUS, ENTRY]) {
    re.lastIndex = p;
    if (re.exec(text) !== null) { p = re.lastIndex + 1; lines++; break; }
    if (re === ENTRY) throw new Error('unmatched line at offset ' + p);
  }
}
process.stdout.write(lines + '\n');
`;

const work = mkdtempSync(join(tmpdir(), 'genai-advisor-floor-'));
try {
  const stackFile = join(work, 'genai-stack.yaml');
  writeFileSync(stackFile, generateStack(builtinKnowledge, useCases));
  const run = (args: string[]): number => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node ${args[0]} … exited ${result.status}: ${result.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const cases = { 'node -e 0': ['-e', '0'], 'read and match every line': ['-e', READER, stackFile] };
  const times: Record<string, number[]> = { 'node -e 0': [], 'read and match every line': [] };
  for (const args of Object.values(cases)) run(args);
  for (let r = 0; r < rounds; r++) for (const [name, args] of Object.entries(cases)) times[name]!.push(run(args));
  const base = median(times['node -e 0']!);
  const floor = median(times['read and match every line']!);
  process.stdout.write(
    `node -e 0: ${base.toFixed(1)} ms; reading and matching the ${useCases.toLocaleString('en-US')}-use-case stack's lines: ` +
      `${floor.toFixed(1)} ms (${(floor / base).toFixed(2)}x), of the ${(4 * base).toFixed(0)} ms that 4x allows.\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
