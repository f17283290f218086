import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { UsageError } from '../errors.js';
import { visible } from '../util/sanitize.js';

/** Longest file name most file systems take, in bytes. */
const NAME_MAX = 255;

/** `<name>.lock`, or for a name too long to take the suffix, a short name made from its hash. */
function lockName(name: string): string {
  const plain = `${name}.lock`;
  return Buffer.byteLength(plain) <= NAME_MAX ? plain : `.${createHash('sha256').update(name).digest('hex').slice(0, 16)}.genai-advisor.lock`;
}

/** Tries at a busy lock before giving up: about 15 seconds of waiting in all. */
const MAX_TRIES = 60;

/**
 * Runs `change` while holding `<file>.lock` (a folder made atomically, next to the file), so
 * that two runs editing one file take turns instead of each writing over the other's change.
 * A lock left by a killed run goes stale after 10 seconds. Waits up to about 15 seconds for a
 * busy file, then fails with a usage error (exit 2): the caller's change is then not made.
 */
export async function withFileLock<T>(path: string, cwd: string, change: () => Promise<T> | T): Promise<T> {
  const full = resolve(cwd, path);
  let target = full;
  try {
    // Two names for one file (a symlink) must share one lock.
    target = realpathSync(full);
  } catch {
    // Not there yet: `init` creates it.
  }
  const lockPath = join(dirname(target), lockName(basename(target)));
  // lockSync takes the lock and registers it for removal at exit in one step: a signal,
  // handled only between steps, can never leave a lock behind. Between tries the event loop
  // runs, so a signal while waiting for a busy file is honoured at once.
  let release: (() => void) | undefined;
  for (let attempt = 0; release === undefined; attempt++) {
    try {
      release = lockfile.lockSync(target, { realpath: false, lockfilePath: lockPath, stale: 10_000 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOCKED' && attempt < MAX_TRIES) {
        await new Promise((done) => setTimeout(done, Math.min(300, 5 * 1.3 ** attempt) * (0.5 + Math.random())));
        continue;
      }
      if (code === 'ELOCKED') {
        throw new UsageError(`${visible(path)} is being changed by another run (it holds ${visible(lockPath)}); nothing was written`, `try again; if no other genai-advisor is running, remove ${visible(lockPath)}`);
      }
      throw new UsageError(`cannot lock ${visible(path)} for writing (${code ?? 'unknown error'}); nothing was written`, 'check that its folder is writable');
    }
  }
  try {
    return await change();
  } finally {
    try {
      release();
    } catch {
      // Already gone (a stale lock taken over): nothing to release.
    }
  }
}
