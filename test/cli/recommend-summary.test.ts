/** The default `recommend` view in a terminal: one screen, plain words, verdict first; --details keeps everything. */
import { describe, expect, it } from 'vitest';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { runInProcess } from '../helpers/run.js';
import { expectFits } from '../render/width.js';

const terminal = (columns: number) => ({ isTTY: true, columns });

async function table(args: string[], columns = 80): Promise<string> {
  const result = await runInProcess([...args, '--no-input'], terminal(columns));
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

// The presets as a user lists them, so a new preset is checked without editing this test.
const listed = await runInProcess(['use-cases', '--format', 'json']);
const PRESETS: string[] = (JSON.parse(listed.stdout) as { useCases: Array<{ id: string }> }).useCases.map((u) => u.id);
const JARGON = /dirichlet|concentration|seed|judgement/i;

describe('the one-screen default', () => {
  it('lists the presets it checks', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(18);
    expect(PRESETS).toContain('customer-support-chatbot');
  });

  it.each(PRESETS)('%s: at most 40 lines at 80 columns, the verdict first, in plain words', async (id) => {
    const text = await table(['--use-case', id]);
    const lines = text.trimEnd().split('\n');
    expect(lines.length, text).toBeLessThanOrEqual(40);
    expect(lines[0]).toMatch(/^(Recommended: \S.* \(\d+\.\d of 100\)|Nothing fits)/);
    expectFits(text, 80);
    expect(text).not.toMatch(JARGON);
  });

  it.each(PRESETS)('%s: never wider than a 60-column terminal', async (id) => {
    expectFits(await table(['--use-case', id], 60), 60);
  });

  it('the chatbot: Transformer, the one line of reasons, the ruled-out families, three checklist items, the next steps', async () => {
    const text = await table(['--use-case', 'customer-support-chatbot']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Recommended: Transformer (84.4 of 100), the only family that fits.');
    expect(text).toMatch(/^ {2}1 Transformer +84\.4 .*high-quality output, fast sampling$/m);
    const ruledOut = text.slice(text.indexOf('Ruled out:'), text.indexOf('.\n', text.indexOf('Ruled out:'))).replace(/\s+/g, ' ');
    for (const family of ['Diffusion', 'GAN', 'VAE', 'Flow', 'Autoregressive', 'EBM']) expect(ruledOut).toContain(family);
    expect(ruledOut).toContain('cannot generate text');
    expect(text).toMatch(/^Governance checklist: \d+ items \(\d+ required, \d+ recommended\)\. Start with:$/m);
    expect(text.match(/^ {2}• /gm)).toHaveLength(3);
    for (const step of ['--details', '--format html --output report.html', '--format markdown', 'genai-advisor checklist', 'genai-advisor init']) expect(text).toContain(step);
    // Transformer is the only eligible family: no other could have come first.
    expect(text).not.toContain('--why-not');
    // What the summary leaves to --details.
    expect(text).not.toContain('┌');
    expect(text).not.toContain('Applies because');
  });

  it('says how sure it is in words that follow the robustness label', async () => {
    for (const id of ['marketing-visuals', 'risk-modeling', 'customer-support-chatbot']) {
      const first = (await table(['--use-case', id])).split('\n')[0]!;
      const { robustness } = JSON.parse((await runInProcess(['--use-case', id, '--no-input', '--format', 'json'])).stdout) as { robustness: { label: string; runnerUp?: string | null; eligible: number } };
      const words = robustness.eligible === 1 ? 'the only family that fits' : { stable: 'clearly ahead of', fragile: 'a close call with', tie: 'tied with' }[robustness.label];
      expect(first, id).toContain(words);
    }
  });

  it('when nothing fits, the first line says so and the next says what to relax', async () => {
    // Real-time text has a path now (streaming, small models, speculative decoding); real-time
    // multimodal editing has none in the literature gathered.
    const text = await table(['--modality', 'multimodal', '--task', 'edit', '--latency', 'realtime']);
    const [first, ...rest] = text.split('\n');
    expect(first).toBe('Nothing fits: no family is eligible for this profile.');
    expect(rest.join(' ').replace(/\s+/g, ' ')).toContain('Relax latency (realtime → interactive: --latency interactive)');
    // No decision to record, and no family to contrast.
    expect(text).not.toContain('genai-advisor init');
    expect(text).not.toContain('--why-not');
    expect(text).toContain('genai-advisor checklist');
  });

  it('says which priorities the task renames or leaves out, instead of echoing them as given', async () => {
    const text = (await table(['--modality', 'audio', '--task', 'anomaly-detection', '--priority', 'speed=high,diversity=high,cost=low'])).replace(/\s+/g, ' ');
    expect(text).toContain('speed high (counts as scoring-speed for anomaly detection)');
    expect(text).toContain('diversity high (not used for anomaly detection)');
    expect(text).toContain('diversity high (not used for anomaly detection), cost low Recommended');
  });

  it('keeps a family’s main drawback before a further strength when the line is short', async () => {
    const rows = (await table(['--use-case', 'photo-color-grading'], 80)).split('\n').filter((l) => /^ {2}\d /.test(l));
    expect(rows.length).toBeGreaterThan(1);
    // GAN's weak spot (stability 2/5) is of low importance here, so it earns no caveat.
    for (const row of rows.filter((r) => !/ GAN /.test(r))) expect(row).toContain('; but ');
    expect(rows.find((r) => / GAN /.test(r))).not.toContain('but');
  });

  it('suggests the runner-up for --why-not when another family could have come first', async () => {
    expect(await table(['--use-case', 'marketing-visuals'])).toContain('--why-not gan');
  });

  it('shows each reason whole: a phrase that does not fit is left out, never cut', async () => {
    const phrases = new Set(Object.values(builtinKnowledge.criteria).flatMap((c) => [c.high_phrase, c.low_phrase]));
    // Reasons are joined with commas, so no phrase may hold one.
    for (const phrase of phrases) expect(phrase).not.toContain(',');
    for (const columns of [60, 72, 80]) {
      const text = await table(['--use-case', 'fraud-detection'], columns);
      const rows = text.split('\n').filter((l) => /^ {2}\d /.test(l));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const reasons = row.replace(/^ {2}\d \S+ +\d+\.\d(?: [█░]+)? {2}/, '');
        for (const reason of reasons.split(/; |, /).filter(Boolean)) expect(phrases, row).toContain(reason.replace(/^but /, ''));
      }
    }
  });
});

describe('--details', () => {
  it('shows the full view: the ranking table, robustness figures, example models, notes and the whole checklist', async () => {
    const text = await table(['--use-case', 'customer-support-chatbot', '--details']);
    expect(text).toMatch(/│ 1 +│ Transformer/);
    expect(text).toContain('Example models');
    expect(text).toContain('Note: GPT-class language models');
    expect(text).toContain('Applies because');
    expect(text.split('\n').length).toBeGreaterThan(100);
    expect((await table(['--use-case', 'marketing-visuals', '--details'])).replace(/\s+/g, ' ')).toMatch(/Nearby weightings: 1000 draws from a Dirichlet distribution/);
  });

  it('changes nothing in JSON, YAML or Markdown', async () => {
    for (const format of ['json', 'yaml', 'markdown']) {
      const plain = await runInProcess(['--use-case', 'marketing-visuals', '--no-input', '--format', format]);
      const detailed = await runInProcess(['--use-case', 'marketing-visuals', '--no-input', '--format', format, '--details']);
      expect(detailed.stdout, format).toBe(plain.stdout);
    }
  });

  it('names each example model under its own family only', async () => {
    const text = await table(['--modality', 'image', '--task', 'generate', '--details'], 100);
    const block = text.slice(text.indexOf('Example models'), text.indexOf('more: genai-advisor models'));
    const ids = block.match(/[a-z0-9][a-z0-9.-]+(?= \()/g) ?? [];
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
