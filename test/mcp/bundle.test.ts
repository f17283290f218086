// The MCP SDK loads only for `genai-advisor mcp`: no module the other commands start with holds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The modules a file imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively; `import()` is not followed. */
function startupModules(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)) startupModules(join(file, '..', match[1]!), seen);
  return seen;
}

describe('the bundle', () => {
  it('keeps the MCP SDK out of the modules every command loads at start', () => {
    const modules = [...startupModules(join(ROOT, 'dist/cli.js'))];
    expect(modules.length).toBeGreaterThan(1);
    // A request method name only the SDK's protocol code spells out.
    for (const file of modules) expect(readFileSync(file, 'utf8'), file).not.toContain('elicitation/create');
  });
});
