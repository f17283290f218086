import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { parse as parseYaml } from 'yaml';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';

const chatbot = ['checklist', '--use-case', 'customer-support-chatbot', '--sensitive-data', '--no-input'];

interface ChecklistDocument {
  checklist: Array<{ id: string; area: string; title: string; severity: string; references: unknown[] }>;
}

/** Table, Markdown and YAML hold the same items as the JSON document, in the same order. */
describe('genai-advisor checklist', () => {
  it('prints the checklist document as JSON, with the contract’s keys and the built-in knowledge named', async () => {
    const result = await runInProcess([...chatbot, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'tool', 'knowledge', 'profile', 'family', 'checklistScope', 'checklist']);
    expect(doc).toMatchObject({ schemaVersion: 1, knowledge: { version: builtinKnowledge.version, sha256: builtinKnowledge.sha256 }, family: 'transformer' });
    expect(doc.profile).toMatchObject({ use_case: 'customer-support-chatbot', customer_facing: true, sensitive_data: true });
    for (const item of doc.checklist) expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'area', 'title', 'why', 'actions', 'evidence', 'severity', 'references']));
  });

  it('prints the same document as YAML', async () => {
    const json = JSON.parse((await runInProcess([...chatbot, '--format', 'json'])).stdout);
    const yaml = await runInProcess([...chatbot, '--format', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(parseYaml(yaml.stdout)).toEqual(json);
  });

  it('prints every item of the document in the table, grouped by area, with the counts', async () => {
    const { checklist } = JSON.parse((await runInProcess([...chatbot, '--format', 'json'])).stdout) as ChecklistDocument;
    const table = await runInProcess([...chatbot, '--format', 'table']);
    expect(table.code).toBe(0);
    const required = checklist.filter((i) => i.severity === 'required').length;
    expect(table.stdout).toContain(`Governance checklist: ${checklist.length} items (${required} required, ${checklist.length - required} recommended)`);
    const ids = [...table.stdout.matchAll(/\[([a-z0-9-]+)\]$/gm)].map((m) => m[1]);
    expect(ids).toEqual(checklist.map((i) => i.id));
    for (const line of table.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('prints every item of the document in the Markdown, one box each', async () => {
    const { checklist } = JSON.parse((await runInProcess([...chatbot, '--format', 'json'])).stdout) as ChecklistDocument;
    const md = (await runInProcess([...chatbot, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/^## Governance checklist$/m);
    const titles = [...md.matchAll(/^- \[ \] \*\*(.+?)\*\*/gm)].map((m) => m[1]);
    expect(titles).toEqual(checklist.map((i) => i.title));
  });

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
