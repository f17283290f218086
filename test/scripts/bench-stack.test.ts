// The benchmark's stack file must be one a correct `check` passes, and varied enough that
// `check` exercises presets, families, hosting and every governance status.
import { describe, expect, it } from 'vitest';
import { checkStack } from '../../src/check/index.js';
import { builtinKnowledge } from '../../src/knowledge/builtin.js';
import { parseYaml } from '../../src/knowledge/yaml.js';
import { generateStack, generateStacks } from '../../scripts/bench-stack.js';

interface Entry {
  id: string;
  profile: { use_case: string };
  choice: { family: string; hosting: string };
  governance?: Record<string, { status: string }>;
}

describe('generateStack', () => {
  const text = generateStack(builtinKnowledge, 400);
  const stack = parseYaml(text, 'genai-stack.yaml').value as { use_cases: Entry[] };

  it('writes the requested number of use cases with unique ids', () => {
    expect(stack.use_cases).toHaveLength(400);
    expect(new Set(stack.use_cases.map((u) => u.id)).size).toBe(400);
  });

  it('passes check: no error, only open plans as warnings', () => {
    const result = checkStack(builtinKnowledge, text, 'genai-stack.yaml', { today: new Date().toISOString().slice(0, 10) });
    expect(result.findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(new Set(result.findings.map((f) => f.rule))).toEqual(new Set(['governance/planned']));
    expect(result.ok).toBe(true);
  });

  it('varies presets, families, hosting and statuses', () => {
    const presets = new Set(stack.use_cases.map((u) => u.profile.use_case));
    expect(presets.size).toBe(Object.keys(builtinKnowledge.use_cases).length);
    expect(new Set(stack.use_cases.map((u) => u.choice.family)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(stack.use_cases.map((u) => u.choice.hosting))).toEqual(new Set(['api', 'self-hosted', 'on-device']));
    const statuses = new Set(stack.use_cases.flatMap((u) => Object.values(u.governance ?? {}).map((g) => g.status)));
    expect(statuses).toEqual(new Set(['done', 'planned', 'not-applicable']));
  });

  it('is reproducible', () => {
    expect(generateStack(builtinKnowledge, 50)).toBe(generateStack(builtinKnowledge, 50));
  });

  it('splits the same use cases into a monorepo of files', () => {
    const files = generateStacks(builtinKnowledge, 5, 2);
    expect(files).toHaveLength(5);
    const ids = (text: string) => (parseYaml(text, 'f.yaml').value as { use_cases: Entry[] }).use_cases.map((u) => u.id);
    expect(files.flatMap(ids)).toEqual(ids(generateStack(builtinKnowledge, 10)));
  });
});
