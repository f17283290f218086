/**
 * A governance condition in words, for the documentation's table of legal items
 * (`informs` is not `none` and `system_role` is `provider`). Pure.
 */
import type { Condition } from '../knowledge/types.js';

function value(v: unknown): string {
  return `\`${String(v)}\``;
}

function leaf(key: string, expected: unknown): string {
  const name = `\`${key}\``;
  if (expected === true) return name;
  if (expected === false) return `not ${name}`;
  if (Array.isArray(expected)) return `${name} is ${expected.map(value).join(' or ')}`;
  return `${name} is ${value(expected)}`;
}

/** The condition as a phrase; `always` for none. */
export function describeCondition(cond: Condition | undefined): string {
  if (cond === undefined || Object.keys(cond).length === 0) return 'always';
  const parts = Object.entries(cond as Record<string, unknown>).map(([key, v]) => {
    if (key === 'all') return (v as Condition[]).map((c) => wrap(c, 'all')).join(' and ');
    if (key === 'any') return (v as Condition[]).map((c) => wrap(c, 'any')).join(' or ');
    if (key === 'not') {
      const inner = v as Record<string, unknown>;
      const keys = Object.keys(inner);
      if (keys.length === 1 && keys[0] !== 'all' && keys[0] !== 'any' && keys[0] !== 'not') {
        const [k, e] = Object.entries(inner)[0]!;
        if (typeof e === 'string') return `\`${k}\` is not ${value(e)}`;
        if (Array.isArray(e)) return `\`${k}\` is not ${e.map(value).join(' or ')}`;
      }
      return `not (${describeCondition(v as Condition)})`;
    }
    return leaf(key, v);
  });
  return parts.join(' and ');
}

/** Brackets a child whose combinator differs from its parent's, so `a and (b or c)` reads right. */
function wrap(child: Condition, parent: 'all' | 'any'): string {
  const text = describeCondition(child);
  const keys = Object.keys(child);
  const mixed = (parent === 'all' && (keys.includes('any') || text.includes(' or '))) || (parent === 'any' && (keys.length > 1 || keys.includes('all')));
  return mixed ? `(${text})` : text;
}
