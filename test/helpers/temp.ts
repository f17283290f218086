/**
 * Temporary folders that clean up after themselves. Every folder made with `tempDir` is removed
 * when the test file that made it finishes, whether it was made at module top level, in a hook
 * or inside a test: importing this module registers one `afterAll` on the importing file.
 * A process `exit` handler removes whatever is still left should that hook never run.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Every folder not yet removed, shared by all copies of this module in one process. */
const PENDING = Symbol.for('genai-advisor.test.temp-dirs');
type WithPending = typeof globalThis & { [PENDING]?: Set<string> };

function pending(): Set<string> {
  const global = globalThis as WithPending;
  if (!global[PENDING]) {
    const dirs = new Set<string>();
    global[PENDING] = dirs;
    process.once('exit', () => {
      for (const dir of dirs) removeQuietly(dir);
    });
  }
  return global[PENDING];
}

/** The folders this test file made (this module is evaluated afresh for each isolated file). */
const mine = new Set<string>();

afterAll(() => {
  for (const dir of mine) {
    removeQuietly(dir);
    pending().delete(dir);
  }
  mine.clear();
});

/** A fresh, empty folder under the system's temporary folder, removed when the test file ends. */
export function tempDir(prefix = 'genai-advisor-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mine.add(dir);
  pending().add(dir);
  return dir;
}

/**
 * A path for a tmux server socket (`tmux -S`) inside a fresh temporary folder, so the socket
 * goes when the folder does; `tmux -L` would leave it behind in /tmp/tmux-<uid>/.
 */
export function tmuxSocket(prefix = 'genai-advisor-tmux-'): string {
  return join(tempDir(prefix), 'tmux.sock');
}

/** Removes a folder and everything in it, even where a test took away write permission; never throws. */
export function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
    return;
  } catch {
    // Most likely a folder without write or search permission: give them back and try again.
  }
  try {
    restoreAccess(dir);
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Cleaning up must never fail a test run.
  }
}

/** Gives the owner full access to a folder and every folder under it, following no symlinks. */
function restoreAccess(dir: string): void {
  try {
    if (!lstatSync(dir).isDirectory()) return;
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) restoreAccess(join(dir, name));
  } catch {
    // Keep going with what can be reached.
  }
}
