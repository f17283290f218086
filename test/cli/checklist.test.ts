import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { expectGolden } from '../helpers/golden.js';

const chatbot = ['checklist', '--use-case', 'customer-support-chatbot', '--sensitive-data', '--no-input'];
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);

describe('genai-advisor checklist', () => {
  for (const format of ['table', 'json', 'yaml', 'markdown'] as const) {
    it(`renders the chatbot checklist as ${format} (golden)`, async () => {
      const result = await runInProcess([...chatbot, '--format', format]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expectGolden(result.stdout, golden(`checklist-chatbot.${format === 'table' ? 'txt' : format === 'markdown' ? 'md' : format}`));
    });
  }

  it('gives the customer-facing chatbot disclosure and the OWASP chat items', async () => {
    const { stdout } = await runInProcess([...chatbot, '--format', 'json']);
    const ids = (JSON.parse(stdout) as { checklist: Array<{ id: string }> }).checklist.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['ai-disclosure', 'prompt-injection', 'improper-output-handling', 'system-prompt-leakage', 'misinformation-safeguards']));
  });

  it('gives an internal batch image job none of the prompt-injection items', async () => {
    const { stdout, code } = await runInProcess(['checklist', '--modality', 'image', '--task', 'generate', '--latency', 'batch', '--no-input', '--format', 'json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { checklist: Array<{ id: string }> }).checklist.map((i) => i.id);
    for (const id of ['prompt-injection', 'improper-output-handling', 'system-prompt-leakage', 'ai-disclosure']) expect(ids).not.toContain(id);
  });

  it('gives the customer-facing, sensitive, high-stakes healthcare profile the most items, each referenced with an edition', async () => {
    const count = async (args: string[]) => (JSON.parse((await runInProcess([...args, '--no-input', '--format', 'json'])).stdout) as { checklist: Array<{ references: Array<{ edition: string }> }> }).checklist;
    const heavy = await count(['checklist', '--modality', 'text', '--task', 'conversation', '--sector', 'healthcare', '--customer-facing', '--sensitive-data', '--high-stakes']);
    const light = await count(['checklist', '--modality', 'text', '--task', 'conversation']);
    const chatbot = await count(['checklist', '--use-case', 'customer-support-chatbot']);
    expect(heavy.length).toBeGreaterThan(chatbot.length);
    expect(chatbot.length).toBeGreaterThan(light.length);
    for (const item of heavy) {
      expect(item.references.length).toBeGreaterThan(0);
      for (const ref of item.references) expect(ref.edition).not.toBe('');
    }
  });

  it('markdown uses unticked boxes, ready for a pull-request template', async () => {
    const { stdout } = await runInProcess([...chatbot, '--format', 'markdown']);
    expect(stdout).toMatch(/^- \[ \] \*\*/m);
    expect(stdout).not.toMatch(/- \[x\]/);
  });

  it('the recommend JSON carries the same checklist as the checklist command', async () => {
    const alone = JSON.parse((await runInProcess([...chatbot, '--format', 'json'])).stdout) as { checklist: unknown };
    const recommend = JSON.parse((await runInProcess(['recommend', '--use-case', 'customer-support-chatbot', '--sensitive-data', '--no-input', '--format', 'json'])).stdout) as { checklist: unknown };
    expect(recommend.checklist).toEqual(alone.checklist);
  });
});
