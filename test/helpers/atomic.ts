/**
 * What the atomic-write tests, in-process (test/cli/atomic.test.ts) and spawned
 * (test/e2e/atomic.test.ts), start from and compare.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

// Bytes no command would ever write, so any change shows.
export const PRECIOUS = Buffer.concat([Buffer.from('precious: keep me\n'), Buffer.from([0, 1, 2, 0xff, 0xfe]), Buffer.from('\nend\n')]);

export const BROKEN_ANSWERS = 'modality: image\ntask: generat\n';
export const BROKEN_OVERLAY = 'families:\n  diffusion:\n    ratings: { quality: 9 }\n';
export const BROKEN_STACK = 'version: 1\nuse_cases:\n  - id: bot\n    choice: { family: gann }\n';
export const STACK = 'version: 1\nuse_cases:\n  - id: bot\n    profile: { use_case: customer-support-chatbot }\n    choice: { family: transformer }\n';

/** A fresh folder with the given files. */
export function folder(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('genai-advisor-atomic-');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Every file of a folder with its bytes: the whole state a run could have touched. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name)).toString('base64')]));
}

export const temporaries = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));
