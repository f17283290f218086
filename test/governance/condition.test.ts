import { describe, expect, it } from 'vitest';
import { describeFact, evaluateCondition } from '../../src/governance/condition.js';
import type { Condition } from '../../src/knowledge/types.js';

const facts = {
  modality: 'text',
  task: 'conversation',
  sector: 'healthcare',
  customer_facing: true,
  sensitive_data: false,
  high_stakes: true,
  human_review: false,
  family: 'transformer',
};

/** The result without `keys` (tested on its own below). */
const ev = (c: Condition | undefined, f: Record<string, unknown> = facts) => {
  const { keys: _keys, ...rest } = evaluateCondition(c, f);
  return rest;
};

describe('evaluateCondition', () => {
  it('names the fact keys that made the condition hold', () => {
    expect(evaluateCondition({ any: [{ customer_facing: true }, { sector: 'finance' }] }, facts).keys).toEqual(['customer_facing']);
    expect(evaluateCondition({ all: [{ high_stakes: true }, { not: { human_review: true } }] }, facts).keys).toEqual(['high_stakes', 'human_review']);
    expect(evaluateCondition({ sector: 'finance' }, facts).keys).toEqual([]);
  });

  it('a missing condition or {} always holds, with no reasons', () => {
    expect(ev(undefined)).toEqual({ holds: true, reasons: [] });
    expect(ev({})).toEqual({ holds: true, reasons: [] });
  });

  it('boolean leaves', () => {
    expect(ev({ customer_facing: true })).toEqual({ holds: true, reasons: ['customer-facing'] });
    expect(ev({ customer_facing: false })).toEqual({ holds: false, reasons: [] });
    expect(ev({ human_review: false })).toEqual({ holds: true, reasons: ['human review is off'] });
    expect(ev({ sensitive_data: false })).toEqual({ holds: true, reasons: ['no sensitive data'] });
    expect(ev({ high_stakes: true })).toEqual({ holds: true, reasons: ['high stakes'] });
  });

  it('string leaves and value lists', () => {
    expect(ev({ sector: 'healthcare' })).toEqual({ holds: true, reasons: ['sector is healthcare'] });
    expect(ev({ modality: ['image', 'text'] })).toEqual({ holds: true, reasons: ['modality is text'] });
    expect(ev({ modality: ['image', 'video'] }).holds).toBe(false);
  });

  it('family leaves read the recommended family', () => {
    expect(ev({ family: 'transformer' })).toEqual({ holds: true, reasons: ['recommended family is transformer'] });
    expect(ev({ family: 'diffusion' }).holds).toBe(false);
    expect(ev({ family: 'diffusion' }, { ...facts, family: undefined }).holds).toBe(false);
  });

  it('a leaf with several keys needs all of them', () => {
    expect(ev({ customer_facing: true, modality: 'text' })).toEqual({
      holds: true,
      reasons: ['customer-facing', 'modality is text'],
    });
    expect(ev({ customer_facing: true, modality: 'image' }).holds).toBe(false);
  });

  it('all: every child must hold; reasons are collected in order', () => {
    expect(ev({ all: [{ high_stakes: true }, { human_review: false }] })).toEqual({
      holds: true,
      reasons: ['high stakes', 'human review is off'],
    });
    expect(ev({ all: [{ high_stakes: true }, { human_review: true }] }).holds).toBe(false);
    expect(ev({ all: [] })).toEqual({ holds: true, reasons: [] });
  });

  it('any: holds when one child holds; reasons come from every child that holds', () => {
    expect(ev({ any: [{ modality: 'image' }, { task: 'conversation' }] })).toEqual({
      holds: true,
      reasons: ['task is conversation'],
    });
    expect(ev({ any: [{ modality: 'text' }, { task: 'conversation' }] }).reasons).toEqual([
      'modality is text',
      'task is conversation',
    ]);
    expect(ev({ any: [{ modality: 'image' }, { task: 'edit' }] }).holds).toBe(false);
    expect(ev({ any: [] }).holds).toBe(false);
  });

  it('not: reasons describe the actual facts', () => {
    expect(ev({ not: { sector: 'general' } })).toEqual({ holds: true, reasons: ['sector is healthcare'] });
    expect(ev({ not: { human_review: true } })).toEqual({ holds: true, reasons: ['human review is off'] });
    expect(ev({ not: { customer_facing: true } }).holds).toBe(false);
    expect(ev({ not: { family: 'gan' } }, { ...facts, family: undefined })).toEqual({
      holds: true,
      reasons: ['no recommended family'],
    });
  });

  it('nested combinators', () => {
    const chat: Condition = {
      all: [{ customer_facing: true }, { any: [{ modality: ['text', 'code'] }, { task: 'conversation' }] }],
    };
    expect(ev(chat)).toEqual({
      holds: true,
      reasons: ['customer-facing', 'modality is text', 'task is conversation'],
    });
    expect(ev(chat, { ...facts, customer_facing: false }).holds).toBe(false);
  });

  it('deduplicates reasons', () => {
    expect(ev({ all: [{ high_stakes: true }, { any: [{ high_stakes: true }] }] }).reasons).toEqual(['high stakes']);
  });

  it('an unknown key never holds', () => {
    expect(ev({ colour: 'blue' } as Condition).holds).toBe(false);
  });
});

describe('describeFact', () => {
  it('falls back to readable generic phrases', () => {
    expect(describeFact('latency', 'batch')).toBe('latency is batch');
    expect(describeFact('new_flag', true)).toBe('new-flag');
    expect(describeFact('new_flag', false)).toBe('new-flag is off');
    expect(describeFact('family', 'diffusion')).toBe('recommended family is diffusion');
    expect(describeFact('sector', undefined)).toBe('sector is not set');
  });
});
