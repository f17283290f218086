// `npm run bench`: start-up time and peak memory of the built CLI, as ratios to Node's own
// start (`node -e 0`). Runs are interleaved round by round, so that a machine that slows down
// mid-run slows every case alike, and each case reports its median.
//
//   tsx scripts/bench.ts [--rounds N] [--assert]
//
// --assert exits 1 when a ratio misses its target; without it the table is only printed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtinKnowledge } from '../src/knowledge/builtin.js';
import { generateStack, generateStacks, median } from './bench-stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/genai-advisor.js');

interface Case {
  name: string;
  args: string[];
  /** The exit code a correct run has; anything else means the benchmark measured an error path. */
  code: number;
  /** Ratio to `node -e 0` that the case must stay under. */
  target?: number;
  /** Or: ratio to another case's time that it must stay under. */
  relative?: { to: string; target: number };
  /** Also measure peak RSS, with this target ratio (undefined: report only). */
  rssTarget?: number;
}

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    assert: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write('error: --rounds takes a positive integer\n');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/cli.js'))) {
  process.stderr.write('error: dist/cli.js is missing\nrun `npm run build` first (`npm run bench` does)\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'genai-advisor-bench-'));
// Stacks the size real estates have: 100 use cases (a large company in one file) and 1,000.
const SIZES = [100, 1000] as const;
const stackFiles = SIZES.map((n) => {
  const file = join(work, `genai-stack-${n}.yaml`);
  writeFileSync(file, generateStack(builtinKnowledge, n));
  return file;
});
// The same 2,000 use cases as one file, and as a monorepo of 1,000 services with 2 each.
const MONOREPO = { files: 1000, perFile: 2 } as const;
const monorepoTotal = MONOREPO.files * MONOREPO.perFile;
const singleFile = join(work, `genai-stack-${monorepoTotal}.yaml`);
writeFileSync(singleFile, generateStack(builtinKnowledge, monorepoTotal));
generateStacks(builtinKnowledge, MONOREPO.files, MONOREPO.perFile).forEach((text, i) => {
  const dir = join(work, 'services', `service-${String(i + 1).padStart(4, '0')}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'genai-stack.yaml'), text);
});
// Each run appends its peak RSS and CPU time (user + system) here from an 'exit' hook loaded
// with --import; only these runs load it, so the timed runs are the plain commands. CPU time
// says what a run costs when other processes share the machine and stretch its wall time.
const rssHook = join(work, 'rss-hook.mjs');
writeFileSync(
  rssHook,
  "import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => { const u = process.resourceUsage(); appendFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\\n`); });\n",
);

const baseline: Case = { name: 'node -e 0', args: ['-e', '0'], code: 0, rssTarget: undefined };
const cases: Case[] = [
  baseline,
  { name: '--version', args: [BIN, '--version'], code: 0, target: 1.15 },
  {
    name: 'recommend --format json',
    args: [BIN, 'recommend', '--no-input', '--format', 'json', '--modality', 'image', '--task', 'generate'],
    code: 0,
    target: 1.6,
    rssTarget: 1.5,
  },
  { name: 'recommend (table)', args: [BIN, 'recommend', '--no-input', '--modality', 'image', '--task', 'generate'], code: 0, target: 1.7 },
  { name: 'compare', args: [BIN, 'compare'], code: 0, target: 1.7 },
  { name: 'check, 100 use cases', args: [BIN, 'check', stackFiles[0]!], code: 0, target: 3.5 },
  { name: 'check, 1,000 use cases', args: [BIN, 'check', stackFiles[1]!], code: 0, target: 7, rssTarget: 3 },
  { name: 'check, 2,000 use cases in 1 file', args: [BIN, 'check', singleFile], code: 0 },
  {
    name: 'check, 1,000 files × 2 use cases',
    args: [BIN, 'check', 'services/*/genai-stack.yaml'],
    code: 0,
    relative: { to: 'check, 2,000 use cases in 1 file', target: 1.5 },
  },
];
const [checkSmall, checkLarge] = cases.slice(-4, -2) as [Case, Case];

const env = { ...process.env, NO_COLOR: '1', CI: '', FORCE_COLOR: '' };

function runOnce(c: Case, extra: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...extra, ...c.args], { cwd: work, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== c.code) {
    const stderr = String(result.stderr).split('\n').slice(0, 5).join('\n');
    throw new Error(`"${c.name}" exited ${result.status ?? result.signal} (expected ${c.code}):\n${stderr}`);
  }
  return ms;
}

const times = new Map<Case, number[]>(cases.map((c) => [c, []]));
const rss = new Map<Case, number[]>(cases.map((c) => [c, []]));
const rssCases = cases.filter((c) => c === baseline || c.rssTarget !== undefined || c.relative !== undefined || cases.some((o) => o.relative?.to === c.name));
const cpu = new Map<Case, number[]>(cases.map((c) => [c, []]));
const rssRounds = Math.max(3, Math.ceil(rounds / 3));

try {
  // One untimed round warms the file cache and proves every case exits as it should.
  for (const c of cases) runOnce(c);
  for (let r = 0; r < rounds; r++) {
    // Rotate the order so that no case always runs right after the same neighbour.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + r) % cases.length]!;
      times.get(c)!.push(runOnce(c));
    }
    if (process.stderr.isTTY) process.stderr.write(`\rround ${r + 1}/${rounds}`);
  }
  for (let r = 0; r < rssRounds; r++) {
    for (const c of rssCases) {
      const file = join(work, 'rss.txt');
      rmSync(file, { force: true });
      runOnce(c, ['--import', rssHook], { BENCH_RSS_FILE: file });
      const [maxRss, cpuMicros] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
      rss.get(c)!.push(maxRss! / 1024);
      cpu.get(c)!.push(cpuMicros! / 1000);
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
} catch (error) {
  process.stderr.write(`\nerror: ${(error as Error).message}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exit(2);
}
rmSync(work, { recursive: true, force: true });

const base = median(times.get(baseline)!);
const baseRss = median(rss.get(baseline)!);
const rows: string[][] = [['what', 'median', 'ratio', 'target', 'result']];
let missed = 0;
const verdict = (ratio: number, target: number | undefined) => {
  if (target === undefined) return '';
  if (ratio <= target) return 'ok';
  missed++;
  return 'MISSED';
};
for (const c of cases) {
  const m = median(times.get(c)!);
  if (c.relative) {
    const ratio = m / median(times.get(cases.find((other) => other.name === c.relative!.to)!)!);
    rows.push([c.name, `${m.toFixed(1)} ms`, `${(m / base).toFixed(2)}x`, `≤ ${c.relative.target}x of 1 file`, `${verdict(ratio, c.relative.target)} (${ratio.toFixed(2)}x)`]);
    continue;
  }
  const ratio = m / base;
  rows.push([c.name, `${m.toFixed(1)} ms`, `${ratio.toFixed(2)}x`, c.target === undefined ? '' : `≤ ${c.target}x`, verdict(ratio, c.target)]);
}
for (const c of rssCases.filter((c) => c === baseline || c.rssTarget !== undefined)) {
  const m = median(rss.get(c)!);
  const ratio = m / baseRss;
  rows.push([`peak RSS: ${c.name}`, `${m.toFixed(1)} MB`, `${ratio.toFixed(2)}x`, c.rssTarget === undefined ? '' : `≤ ${c.rssTarget}x`, verdict(ratio, c.rssTarget)]);
}

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
process.stdout.write(`Node ${process.version}, ${rounds} interleaved rounds (memory: ${rssRounds}), medians; ratios are to \`node -e 0\`.\n\n`);
process.stdout.write(`${line(rows[0]!)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`);
for (const r of rows.slice(1)) process.stdout.write(`${line(r)}\n`);
// Linear in use cases: a use case added to a large stack costs no more than one of a small stack.
const smallMs = median(times.get(checkSmall)!) - base;
const addedMs = median(times.get(checkLarge)!) - base - smallMs;
const us = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(0)} µs`;
process.stdout.write(
  `\ncheck per use case: ${us(smallMs, SIZES[0])} for the first ${SIZES[0]} (start-up included), ` +
    `${us(addedMs, SIZES[1] - SIZES[0])} for the next ${(SIZES[1] - SIZES[0]).toLocaleString('en-US')}.\n`,
);
for (const c of cases.filter((c) => c.relative !== undefined)) {
  const other = cases.find((o) => o.name === c.relative!.to)!;
  const [mine, theirs] = [median(cpu.get(c)!), median(cpu.get(other)!)];
  process.stdout.write(`CPU time (user + system): ${c.name} ${mine.toFixed(0)} ms, ${other.name} ${theirs.toFixed(0)} ms (${(mine / theirs).toFixed(2)}x).\n`);
}
if (missed > 0) process.stdout.write(`\n${missed} target(s) missed.\n`);
process.exitCode = values.assert && missed > 0 ? 1 : 0;
