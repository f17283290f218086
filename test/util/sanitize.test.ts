import { describe, expect, it } from 'vitest';
import { guardOutput, quote, visible } from '../../src/util/sanitize.js';

describe('guardOutput', () => {
  it('escapes a line that a GitHub runner would read as a workflow command, in either syntax', () => {
    expect(guardOutput('ok\n::error::x\n  ::add-mask::y\n##[error]z\n ##[add-mask]w\n')).toBe('ok\n\\::error::x\n  \\::add-mask::y\n#\\#[error]z\n #\\#[add-mask]w\n');
  });

  it('leaves commands alone where the output is meant to hold them (check --format github)', () => {
    expect(guardOutput('::error file=a::b\n', { commands: true })).toBe('::error file=a::b\n');
  });

  it('keeps colour and text that merely contains `::`, but breaks `##[` anywhere in a line (the runner reads it there)', () => {
    expect(guardOutput('\u001b[1mbold\u001b[22m a::b ##[x]\n')).toBe('\u001b[1mbold\u001b[22m a::b #\\#[x]\n');
  });

  it('keeps no escape at all when the output is not coloured: a user-written colour is shown, not obeyed', () => {
    expect(guardOutput('\u001b[31mred', { colour: false })).toBe('\\u001b[31mred');
  });

  it('shows other escapes, C1 controls and bidi overrides visibly', () => {
    expect(guardOutput('a\u001b]0;title\u0007b\u009b\u202e\n')).toBe('a\\u001b]0;title\\u0007b\\u009b\\u202e\n');
  });
});

describe('quote and visible', () => {
  it('put a value on one line, with its quotes escaped', () => {
    expect(quote('a"b\n::error::c')).toBe('"a\\"b\\n::error::c"');
    expect(visible('x\r\ny\u2028')).toBe('x\\r\\ny\\u2028');
  });
});
