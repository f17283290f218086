/** Answers files, and the answers inside presets and stack files: their own validator module. */
import answers from '../../build/validators/answers.cjs';
import type { Diagnostic } from '../errors.js';
import type { Knowledge } from './types.js';
import { knownIds, validateAgainst, type ValidateFunction } from './validate.js';
import type { ParsedYaml, PathSegment } from './yaml.js';

/** An answers file (or the answers at `at`): its schema, then its ids against the knowledge. */
export function validateAnswers(parsed: ParsedYaml, knowledge: Pick<Knowledge, 'questions' | 'criteria' | 'use_cases'>, at: readonly PathSegment[] = []): Diagnostic[] {
  return [...validateAgainst(parsed, answers as ValidateFunction, at), ...knownIds(parsed, knowledge, at)].sort((a, b) => a.line - b.line || a.col - b.col);
}
