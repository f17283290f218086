import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const question = builtinKnowledge.questions.find((q) => q.key === 'require')!;
// Tables: diffusion has no fast variant for them (its flow-matching speech variant serves audio).
const tables = ['--modality', 'tabular', '--task', 'generate', '--no-input'];
const json = async (args: string[]) => {
  const result = await runInProcess([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('--require', () => {
  it('comes from the question table: its help names every criterion and the bar', async () => {
    const help = (await runInProcess(['recommend', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`--require <${question.value_name}>`);
    expect(help).toContain(`(the bar: ${question.min_rating}/5)`);
    for (const c of Object.keys(builtinKnowledge.criteria)) expect(help).toContain(c);
  });

  it('rules out a family below the bar as a hard requirement, which the JSON marks as such', async () => {
    const doc = await json([...tables, '--require', 'speed']);
    expect(doc.profile.require).toEqual(['speed']);
    expect(doc.requirements).toEqual([{ criterion: 'speed', min: question.min_rating, because: 'speed is a hard requirement', need: 'you', hard: true }]);
    const diffusion = doc.ruledOut.find((r: { family: string }) => r.family === 'diffusion');
    expect(diffusion.knockouts).toContainEqual(expect.objectContaining({ kind: 'hard', criterion: 'speed' }));
    for (const r of doc.ranking) for (const c of r.contributions) if (c.criterion === 'speed') expect(c.rating).toBeGreaterThanOrEqual(question.min_rating!);
  });

  it('a critical priority alone never rules a family out', async () => {
    const doc = await json([...tables, '--priority', 'speed=critical']);
    expect(doc.requirements).toEqual([]);
    expect(doc.ranking.map((r: { family: string }) => r.family)).toContain('diffusion');
  });

  it('shows the hard requirements in the summary and in the details', async () => {
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const summary = flat((await runInProcess([...tables, '--require', 'speed'])).stdout);
    expect(summary).toContain(`hard requirements: speed (each ${question.min_rating}/5 or better)`);
    expect(summary).toMatch(/Diffusion[^;]*: sampling too slow \(speed \d, you require 4/);
    const details = flat((await runInProcess([...tables, '--require', 'speed', '--details'])).stdout);
    expect(details).toContain('hard requirements: speed');
  });

  it('is read from an answers file (key require), and a flag overrides it', async () => {
    const dir = tempDir('genai-advisor-require-');
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'modality: audio\ntask: generate\nrequire: [speed, likelihood]\n');
    expect((await json(['--answers', file, '--no-input'])).profile.require).toEqual(['speed', 'likelihood']);
    expect((await json(['--answers', file, '--require', 'quality', '--no-input'])).profile.require).toEqual(['quality']);
  });

  it('refuses an unknown criterion in the flag and in an answers file, naming the fix', async () => {
    const flag = await runInProcess([...tables, '--require', 'sped']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/did you mean "speed"\?/i);
    const dir = tempDir('genai-advisor-require-');
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'modality: audio\ntask: generate\nrequire: [sped]\n');
    const bad = await runInProcess(['--answers', file, '--no-input']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/answers\.yaml:3:\d+.*require/);
  });

  it('when nothing fits, names the one requirement whose relaxing brings a family back, and the family', async () => {
    // An overlay rates every family's cost 1, so requiring cost rules every family out.
    const dir = tempDir('genai-advisor-require-');
    const overlay = join(dir, 'costly.yaml');
    writeFileSync(overlay, `families:\n${Object.keys(builtinKnowledge.families).map((f) => `  ${f}:\n    ratings: { cost: 1 }\n`).join('')}`);
    const args = ['--modality', 'image', '--task', 'generate', '--require', 'likelihood,cost', '--knowledge', overlay, '--no-input'];
    const doc = await json(args);
    expect(doc.ranking).toEqual([]);
    const [relax] = doc.verdict.relax;
    expect(relax).toMatchObject({ key: 'require.cost', flags: '--require likelihood' });
    const family = builtinKnowledge.families[(relax.family ?? doc.verdict.closest) as keyof typeof builtinKnowledge.families].short_name;
    const text = (await runInProcess(args)).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Nothing fits');
    expect(text).toContain(`Drop the hard requirement on cost (--require likelihood) and ${family} becomes eligible`);
  });
});
