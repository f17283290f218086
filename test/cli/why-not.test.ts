import { describe, expect, it } from 'vitest';
import { familyIds } from '../../src/knowledge/types.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';

const FAMILY_IDS = familyIds(builtinKnowledge);

/** High-fidelity images, latency irrelevant: a clear case (diversity at medium: at high its floor rules GAN out). */
const clear = ['--modality', 'image', '--task', 'generate', '--latency', 'batch', '--priority', 'quality=high,diversity=medium', '--no-input'];
/** Image editing: GAN is eligible but no single change puts it first. */
const editing = ['--modality', 'image', '--task', 'edit', '--no-input'];
/** GAN and diffusion within a point of each other (see the fixture's comment). */
const nearTie = [
  '--modality', 'image', '--task', 'generate', '--latency', 'batch',
  '--priority', 'quality=critical,diversity=critical,maturity=critical,modality-fit=high,cost=high',
  '--knowledge', 'test/fixtures/near-tie.yaml', '--no-input',
];
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Doc {
  ranking: Array<{ family: string; score: number }>;
  robustness: { label: string; winnerShare: number; margin: number; flips: Array<{ criterion: string; weight: number; newWinner: string }> };
  whyNot?: { family: string; verdict: string; differences: Array<{ criterion: string; points: number }>; knockouts: Array<{ kind: string; reason: string; because: string[] }> };
}
const json = async (args: string[]) => {
  const result = await runInProcess([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Doc;
};

describe('robustness through the CLI', () => {
  it('labels the clear case stable, with the contract shape', async () => {
    const doc = await json(clear);
    expect(doc.ranking[0]!.family).toBe('diffusion');
    expect(doc.robustness.label).toBe('stable');
    expect(Object.keys(doc.robustness)).toEqual(expect.arrayContaining(['label', 'winnerShare', 'margin', 'flips']));
    for (const flip of doc.robustness.flips) expect(Object.keys(flip)).toEqual(expect.arrayContaining(['criterion', 'weight', 'newWinner']));
  });

  it('does not label two families within a point stable', async () => {
    const doc = await json(nearTie);
    const [first, second] = doc.ranking;
    expect(first!.score - second!.score).toBeLessThan(1);
    expect(doc.robustness.margin).toBeLessThan(1);
    expect(doc.robustness.label).not.toBe('stable');
    expect(doc.robustness.label).toBe('tie');
  });

  it('is byte-identical across runs', async () => {
    const a = await runInProcess([...nearTie, '--format', 'json']);
    const b = await runInProcess([...nearTie, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('says it in one line in the detailed view, and the near tie as a tie', async () => {
    const table = flat((await runInProcess([...clear, '--details'])).stdout);
    expect(table).toMatch(/Diffusion leads GAN by 26\.8 points and stays first in 100% of nearby weightings \(stable\)\. It would lose to VAE if cost weighed above 0\.38 \(now 0\.14\)\./);
    expect(flat((await runInProcess([...nearTie, '--details'])).stdout)).toMatch(/GAN and Diffusion are 0\.9 points apart \(tie\): treat them as equals;/);
    expect((await runInProcess(nearTie)).stdout.split('\n')[0]).toMatch(/^Recommended: GAN \(.* of 100\), tied with Diffusion/);
  });
});

describe('--why-not', () => {
  it('for GAN on diverse images names diversity first, in the detailed view after the robustness and before the checklist', async () => {
    const { stdout, stderr, code } = await runInProcess([...clear, '--why-not', 'gan', '--details']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const contrast = stdout.slice(stdout.indexOf('Why not GAN?'));
    expect(stdout.indexOf('Why not GAN?')).toBeGreaterThan(stdout.indexOf('stays first'));
    expect(stdout.indexOf('stays first')).toBeGreaterThan(-1);
    expect(stdout.indexOf('Why not GAN?')).toBeLessThan(stdout.indexOf('Governance checklist'));
    // The footer suggests a contrast only when none was asked for.
    expect(stdout).not.toContain('--why-not <family>');
    expect(flat(contrast)).toContain('It loses most on diversity (-10.7 points)');
    expect(contrast).toMatch(/^ {2}diversity\s+-10\.7/m);
  });

  it('in the summary, comes before the next steps, which suggest no contrast with the same family', async () => {
    const { stdout } = await runInProcess([...clear, '--why-not', 'gan']);
    const at = stdout.indexOf('Why not GAN?');
    expect(at).toBeGreaterThan(stdout.indexOf('Ruled out:'));
    expect(at).toBeLessThan(stdout.indexOf('Governance checklist'));
    expect(stdout.indexOf('Governance checklist')).toBeLessThan(stdout.indexOf('Next:'));
    expect(stdout).not.toContain('--why-not gan ');
  });

  it('accepts an alias, case-insensitively', async () => {
    expect((await runInProcess([...clear, '--why-not', 'GANs'])).stdout).toContain('Why not GAN?');
  });

  it('explains the knockout of an ineligible family', async () => {
    const { stdout, code } = await runInProcess([...clear, '--why-not', 'autoregressive']);
    expect(code).toBe(0);
    const text = flat(stdout.slice(stdout.indexOf('Why not Autoregressive?')));
    expect(text).toContain('Autoregressive is ruled out for this profile, so it is not ranked');
    expect(text).toContain('Knocked out: ✗ cannot practically generate image (fit 2/5)');
    expect(text).toContain('That is the modality itself; no other answer changes it.');
  });

  it('names the answer behind a requirement knockout', async () => {
    const doc = await json(['--modality', 'tabular', '--task', 'anomaly-detection', '--require', 'speed', '--no-input', '--why-not', 'diffusion']);
    expect(doc.whyNot!.verdict).toBe('ineligible');
    expect(doc.whyNot!.knockouts.some((k) => k.kind === 'hard' && k.because.includes('speed is a hard requirement (for anomaly detection, generation speed is judged as scoring speed)'))).toBe(true);
  });

  it('adds a whyNot object to JSON and a section to the Markdown record', async () => {
    const doc = await json([...editing, '--why-not', 'gan']);
    expect(doc.whyNot).toMatchObject({ family: 'gan', verdict: 'unreachable' });
    expect(doc.whyNot!.differences[0]!.criterion).toBe('control');
    const md = (await runInProcess([...clear, '--why-not', 'gan', '--format', 'markdown'])).stdout;
    expect(md).toContain('## Why not GAN?');
    expect(md).toContain('| diversity | 14% | 2/5 | 5/5 | -10.7 |');
  });

  it('rejects an unknown family before asking anything: exit 2, a hint, nothing on stdout', async () => {
    const { stdout, stderr, code } = await runInProcess(['--modality', 'image', '--task', 'generate', '--no-input', '--why-not', 'ganz']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/unknown family "ganz"/);
    expect(stderr).toMatch(/did you mean/i);
    expect(stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});

describe('--format markdown (the decision record)', () => {
  it('lists all seven families and is ready to commit', async () => {
    const { stdout, code } = await runInProcess([...clear, '--format', 'markdown']);
    expect(code).toBe(0);
    const options = stdout.slice(stdout.indexOf('## Considered Options'), stdout.indexOf('## Decision Outcome'));
    for (const id of FAMILY_IDS) expect(options).toContain(`(\`${id}\`)`);
    expect(stdout).toContain('- Label: **stable**.');
    expect(stdout).toMatch(/^- \[ \] \*\*/m);
    expect(stdout).toMatch(/^status: proposed$/m);
  });
});

describe('--sources on compare and explain', () => {
  it('explain --sources adds the full citation under each rating', async () => {
    const plain = (await runInProcess(['explain', 'gan'])).stdout;
    const sourced = (await runInProcess(['explain', 'gan', '--sources'])).stdout;
    expect(plain).not.toContain('[STYLEGAN] Karras');
    // Each citation leads with its year, as sources.yaml gives it.
    expect(flat(sourced)).toMatch(/\[STYLEGAN\] \d{4} · Karras, Laine, Aila\. A Style-Based Generator Architecture/);
  });

  it('compare --sources lists each family\'s ratings with rationale and citations, in every format', async () => {
    const text = flat((await runInProcess(['compare', 'gan', 'diffusion', '--sources'])).stdout);
    expect(text).toContain('Every rating with its rationale and sources');
    expect(text).toMatch(/Generative adversarial networks \(gan\) quality 4\/5 One generator pass gives sharp samples/);
    const md = (await runInProcess(['compare', 'gan', '--sources', '--format', 'markdown'])).stdout;
    expect(md).toMatch(/^\| quality \| 4 \| .* \| \[ADM\] \d{4} · Dhariwal/m);
    const doc = JSON.parse((await runInProcess(['compare', 'gan', '--sources', '--format', 'json'])).stdout) as {
      families: Array<{ ratings: Record<string, { citations: Array<{ key: string; citation: string }> }> }>;
    };
    expect(doc.families[0]!.ratings.quality!.citations.map((c) => c.key)).toContain('ADM');
  });
});
