/** The check result every format's golden file renders (not a test file itself). */
import { readFileSync } from 'node:fs';
import { checkStack, type CheckResult } from '../../src/check/index.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';

// A fixed version and hash, so that editing the knowledge base changes the goldens only where it
// changes a score, a title or a checklist.
const knowledge = { ...builtinKnowledge, version: '1.0.0-test', sha256: 'f'.repeat(64) };
export const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };
export const FILE = 'config/genai-stack.yaml';

export function goldenResult(options: { strict?: boolean } = {}): CheckResult {
  const text = readFileSync(new URL('./fixtures/golden-stack.yaml', import.meta.url), 'utf8');
  return checkStack(knowledge, text, FILE, { today: '2026-06-01', strict: options.strict });
}

export const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
