import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { LEVELS } from '../../src/knowledge/types.js';
import { parsePriorities } from '../../src/profile/priorities.js';

const criteria = Object.keys(builtinKnowledge.criteria);
const parse = (...specs: string[]) => parsePriorities(specs, criteria);

function errorOf(...specs: string[]): UsageError {
  try {
    parse(...specs);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('parsePriorities', () => {
  it('reads comma-separated criterion=level pairs, across repeated flags', () => {
    expect(parse('quality=high,speed=low', 'likelihood=critical')).toEqual({ quality: 'high', speed: 'low', likelihood: 'critical' });
  });

  it('tolerates spaces and empty parts', () => {
    expect(parse(' quality = high , ,speed=none,')).toEqual({ quality: 'high', speed: 'none' });
  });

  it('lets a later pair for the same criterion win', () => {
    expect(parse('quality=low', 'quality=high')).toEqual({ quality: 'high' });
  });

  it('accepts the modality-fit criterion and every level', () => {
    for (const level of LEVELS) expect(parse(`modality-fit=${level}`)).toEqual({ 'modality-fit': level });
  });

  it('an empty list is no priorities', () => {
    expect(parse()).toEqual({});
  });

  it('rejects a part that is not criterion=level, showing the form', () => {
    const error = errorOf('quality');
    expect(error.message).toBe('--priority "quality" is not criterion=level');
    expect(error.hint).toMatch(/--priority quality=high,speed=low/);
  });

  it('rejects an unknown criterion with a did-you-mean and the list', () => {
    const error = errorOf('qualty=high');
    expect(error.message).toBe('--priority names unknown criterion "qualty". Did you mean "quality"?');
    expect(error.hint).toBe(`criteria: ${criteria.join(', ')}`);
  });

  it('rejects an unknown level with a did-you-mean and the levels', () => {
    const error = errorOf('speed=hgh');
    expect(error.message).toBe('--priority speed=hgh: unknown level "hgh". Did you mean "high"?');
    expect(error.hint).toBe(`levels: ${LEVELS.join(', ')}`);
  });

  it('gives no suggestion when nothing is close', () => {
    expect(errorOf('banana=high').message).not.toMatch(/Did you mean/);
  });
});
