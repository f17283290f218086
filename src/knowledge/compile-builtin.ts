/**
 * Compiles the built-in knowledge files (the build's step, scripts/compile-knowledge.ts): the
 * strict schema, then cross-references. Apart from compile.ts so that the strict validator,
 * the largest, is never bundled: the CLI and the library only merge overlays.
 */
import builtinValidator from '../../build/validators/builtinKnowledge.cjs';
import { DiagnosticsError } from '../errors.js';
import { finish, mergeInto, parseAll, sorted, withoutHoles, type SourceFile } from './compile.js';
import { checkReferences } from './references.js';
import type { Knowledge } from './types.js';
import type { ValidateFunction } from './validate.js';

type Raw = Record<string, unknown>;

/** Compiles the built-in knowledge files: strict schema, then cross-references. */
export function compileKnowledge(files: SourceFile[]): Knowledge {
  const { docs, diagnostics } = parseAll(files, builtinValidator as ValidateFunction);
  const raw: Raw = {};
  for (const doc of docs) mergeInto(raw, withoutHoles(doc.value as Raw));
  const missing = ['version', 'levels', 'modality_fit', 'criteria', 'families', 'questions', 'use_cases', 'governance_areas', 'frameworks', 'sources', 'models'].filter((k) => raw[k] === undefined);
  if (missing.length > 0) {
    // A section dropped for a schema problem is already reported; say "missing" only otherwise.
    if (diagnostics.length === 0) diagnostics.push({ file: files[0]?.file ?? 'knowledge', line: 1, col: 1, message: `the knowledge base has no ${missing.join(', ')} section` });
    throw new DiagnosticsError(sorted(diagnostics, files));
  }
  const knowledge = finish(raw);
  diagnostics.push(...checkReferences(knowledge, docs, { strict: true }));
  if (diagnostics.length > 0) throw new DiagnosticsError(sorted(diagnostics, files));
  return knowledge;
}

