// .ci/run's check-dist step: CI fails when the committed Action bundle differs from the one the
// build has just written. Run here on a scratch repository, not on this one.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
const step = ci.slice(ci.indexOf('# check-dist'));

function repository(): string {
  const dir = tempDir('genai-advisor-check-dist-');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir });
  git('init', '-q');
  mkdirSync(join(dir, 'action'));
  writeFileSync(join(dir, 'action/index.mjs'), 'export {};\n');
  git('add', '.');
  git('commit', '-qm', 'bundle');
  return dir;
}

describe('check-dist', () => {
  it('runs after the tests, which rebuild the bundle', () => {
    expect(ci.indexOf('npm test')).toBeGreaterThan(-1);
    expect(ci.indexOf('# check-dist')).toBeGreaterThan(ci.indexOf('npm test'));
  });

  it('passes when the build left the committed bundle as it was, and fails when it changed it', () => {
    const dir = repository();
    expect(spawnSync('bash', ['-c', step], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
    appendFileSync(join(dir, 'action/index.mjs'), '// built from newer sources\n');
    const stale = spawnSync('bash', ['-c', step], { cwd: dir, encoding: 'utf8' });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('action/index.mjs differs from a fresh build: run `npm run build` and commit action/index.mjs');
  });
});
