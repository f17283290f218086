/**
 * Reads the HTML report with parse5, the WHATWG parser browsers follow, so the tests see the
 * tree a browser builds (inline SVG lands in the SVG namespace), not what a regex guesses.
 */
import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ParsedPage {
  document: DefaultTreeAdapterMap['document'];
  /** Every parse error the HTML standard defines (an unclosed tag, a bad attribute, a bad character…). */
  errors: ParserError[];
}

export function parsePage(text: string): ParsedPage {
  const errors: ParserError[] = [];
  const document = parse(text, { onParseError: (e) => errors.push(e) });
  return { document, errors };
}

const isElement = (node: Node): node is Element => 'tagName' in node;

function children(node: Node): Node[] {
  const own = 'childNodes' in node ? node.childNodes : [];
  // A <template>'s children live in its content fragment.
  return node.nodeName === 'template' && 'content' in node ? [...own, ...(node as DefaultTreeAdapterMap['template']).content.childNodes] : own;
}

/** Every element under `root`, in document order, that `match` accepts. */
export function findAll(root: Node, match: (e: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if (isElement(node) && match(node)) out.push(node);
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return out;
}

export const byTag = (tag: string) => (e: Element) => e.tagName === tag;

export function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

/** The text a reader sees (and a screen reader reads) under a node, whitespace collapsed. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return children(node).map(textOf).join('').replace(/\s+/g, ' ');
}
