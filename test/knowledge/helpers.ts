/** Shared helpers for the knowledge tests (not a test file itself). */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { SourceFile } from '../../src/knowledge/compile.js';
import { compileKnowledge } from '../../src/knowledge/compile-builtin.js';
import { readKnowledgeDir } from '../../src/knowledge/files.js';
import { DiagnosticsError, type Diagnostic } from '../../src/errors.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built-in knowledge files, as the build reads them. */
export function builtinFiles(): SourceFile[] {
  return readKnowledgeDir(`${ROOT}knowledge`, ROOT);
}

/** The built-in files with one exact snippet of one file replaced (the snippet must exist once). */
export function mutate(name: string, from: string, to: string): SourceFile[] {
  return builtinFiles().map((f) => {
    if (!f.file.endsWith(name)) return f;
    const at = f.text.indexOf(from);
    expect(at, `snippet not found in ${name}: ${from}`).toBeGreaterThanOrEqual(0);
    expect(f.text.indexOf(from, at + 1), `snippet occurs twice in ${name}: ${from}`).toBe(-1);
    return { file: f.file, text: f.text.slice(0, at) + to + f.text.slice(at + from.length) };
  });
}

/** 1-based line and column of `needle` (plus `shift` characters) in `text`. */
export function positionOf(text: string, needle: string, shift = 0): { line: number; col: number } {
  const at = text.indexOf(needle);
  expect(at, `not found: ${needle}`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at + shift).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** The diagnostics a call throws; fails the test when it does not throw them. */
export function diagnosticsOf(fn: () => unknown): Diagnostic[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DiagnosticsError);
    return (error as DiagnosticsError).diagnostics;
  }
  throw new Error('expected a DiagnosticsError, but nothing was thrown');
}

export function compileDiagnostics(files: SourceFile[]): Diagnostic[] {
  return diagnosticsOf(() => compileKnowledge(files));
}
