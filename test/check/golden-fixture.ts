/** The check result every format's golden file renders (not a test file itself). */
import { readFileSync } from 'node:fs';
import { checkStack, type CheckResult } from '../../src/check/index.js';
import { goldenKnowledge as knowledge } from '../helpers/golden-knowledge.js';

// The fixture knowledge, with its fixed version and hash: editing knowledge/ never changes a golden.
export const TOOL = { name: 'genai-advisor', version: '0.0.0-test' };
export const FILE = 'config/genai-stack.yaml';

export function goldenResult(options: { strict?: boolean } = {}): CheckResult {
  const text = readFileSync(new URL('./fixtures/golden-stack.yaml', import.meta.url), 'utf8');
  return checkStack(knowledge, text, FILE, { today: '2026-06-01', strict: options.strict });
}
