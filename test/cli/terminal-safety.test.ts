/**
 * Nothing unsafe reaches a terminal or a CI parser: text from overlays and stack files loses
 * its control characters and escape sequences in every format, XML and SARIF stay
 * well-formed whatever the names hold. (A reader that stops early: test/e2e/epipe.test.ts.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../../src/cli/commands/check.js';
import { CHECKLIST_RENDERERS, COMPARE_RENDERERS, EXPLAIN_RENDERERS, RECOMMEND_RENDERERS, USE_CASES_RENDERERS, type Registry } from '../../src/render/formats.js';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

// Colour, cursor moves, a window-title change (OSC), the one-byte C1 CSI, bell, backspace,
// delete, NUL and carriage return; then the characters XML and Markdown care about.
const NASTY = '\u001b[31m\u001b]0;pwned\u0007\u009b2J\u0008\u007f\u0000\r<&"\'>]]>%,:';
// Any C0/C1 control but tab and newline: none may reach stdout.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A YAML double-quoted string: control characters written as escapes, so the file itself is plain text. */
const q = (text: string) => `"${[...text].map((c) => (c === '"' || c === '\\' ? `\\${c}` : CONTROL.test(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c)).join('')}"`;
/** `MARK-<field>` shows the text did reach the output, so the absence of controls means something. */
const evil = (field: string) => q(`MARK-${field} ${NASTY} end`);

const OVERLAY = `
sources:
  EVIL-SRC: { citation: ${evil('citation')} }
criteria:
  evil-crit:
    label: ${evil('criterion-label')}
    description: ${evil('criterion-description')}
    default_level: high
    high_phrase: ${evil('high-phrase')}
    low_phrase: ${evil('low-phrase')}
families:
  diffusion:
    name: ${evil('family-name')}
    short_name: ${evil('short-name')}
    summary: ${evil('summary')}
    how_it_works: ${evil('how-it-works')}
    best_at: [${evil('best-at')}]
    limitations: [${evil('limitation')}]
    business_uses: [${evil('business-use')}]
    examples: [{ name: ${evil('example')}, note: ${evil('example-note')} }]
    disagreements: [${evil('disagreement')}]
    ratings:
      evil-crit: { value: 5, why: ${evil('rating-why')}, sources: [EVIL-SRC] }
  gan:
    ratings: { evil-crit: 1 }
use_cases:
  evil-case:
    title: ${evil('use-case-title')}
    description: ${evil('use-case-description')}
    rationale: ${evil('use-case-rationale')}
    answers: { modality: image, task: generate }
governance:
  - id: evil-item
    area: transparency
    title: ${evil('item-title')}
    why: ${evil('item-why')}
    actions: [${evil('item-action')}]
    evidence: [${evil('item-evidence')}]
    severity: required
    references:
      - { framework: EU AI Act, id: "Art. 50(1)", edition: ${evil('edition')} }
`;

// The name holds every character XML must escape, and the ones GitHub annotations must.
const STACK_NAME = `stack <&"'>,100%:x.yaml`;
const STACK = `version: 1
policy: { allowed_licenses: [mit] }
use_cases:
  - id: evil
    description: ${evil('stack-description')}
    owner: ${evil('owner')}
    profile: { use_case: evil-case }
    choice: { family: diffusion, vendor: ${evil('vendor')}, model: ${evil('model')}, license: ${evil('license')} }
    governance:
      ai-disclosure: { status: not-applicable, reason: ${evil('reason')} }
`;

let dir: string;
beforeAll(() => {
  dir = tempDir('genai-advisor-safety-');
  writeFileSync(join(dir, 'overlay.yaml'), OVERLAY);
  writeFileSync(join(dir, STACK_NAME), STACK);
});

async function output(args: string[], expectedCode = 0): Promise<string> {
  const result = await runInProcess([...args, '--knowledge', 'overlay.yaml'], { cwd: dir });
  expect(result.code, result.stderr).toBe(expectedCode);
  expect(result.stderr).toBe('');
  return result.stdout;
}

function expectClean(text: string, marks: number): void {
  const found = CONTROL.exec(text);
  expect(found, found ? `U+${found[0].charCodeAt(0).toString(16)} at …${JSON.stringify(text.slice(found.index - 30, found.index + 10))}` : '').toBeNull();
  expect(new Set(text.match(/MARK-[a-z-]+/g) ?? []).size, 'user text reached the output').toBeGreaterThanOrEqual(marks);
}

describe('overlay text in every command and format', () => {
  // Each command in each of its own formats (its registry's keys, as its --format accepts).
  const COMMANDS: Array<[string, string[], number, Registry<never>]> = [
    ['recommend', ['--use-case', 'evil-case', '--no-input', '--why-not', 'gan', '--details'], 4, RECOMMEND_RENDERERS],
    ['recommend (the summary)', ['--use-case', 'evil-case', '--no-input', '--why-not', 'gan'], 3, RECOMMEND_RENDERERS],
    ['checklist', ['checklist', '--use-case', 'evil-case', '--no-input'], 3, CHECKLIST_RENDERERS],
    ['compare', ['compare', 'diffusion', 'gan'], 4, COMPARE_RENDERERS],
    ['explain', ['explain', 'diffusion'], 6, EXPLAIN_RENDERERS],
    ['use-cases', ['use-cases'], 1, USE_CASES_RENDERERS],
  ];
  const rows = COMMANDS.flatMap(([name, args, marks, registry]) => Object.keys(registry).map((format) => [`${name} --format ${format}`, [...args, '--format', format], marks] as const));
  it.each(rows)('%s', async (_name, args, marks) => {
    expectClean(await output([...args]), marks);
  });
});

/**
 * A strict XML 1.0 well-formedness check, enough for a JUnit report: legal characters, one
 * root, balanced and properly nested tags, unique quoted attributes, and no `<` or bare `&`
 * in text or attribute values. Returns the first problem.
 */
function xmlProblem(xml: string): string | undefined {
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)) return 'a character XML does not allow';
  const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
  const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  const badText = (text: string) => text.includes('<') || text.replace(/&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '').includes('&');
  const stack: string[] = [];
  let roots = 0;
  let rest = xml.replace(/^<\?xml\s[^?]*\?>/, '');
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (badText(text)) return `bad text: ${text.slice(0, 40)}`;
    if (stack.length === 0 && text.trim() !== '') return 'text outside the root element';
    if (lt === -1) break;
    rest = rest.slice(lt);
    for (const [open, close] of [['<!--', '-->'], ['<![CDATA[', ']]>']] as const) {
      if (!rest.startsWith(open)) continue;
      const end = rest.indexOf(close, open.length);
      if (end === -1) return `unclosed ${open}`;
      rest = rest.slice(end + close.length);
    }
    if (!rest.startsWith('<') || rest.startsWith('<!--') || rest.startsWith('<![CDATA[')) continue;
    const tag = TAG.exec(rest);
    if (!tag) return `malformed tag: ${rest.slice(0, 40)}`;
    const [whole, closing, name, attributes, empty] = tag;
    const seen = new Set<string>();
    for (const [, key, double, single] of attributes!.matchAll(ATTRIBUTE)) {
      if (seen.has(key!)) return `duplicate attribute ${key}`;
      seen.add(key!);
      if (badText(double ?? single ?? '')) return `bad value in attribute ${key}`;
    }
    if (closing) {
      if (attributes || empty) return `malformed end tag </${name}>`;
      if (stack.pop() !== name) return `</${name}> closes the wrong element`;
    } else {
      if (stack.length === 0 && ++roots > 1) return 'more than one root element';
      if (!empty) stack.push(name!);
    }
    rest = rest.slice(whole.length);
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is never closed`;
  return roots === 1 ? undefined : 'no root element';
}

describe('the XML checker itself', () => {
  it.each([
    ['<a b="<"/>', /attribute b/],
    ['<a>&</a>', /bad text/],
    ['<a>&amp</a>', /bad text/],
    ['<a><b></a></b>', /closes the wrong element/],
    ['<a>\u0001</a>', /character/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a/><b/>', /more than one root/],
    ['<a><![CDATA[x]]></a', /malformed tag/],
    ['<a>', /never closed/],
  ])('rejects %j', async (xml, problem) => {
    expect(xmlProblem(xml)).toMatch(problem);
  });
  it('accepts escaped text, entities, comments and CDATA', async () => {
    expect(xmlProblem('<?xml version="1.0"?>\n<a x="&lt;&amp;&quot;&apos;&gt;&#10;"><!-- c --><b>t &amp; &#x41;<![CDATA[<&>]]></b><c/></a>\n')).toBeUndefined();
  });
});

describe('stack-file and overlay text in every check format', () => {
  const run = (format: string) => output(['check', STACK_NAME, '--format', format], 1);

  it.each(CHECK_FORMATS.map((format) => [format]))('%s', async (format) => {
    expectClean(await run(format), 1);
  });

  it('junit is well-formed XML, with the names and messages escaped', async () => {
    const xml = await run('junit');
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain('stack &lt;&amp;&quot;');
    expect(xml).toMatch(/MARK-item-title/);
  });

  it('sarif is valid JSON that keeps the text, without control characters', async () => {
    const sarif = JSON.parse(await run('sarif'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(results.length).toBeGreaterThan(0);
    const messages = results.map((r) => r.message.text).join('\n');
    expect(messages).toMatch(/MARK-license [^\n]*<&\\"'>/);
    expect(messages).toMatch(/MARK-item-title/);
    for (const r of results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/stack/);
  });

  it('github annotations keep one annotation per line, with %, comma and colon escaped in the file property', async () => {
    const lines = (await run('github')).trimEnd().split('\n');
    const annotations = lines.filter((line) => line.startsWith('::'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) {
      expect(line).toMatch(/^::(error|warning|notice) file=stack <&"'>%2C100%25%3Ax\.yaml,line=\d+,col=\d+,title=[^:]+::/);
      // A raw % in the message would start an escape of its own.
      expect(line.split('::').slice(2).join('::')).not.toMatch(/%(?![0-9A-F]{2})/);
    }
  });
});

describe('error messages', () => {
  it('a key quoted from a user file reaches stderr without its escape sequences', async () => {
    writeFileSync(join(dir, 'answers.yaml'), `modality: image\ntask: generate\n${q(`MARK-key ${NASTY}`)}: 1\n`);
    const result = await runInProcess(['--answers', 'answers.yaml', '--no-input'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: answers\.yaml:3:1: unknown key "MARK-key /);
    expect(CONTROL.test(result.stderr)).toBe(false);
  });

  it('a file name with escape sequences is shown with them escaped in the message too', async () => {
    const result = await runInProcess(['check', `MARK-\u001b]0;title\u0007\u001b[2J.yaml`], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: stack file MARK-\\u001b\]0;title\\u0007\\u001b\[2J\.yaml does not exist/);
    expect(CONTROL.test(result.stderr)).toBe(false);
  });
});
