/**
 * Evaluates a governance `Condition` (data from knowledge/governance.yaml) against the facts
 * of a use case: the resolved profile plus `family`, the recommended family id.
 *
 * A leaf `{ key: value }` holds when the fact equals the value; `{ key: [v1, v2] }` when the
 * fact is one of them; a leaf with several keys needs all of them. `all`, `any` and `not`
 * combine conditions. A missing condition or `{}` always holds.
 *
 * Reasons are short readable phrases describing the facts that made the condition true
 * ("customer-facing", "sector is healthcare", "human review is off").
 */
import type { Condition } from '../knowledge/types.js';

export interface ConditionResult {
  holds: boolean;
  reasons: string[];
}

const BOOLEAN_PHRASES: Record<string, { on: string; off: string }> = {
  customer_facing: { on: 'customer-facing', off: 'not customer-facing' },
  sensitive_data: { on: 'sensitive data', off: 'no sensitive data' },
  synthetic_media: { on: 'synthetic media', off: 'no synthetic media' },
  high_stakes: { on: 'high stakes', off: 'not high stakes' },
  human_review: { on: 'human review is on', off: 'human review is off' },
};

const KEY_LABELS: Record<string, string> = {
  family: 'recommended family',
};

function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key.replace(/_/g, ' ');
}

/** A phrase describing the actual value of one fact. */
export function describeFact(key: string, value: unknown): string {
  if (typeof value === 'boolean') {
    const phrases = BOOLEAN_PHRASES[key];
    if (phrases) return value ? phrases.on : phrases.off;
    const dashed = key.replace(/_/g, '-');
    return value ? dashed : `${dashed} is off`;
  }
  if (value === undefined || value === null) {
    return key === 'family' ? 'no recommended family' : `${keyLabel(key)} is not set`;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return `${keyLabel(key)} is ${value}`;
  }
  return `${keyLabel(key)} is ${JSON.stringify(value)}`;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

const FALSE: ConditionResult = { holds: false, reasons: [] };

function evaluateLeaf(key: string, expected: unknown, facts: Record<string, unknown>): ConditionResult {
  const actual = facts[key];
  const matches = Array.isArray(expected)
    ? expected.some((v) => v === actual)
    : expected === actual;
  if (!matches || actual === undefined) return FALSE;
  return { holds: true, reasons: [describeFact(key, actual)] };
}

/** Every fact key a condition mentions, in order of first mention. */
export function leafKeys(cond: unknown, out: string[] = []): string[] {
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return out;
  for (const [key, value] of Object.entries(cond as Record<string, unknown>)) {
    if (key === 'all' || key === 'any') {
      if (Array.isArray(value)) for (const child of value) leafKeys(child, out);
    } else if (key === 'not') {
      leafKeys(value, out);
    } else if (!out.includes(key)) {
      out.push(key);
    }
  }
  return out;
}

export function evaluateCondition(
  cond: Condition | undefined,
  facts: Record<string, unknown>,
): ConditionResult {
  if (cond === undefined || cond === null) return { holds: true, reasons: [] };
  const reasons: string[] = [];
  // Every entry of the object must hold; `all`/`any`/`not` entries are combinators, any
  // other key is a leaf over a fact.
  for (const [key, value] of Object.entries(cond as Record<string, unknown>)) {
    let result: ConditionResult;
    if (key === 'all') {
      const children = Array.isArray(value) ? (value as Condition[]) : [];
      const results = children.map((c) => evaluateCondition(c, facts));
      result = results.every((r) => r.holds)
        ? { holds: true, reasons: results.flatMap((r) => r.reasons) }
        : FALSE;
    } else if (key === 'any') {
      const children = Array.isArray(value) ? (value as Condition[]) : [];
      const held = children.map((c) => evaluateCondition(c, facts)).filter((r) => r.holds);
      result = held.length > 0 ? { holds: true, reasons: held.flatMap((r) => r.reasons) } : FALSE;
    } else if (key === 'not') {
      const inner = evaluateCondition(value as Condition, facts);
      result = inner.holds
        ? FALSE
        : { holds: true, reasons: leafKeys(value).map((k) => describeFact(k, facts[k])) };
    } else {
      result = evaluateLeaf(key, value, facts);
    }
    if (!result.holds) return FALSE;
    reasons.push(...result.reasons);
  }
  return { holds: true, reasons: uniq(reasons) };
}
