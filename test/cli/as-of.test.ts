// --as-of (and GENAI_ADVISOR_AS_OF) replace the clock for every date-dependent command, so a CI
// run is reproducible; a bad date is a usage error, never a silent fallback to the clock.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const clock = () => new Date(2030, 0, 3, 12);

function stackDir(): string {
  const cwd = tempDir('genai-advisor-as-of-');
  const stack = readFileSync('examples/genai-stack.yaml', 'utf8').replace('energy-use: { status: done, evidence: docs/governance/energy.md }', 'energy-use: { status: planned, due: 2030-01-02 }');
  writeFileSync(join(cwd, 'genai-stack.yaml'), stack);
  return cwd;
}

describe('--as-of', () => {
  it('judges check\'s due dates as of the given day, not the clock', async () => {
    const cwd = stackDir();
    const byClock = await runInProcess(['check'], { cwd, now: clock });
    const asOf = await runInProcess(['check', '--as-of', '2030-01-01'], { cwd, now: clock });
    expect(byClock.code).toBe(1);
    expect(asOf.code).toBe(0);
    expect(asOf.stdout).toContain('"energy-use" is planned, due 2030-01-02');
  });

  it('takes the day from GENAI_ADVISOR_AS_OF, and the flag wins over it', async () => {
    const cwd = stackDir();
    const fromEnv = await runInProcess(['check', '--format', 'json'], { cwd, now: clock, env: { GENAI_ADVISOR_AS_OF: '2030-01-01' } });
    expect(JSON.parse(fromEnv.stdout).today).toBe('2030-01-01');
    const both = await runInProcess(['check', '--format', 'json', '--as-of', '2029-06-30'], { cwd, now: clock, env: { GENAI_ADVISOR_AS_OF: '2030-01-01' } });
    expect(JSON.parse(both.stdout).today).toBe('2029-06-30');
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['04/12/2026'], ['']])('refuses %j with exit 2 and the expected form', async (value) => {
    const result = await runInProcess(['check', '--as-of', value], { cwd: stackDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--as-of <date>.*YYYY-MM-DD/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad GENAI_ADVISOR_AS_OF by name', async () => {
    const result = await runInProcess(['recommend', '--use-case', 'marketing-visuals', '--no-input'], { env: { GENAI_ADVISOR_AS_OF: 'yesterday' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('GENAI_ADVISOR_AS_OF');
  });

  it.each([['recommend'], ['checklist'], ['check'], ['init'], ['models']])('is offered by %s', async (command) => {
    const help = await runInProcess([command, '--help']);
    expect(help.stdout).toContain('--as-of <date>');
  });
});
