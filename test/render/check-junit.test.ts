import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/check/rules.js';
import { renderCheckJunit, xml, xmlText } from '../../src/render/check-junit.js';
import { goldenResult } from '../check/golden-fixture.js';

/** A strict-enough well-formedness check: balanced tags, quoted attributes, only the five entities. */
function expectWellFormed(text: string): void {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = text.slice(text.indexOf('\n') + 1);
  // eslint-disable-next-line no-control-regex
  expect(body).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(body.replace(/&(amp|lt|gt|quot|apos|#10|#9);/g, '')).not.toContain('&');
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(stack).toEqual([]);
  // Every < starts one of the tags matched above.
  expect(body.replace(/<(\/?)([a-z-]+)((?:\s+[a-z]+="[^"<]*")*)\s*(\/?)>/g, '')).not.toContain('<');
}

describe('check --format junit', () => {
  it('matches the golden file', async () => {
    await expect(renderCheckJunit(goldenResult())).toMatchFileSnapshot('golden/check.junit.xml');
  });

  it('is well-formed XML, with a suite per use case and a case per rule', () => {
    const result = goldenResult();
    const text = renderCheckJunit(result);
    expectWellFormed(text);
    expect(text.match(/<testsuite /g)).toHaveLength(result.useCases.length);
    expect(text.match(/<testcase /g)).toHaveLength(result.useCases.length * RULES.length);
    const failures = text.match(/<failure /g)!.length;
    expect(text).toContain(`<testsuites name="genai-advisor check config/genai-stack.yaml" tests="${result.useCases.length * RULES.length}" failures="${failures}"`);
    // The family finding carries its file:line:col.
    expect(text).toMatch(/<testcase name="family-fit\/rank" classname="chatbot"[^>]*>\n\s*<failure [^>]*>config\/genai-stack\.yaml:11:15: error: gan is not among/);
  });

  it('reports warnings as output unless --strict makes them failures', () => {
    expect(renderCheckJunit(goldenResult())).toMatch(/<testcase name="governance\/planned" classname="summaries"[^>]*>\n\s*<system-out>/);
    const strict = renderCheckJunit(goldenResult({ strict: true }));
    expectWellFormed(strict);
    expect(strict).toMatch(/<testcase name="governance\/planned" classname="summaries"[^>]*>\n\s*<failure message="&quot;energy-use&quot; is planned/);
  });

  it('escapes text, shows control characters as escapes and drops what XML cannot hold', () => {
    expect(xml('a<b>&"c"\'d\'\n\u001b[31m\u0007')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#10;\\u001b[31m\\u0007');
    expect(xmlText('x\ny <z> \ud800 \uffff 😀')).toBe('x\ny &lt;z&gt;   😀');
  });
});
