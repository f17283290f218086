/** Interactive `init`: the summary, then a yes/no before anything is written. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runIn, tempDir } from './fake-io.js';
import { script } from './scripted-prompts.js';

vi.mock('@inquirer/prompts', () => import('./scripted-prompts.js'));
vi.mock('../../src/interview/pick-up-to.js', () => import('./scripted-prompts.js'));

const CONFIRM = 'to genai-stack.yaml?';
const confirmations = () => script.asked.filter((a) => a.kind === 'confirm' && a.message.includes(CONFIRM));

beforeEach(() => script.reset());

describe('init after a consultation', () => {
  it('shows the summary, asks (yes by default), then writes', async () => {
    const cwd = tempDir();
    const result = await runIn(['init', '--use-case', 'customer-support-chatbot'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const [asked] = confirmations();
    expect(asked?.message).toMatch(/^Add Transformers? .*to genai-stack\.yaml\?$/);
    expect(asked?.config.default).toBe(true);
    // Asked where the consultation asked, and plain under NO_COLOR like its other prompts.
    expect(asked?.context?.output).toBe(result.io.stdout);
    expect((asked?.config.theme as { style: { highlight(t: string): string } }).style.highlight('x')).toBe('x');
    // The summary is on the screen before the question, without the next steps of `recommend`.
    expect(result.stdout).toMatch(/^Recommended: Transformer \(/m);
    expect(result.stdout).toMatch(/^Governance checklist: /m);
    expect(result.stdout).not.toContain('Next: add to the same command');
    expect(result.stdout.indexOf('Recommended: Transformer')).toBeLessThan(result.stdout.indexOf('Created genai-stack.yaml'));
    expect(readFileSync(join(cwd, 'genai-stack.yaml'), 'utf8')).toContain('id: customer-support-chatbot');
  });

  it('"no" writes nothing and exits 0 with one line', async () => {
    const cwd = tempDir();
    script.reset({ [CONFIRM]: false });
    const result = await runIn(['init', '--use-case', 'customer-support-chatbot'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Nothing written: genai-stack.yaml is unchanged.');
    expect(existsSync(join(cwd, 'genai-stack.yaml'))).toBe(false);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('init without a consultation is unchanged', () => {
  it.each([[['--no-input']], [['--yes']]])('%s: no summary, no question', async (flags) => {
    const cwd = tempDir();
    const result = await runIn(['init', '--use-case', 'customer-support-chatbot', ...flags], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(confirmations()).toEqual([]);
    expect(result.stdout).not.toContain('Recommended:');
    expect(result.stdout).toMatch(/^Created genai-stack\.yaml with use case "customer-support-chatbot"/);
  });
});
