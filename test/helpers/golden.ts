import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares text with a golden file. UPDATE_GOLDEN=1 rewrites the file instead; a missing
 * golden file fails (so a forgotten file cannot make a test pass vacuously).
 */
export function expectGolden(text: string, file: URL): void {
  const path = file.pathname;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 to create it, then review it`);
  expect(text).toBe(readFileSync(path, 'utf8'));
}
