import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const question = builtinKnowledge.questions.find((q) => q.key === 'require')!;
const audio = ['--modality', 'audio', '--task', 'generate', '--no-input'];
const image = ['--modality', 'image', '--task', 'generate', '--no-input'];
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
    // A GAN has no density at all (likelihood 1).
    const doc = await json([...image, '--require', 'likelihood']);
    expect(doc.profile.require).toEqual(['likelihood']);
    expect(doc.requirements).toEqual([{ criterion: 'likelihood', min: question.min_rating, because: 'likelihood is a hard requirement', need: 'you', hard: true }]);
    const gan = doc.ruledOut.find((r: { family: string }) => r.family === 'gan');
    expect(gan.knockouts).toContainEqual(expect.objectContaining({ kind: 'hard', criterion: 'likelihood', reason: 'no exact probability scores (likelihood 1, you require 4)' }));
    for (const r of doc.ranking) for (const c of r.contributions) if (c.criterion === 'likelihood') expect(c.rating).toBeGreaterThanOrEqual(question.min_rating!);
  });

  it('a critical priority alone never rules a family out', async () => {
    const doc = await json([...image, '--priority', 'likelihood=critical']);
    expect(doc.requirements).toEqual([]);
    expect(doc.ranking.map((r: { family: string }) => r.family)).toContain('gan');
  });

  it('shows the hard requirements in the summary and in the details', async () => {
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const summary = flat((await runInProcess([...image, '--require', 'likelihood'])).stdout);
    expect(summary).toContain(`hard requirements: likelihood (each ${question.min_rating}/5 or better)`);
    expect(summary).toMatch(/GAN[^;]*: no exact probability scores \(likelihood 1, you require 4\)/);
    const details = flat((await runInProcess([...image, '--require', 'likelihood', '--details'])).stdout);
    expect(details).toContain('hard requirements: likelihood');
    expect(details).toContain('✗ GAN: no exact probability scores (likelihood 1, you require 4)');
  });

  it('is read from an answers file (key require), and a flag overrides it', async () => {
    const dir = tempDir('genai-advisor-require-');
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, 'modality: audio\ntask: generate\nrequire: [speed, likelihood]\n');
    expect((await json(['--answers', file, '--no-input'])).profile.require).toEqual(['speed', 'likelihood']);
    expect((await json(['--answers', file, '--require', 'quality', '--no-input'])).profile.require).toEqual(['quality']);
  });

  it('accepts a criterion an overlay adds', async () => {
    const dir = tempDir('genai-advisor-require-');
    const overlay = join(dir, 'slo.yaml');
    writeFileSync(overlay, 'criteria:\n  latency-slo: { label: Latency SLO, description: Meets our p95 target. }\nfamilies:\n  gan:\n    ratings: { latency-slo: 5 }\n');
    const doc = await json([...image, '--require', 'latency-slo', '--knowledge', overlay]);
    expect(doc.ranking.map((r: { family: string }) => r.family)).toEqual(['gan']);
    expect(doc.ruledOut.find((r: { family: string }) => r.family === 'diffusion').knockouts).toContainEqual(expect.objectContaining({ kind: 'hard', reason: 'latency slo too low (latency-slo 3, you require 4)' }));
  });

  it('refuses an unknown criterion in the flag and in an answers file, naming the fix', async () => {
    const flag = await runInProcess([...audio, '--require', 'sped']);
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
